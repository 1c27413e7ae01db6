/**
 * A TCP relay between an app server and PostgreSQL that counts, from the wire itself, the statements
 * (Sync or simple Query messages) and round trips (a client burst sent while nothing was outstanding on
 * that connection: pipelined statements share one) and which statement texts ran. Independent of the
 * app's code and drivers, so the same figure means the same for our app and the floor app.
 * PostgreSQL v3 protocol: after the untyped startup (and optional SSLRequest) every message is
 * type byte + int32 length (which counts itself).
 */
import net from 'node:net';

export interface WireCounts {
  statements: number;
  roundTrips: number;
  /** Statement text (first 120 chars, whitespace folded) → executions. */
  byText: Record<string, number>;
}

export interface WireCounter {
  url: string;
  reset(): void;
  counts(): WireCounts;
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

const fold = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 120);

export async function startWireCounter(databaseUrl: string, listenPort: number): Promise<WireCounter> {
  const target = new URL(databaseUrl);
  let counts: WireCounts = { statements: 0, roundTrips: 0, byText: {} };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    let outstanding = 0;
    let started = false;
    let awaitingSslByte = false;
    let inBuf = Buffer.alloc(0);
    let outBuf = Buffer.alloc(0);
    const named = new Map<string, string>();
    let unnamed = '';
    const count = (text: string) => {
      counts.statements++;
      const key = fold(text);
      counts.byText[key] = (counts.byText[key] ?? 0) + 1;
    };
    client.on('data', (chunk) => {
      upstream.write(chunk);
      inBuf = Buffer.concat([inBuf, chunk]);
      let syncs = 0;
      for (;;) {
        if (!started) {
          if (inBuf.length < 8) break;
          const len = inBuf.readInt32BE(0);
          if (inBuf.length < len) break;
          const code = inBuf.readInt32BE(4);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) awaitingSslByte = true;
          else started = true;
          inBuf = inBuf.subarray(len);
          continue;
        }
        if (inBuf.length < 5) break;
        const type = String.fromCharCode(inBuf[0]!);
        const len = inBuf.readInt32BE(1);
        if (inBuf.length < len + 1) break;
        const body = inBuf.subarray(5, len + 1);
        if (type === 'P') {
          const nameEnd = body.indexOf(0);
          const name = body.subarray(0, nameEnd).toString();
          const text = body.subarray(nameEnd + 1, body.indexOf(0, nameEnd + 1)).toString();
          if (name) named.set(name, text);
          else unnamed = text;
        } else if (type === 'B') {
          const portalEnd = body.indexOf(0);
          const name = body.subarray(portalEnd + 1, body.indexOf(0, portalEnd + 1)).toString();
          count(name ? (named.get(name) ?? name) : unnamed);
        } else if (type === 'Q') {
          count(body.subarray(0, body.indexOf(0)).toString());
          syncs++;
        } else if (type === 'S') {
          syncs++;
        }
        inBuf = inBuf.subarray(len + 1);
      }
      if (syncs > 0) {
        if (outstanding === 0) counts.roundTrips++;
        outstanding += syncs;
      }
    });
    upstream.on('data', (chunk) => {
      client.write(chunk);
      if (awaitingSslByte) {
        awaitingSslByte = false;
        chunk = chunk.subarray(1);
      }
      outBuf = Buffer.concat([outBuf, chunk]);
      for (;;) {
        if (outBuf.length < 5) break;
        const len = outBuf.readInt32BE(1);
        if (outBuf.length < len + 1) break;
        if (outBuf[0] === 0x5a /* Z: ReadyForQuery */ && started) outstanding = Math.max(0, outstanding - 1);
        outBuf = outBuf.subarray(len + 1);
      }
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(listenPort);
  return {
    url: url.toString(),
    reset: () => (counts = { statements: 0, roundTrips: 0, byText: {} }),
    counts: () => counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
