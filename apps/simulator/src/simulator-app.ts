import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AddressInfo } from 'node:net';
import { SimExceptionFilter } from './common/sim-exception.filter';
import { SimulatorAdminService } from './control/simulator-admin.service';
import { BehaviourService } from './common/behaviour.service';
import {
  defaultBehaviour,
  mergeBehaviour,
  ResolvedSimulatorOptions,
  SimulatorAppOptions,
  SimulatorBehaviour,
  SimulatorBehaviourPatch,
} from './simulator-options.types';
import { SimulatorModule } from './simulator.module';
import { stampArrival } from './common/arrival.util';
import { requireControlToken } from './common/control-token.middleware';
import { SimStateService } from './state/sim-state.service';

/** A running simulator. */
export interface SimulatorHandle {
  app: NestExpressApplication;
  /** Base URL, e.g. http://127.0.0.1:4010 (Graph calls go to `${url}/v23.0/...`). */
  url: string;
  port: number;
  /** In-memory state, for in-process assertions. */
  state: SimStateService;
  /** Resolves once no status is scheduled and no webhook is pending; rejects after the timeout. */
  whenIdle(timeoutMs?: number): Promise<void>;
  reset(options?: { seed?: boolean; keepConfig?: boolean }): void;
  configure(patch: SimulatorBehaviourPatch): SimulatorBehaviour;
  close(): Promise<void>;
}

/**
 * Starts a WhatsApp Cloud API simulator in this process and waits until it listens.
 * @example
 * const sim = await createSimulatorApp({ port: 0, webhookUrl: 'http://127.0.0.1:3000/webhooks/whatsapp', appSecret: 's', accessToken: 't', seed: true });
 * // … POST `${sim.url}/v23.0/108932450377265/messages` with `Authorization: Bearer t`
 * await sim.close();
 */
export async function createSimulatorApp(options: SimulatorAppOptions): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const resolved: ResolvedSimulatorOptions = {
    appSecret: options.appSecret,
    accessToken: options.accessToken,
    appId: options.appId ?? 'sim-app-id',
    seed: options.seed ?? false,
    defaultCaps: { coexistence: options.defaultCaps?.coexistence ?? 20, cloud: options.defaultCaps?.cloud ?? 80 },
    behaviour: mergeBehaviour(defaultBehaviour(options.webhookUrl, options.retryHorizonMs), options.behaviour ?? {}),
    publicUrl: '',
  };
  const app = await NestFactory.create<NestExpressApplication>(SimulatorModule.register(resolved), {
    logger: options.logger ?? ['error', 'warn'],
  });
  // Meta measures throughput at its edge: stamp each request when its headers arrive,
  // before body parsing and the Nest pipeline add their own (load-dependent) delay.
  app.getHttpServer().prependListener('request', stampArrival);
  if (options.controlToken) app.use(requireControlToken(options.controlToken));
  app.useBodyParser('json', { limit: '5mb' });
  app.useGlobalFilters(new SimExceptionFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tandem WhatsApp Cloud API simulator')
      .setDescription(
        'Graph API endpoints as Meta serves them, plus the `/_sim` control API (customers, business app, Meta events, inspection).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('_sim/docs', app, document, { jsonDocumentUrl: '_sim/docs-json' });
  const admin = app.get(SimulatorAdminService);
  if (resolved.seed) admin.reset({ seed: true });
  await app.listen(options.port ?? 4010, host);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  resolved.publicUrl = url;
  return {
    app,
    url,
    port,
    state: app.get(SimStateService),
    whenIdle: async (timeoutMs = 10_000) => {
      if (!(await admin.waitIdle(timeoutMs))) throw new Error(`simulator not idle after ${timeoutMs} ms`);
    },
    reset: (resetOptions) => admin.reset(resetOptions),
    configure: (patch) => app.get(BehaviourService).update(patch),
    close: () => app.close(),
  };
}
