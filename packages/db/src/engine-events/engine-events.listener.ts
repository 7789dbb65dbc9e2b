import { Client, type ClientConfig } from 'pg';
import type { DataSource } from 'typeorm';

const RECONNECT_MS = 1_000;

/**
 * A dedicated connection LISTENing on `channel` (outside the pool: it is held for the
 * consumer's life). `onWake` runs on each notification (with its payload), and after a
 * reconnect (without), since notifications sent while the connection was down are lost.
 */
export class NotificationListener {
  private client?: Client;
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly channel: string,
    private readonly onWake: (payload?: string) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Connects and listens; rejects if the first connection fails. */
  async start(): Promise<void> {
    const client = new Client(this.config);
    client.on('notification', (n) => this.onWake(n.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: Client, error?: unknown): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    if (error) this.onError(error);
    client.end().catch(() => undefined);
    this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS);
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    try {
      await this.start();
      this.onWake();
    } catch (error) {
      this.onError(error);
      this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS);
    }
  }
}

/** The `pg` settings of a TypeORM PostgreSQL data source, for a connection of our own. */
export function clientConfigOf(dataSource: DataSource): ClientConfig {
  const o = dataSource.options as { url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string };
  return {
    connectionString: o.url,
    host: o.host,
    port: o.port,
    user: o.username,
    password: typeof o.password === 'string' ? o.password : undefined,
    database: o.database,
  };
}
