/**
 * A TCP proxy between an app instance and PostgreSQL, so a test can take the database away from
 * that one instance without touching the server the rest of the suite uses:
 * - `refuse()` + `cut()` (= `down()`): new connections are refused (ECONNREFUSED) and open ones
 *   reset, as while a server restarts;
 * - `stall()`: keep every connection open but forward nothing (a hung network or frozen server:
 *   no timeout inside PostgreSQL can fire, since the statements never arrive);
 * - `up()`: back to normal (stalled bytes are delivered, as a recovering network would).
 */
import net from 'node:net';

interface Pair {
  client: net.Socket;
  upstream: net.Socket;
  held: Array<{ to: net.Socket; chunk: Buffer }>;
}

export class TcpProxy {
  private server: net.Server | null = null;
  private readonly pairs = new Set<Pair>();
  private stalled = false;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<number> {
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.target);
    const pair: Pair = { client, upstream, held: [] };
    this.pairs.add(pair);
    const forward = (to: net.Socket) => (chunk: Buffer) => {
      if (this.stalled) pair.held.push({ to, chunk });
      else to.write(chunk);
    };
    client.on('data', forward(upstream));
    upstream.on('data', forward(client));
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      s.on('error', end);
      s.on('close', end);
    }
  }

  /** Refuse new connections (ECONNREFUSED); open ones stay until `cut`. */
  refuse(): void {
    // Stops listening at once; close's callback would wait for the open connections, so it is not awaited.
    this.server?.close();
    this.server = null;
  }

  /** Cut every open connection (reset), as a server that went away. */
  cut(): void {
    for (const pair of [...this.pairs]) {
      pair.client.resetAndDestroy();
      pair.upstream.destroy();
    }
    this.pairs.clear();
  }

  down(): void {
    this.refuse();
    this.cut();
  }

  stall(): void {
    this.stalled = true;
  }

  async up(): Promise<void> {
    this.stalled = false;
    for (const pair of this.pairs) {
      for (const { to, chunk } of pair.held.splice(0)) to.write(chunk);
    }
    if (!this.server) await this.start(this.port);
  }

  close(): void {
    this.down();
  }
}
