// The Graph API is the process boundary here: the simulator app stands in for Meta, in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createSimulatorApp, type SimulatorHandle } from '../../../../simulator/src';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type IntakeHarness, startIntake } from '../../webhooks/__fixtures__/intake-harness';

const TOKEN = 'media-test-token';

export interface MediaHarness {
  sim: SimulatorHandle;
  h: IntakeHarness;
  /** The media storage folder of this api. */
  dir: string;
  numberId: string;
  close(): Promise<void>;
}

/** An api (its own database, a scratch media folder, fast download polling) against an in-process simulator. */
export async function startMediaHarness(name: string): Promise<MediaHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'tandem-media-'));
  const sim = await createSimulatorApp({
    port: 0,
    webhookUrl: 'http://127.0.0.1:9/unused',
    appSecret: 's',
    accessToken: TOKEN,
    seed: true,
    logger: false,
  });
  const h = await startIntake(name, {
    META_GRAPH_BASE_URL: sim.url,
    META_ACCESS_TOKEN: TOKEN,
    MEDIA_STORAGE_DIR: dir,
    MEDIA_DOWNLOAD_POLL_MS: '20',
    MEDIA_DOWNLOAD_ATTEMPTS: '3',
    MEDIA_DOWNLOAD_BACKOFF_MS: '10',
  });
  const numberId = await h.seedNumber();
  return {
    sim,
    h,
    dir,
    numberId,
    async close() {
      await h.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
