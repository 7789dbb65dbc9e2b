import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@tandem/config';

/**
 * Lazily connected Temporal client. The api starts even when Temporal is down (health
 * then says so); the connection is retried on the next use.
 */
@Injectable()
export class TemporalService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalService.name);
  private readonly cfg = loadConfig(['temporal']);
  private connecting?: Promise<Client>;
  private connection?: Connection;

  client(): Promise<Client> {
    this.connecting ??= this.connect().catch((err: unknown) => {
      this.connecting = undefined;
      throw err;
    });
    return this.connecting;
  }

  get taskQueue(): string {
    return this.cfg.TEMPORAL_TASK_QUEUE;
  }

  /** Resolves when the server answers within `timeoutMs`. */
  async ping(timeoutMs = 2000): Promise<void> {
    const client = await withTimeout(this.client(), timeoutMs, 'Temporal connection timed out');
    await withTimeout(client.workflowService.getSystemInfo({}), timeoutMs, 'Temporal did not answer in time');
  }

  private async connect(): Promise<Client> {
    this.connection = await Connection.connect({ address: this.cfg.TEMPORAL_ADDRESS, connectTimeout: 2000 });
    this.logger.log(`connected to Temporal at ${this.cfg.TEMPORAL_ADDRESS}`);
    return new Client({ connection: this.connection, namespace: this.cfg.TEMPORAL_NAMESPACE });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close().catch(() => undefined);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
