import { loadConfig } from '@tandem/config';
import { Logger } from '@nestjs/common';
import { createSimulatorApp } from './simulator-app';

async function main(): Promise<void> {
  const config = loadConfig(['simulator', 'meta']);
  const sim = await createSimulatorApp({
    port: config.SIMULATOR_PORT,
    host: config.SIMULATOR_HOST,
    webhookUrl: config.SIMULATOR_WEBHOOK_URL,
    appSecret: config.META_APP_SECRET,
    accessToken: config.META_ACCESS_TOKEN,
    appId: config.META_APP_ID,
    // Required (and checked) with NODE_ENV=production; empty elsewhere: the control API stays open.
    controlToken: config.SIMULATOR_CONTROL_TOKEN || undefined,
    retryHorizonMs: config.SIMULATOR_RETRY_HORIZON_MS,
    defaultCaps: { coexistence: config.COEXISTENCE_DEFAULT_MPS, cloud: config.CLOUD_DEFAULT_MPS },
    seed: true,
    logger: ['log', 'error', 'warn'],
  });
  const logger = new Logger('Simulator');
  logger.log(`WhatsApp Cloud API simulator on ${sim.url} (docs ${sim.url}/_sim/docs), webhooks → ${config.SIMULATOR_WEBHOOK_URL}`);
  const stop = (signal: string) => {
    logger.log(`${signal}: stopping`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
