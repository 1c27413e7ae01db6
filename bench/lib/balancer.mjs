/**
 * A small round-robin HTTP load balancer for the two-instance bench (issue 16, item 6), in a process of
 * its own so its CPU is not the load generator's: `node bench/lib/balancer.mjs <port> <target>...`.
 * Keep-alive to each target; request and response bodies are streamed; X-Forwarded-For/Host are set as a
 * reverse proxy would. Prints "ready" on stdout once listening.
 */
import http from 'node:http';

const [port, ...targets] = process.argv.slice(2);
const agents = targets.map(() => new http.Agent({ keepAlive: true, maxSockets: 256 }));
let next = 0;

const server = http.createServer((req, res) => {
  const i = next++ % targets.length;
  const target = new URL(targets[i]);
  const upstream = http.request(
    {
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      agent: agents[i],
      headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-host': req.headers.host ?? '' },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(port), '127.0.0.1', () => console.log('ready'));
