import { Client, Connection } from '@temporalio/client';

/** A client of the shared Temporal dev server that terminates, on close, the workflows a test started. */
export interface TestTemporal {
  client: Client;
  /** Remembers a workflow id to terminate on close. */
  started(workflowId: string): void;
  close(): Promise<void>;
}

export async function connectTestTemporal(): Promise<TestTemporal> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection });
  const ids: string[] = [];
  return {
    client,
    started: (id) => void ids.push(id),
    async close() {
      for (const id of ids)
        await client.workflow
          .getHandle(id)
          .terminate('test over')
          .catch(() => undefined);
      await connection.close();
    },
  };
}
