import { Context } from '@temporalio/activity';
import {
  createGuardedHttpClient,
  invokeNode,
  type HttpClientPort,
  type NodeContext,
  type NodeInvocation,
  type SendOutcome,
} from '@tandem/node-sdk';
import { redactionNeedles, redactText, redactValue, SecretStore, secretKeysFromEnv } from '@tandem/db';
import type { ExecuteNodeInput, ExecuteNodeResult, JourneyActivities, StepSend } from '@tandem/workflows';
import { SendPath } from '../send/send-path.service';
import type { ActivityDeps } from './activity-deps.types';
import { stepErrorOf, toActivityFailure } from './activity-errors.util';
import { findContact, toSnapshot } from './contact-snapshot.util';
import { contactsPort, stepLogger, storeCredentials, type StepLogEntry } from './node-ports';
import { stepRowId } from './run-rows.util';
import { StepRows } from './step-rows.repository';

const HEARTBEAT_MS = 2_000;

/**
 * What one visit of a node did besides its result: its sends (numbered in call order, so a
 * retried visit reuses the same idempotency keys), log lines and contact changes.
 */
class NodeVisit {
  readonly logs: StepLogEntry[] = [];
  /** Credential values this visit was given: redacted from what its step stores or throws. */
  readonly secrets: string[] = [];
  lastSend: StepSend | undefined;
  contactChanged = false;
  private sendIndex = 0;

  constructor(
    private readonly sendPath: SendPath,
    private readonly input: ExecuteNodeInput,
    readonly attempt: number,
  ) {}

  readonly send: NodeContext['whatsapp']['send'] = async (message, options) => {
    const { input } = this;
    const outcome = await this.sendPath.send({
      key: `${input.runId}:${input.step}:${this.sendIndex++}`,
      workspaceId: input.workspaceId,
      numberId: input.numberId,
      contactId: input.contactId,
      runId: input.runId,
      nodeId: input.node.id,
      message,
      fallbackTemplate: options?.fallbackTemplate,
      attempt: this.attempt,
    });
    this.lastSend = stepSendOf(outcome);
    return outcome;
  };
}

/** `executeNode`: runs one visit of an action node (built-in or custom) with a real `ctx`. */
export function executeNodeActivity(deps: ActivityDeps): Pick<JourneyActivities, 'executeNode'> {
  const sendPath = new SendPath(deps);
  const steps = new StepRows(deps.dataSource);
  const clock = deps.clock ?? Date.now;
  // One guarded client (one connection pool) for every step; never a bare fetch.
  const http = deps.http ?? createGuardedHttpClient();
  const secretStore = new SecretStore(deps.secretKeys ?? secretKeysFromEnv());
  return {
    async executeNode(input: ExecuteNodeInput): Promise<ExecuteNodeResult> {
      const activity = Context.current();
      const visit = new NodeVisit(sendPath, input, activity.info.attempt);
      const stepId = stepRowId(input.runId, input.step);
      await steps.start(stepId, input, visit.attempt, clock());
      // A local activity has no heartbeat: its workflow task's timeout notices a dead worker.
      const heartbeat = activity.info.isLocal ? undefined : setInterval(() => activity.heartbeat(), HEARTBEAT_MS);
      try {
        const def = deps.registry.require(input.node.type);
        const ctx = await buildContext(deps, http, secretStore, input, stepId, visit);
        const invocation = await invokeNode(def, ctx, input.node.config);
        const needles = redactionNeedles(visit.secrets);
        const output = redactValue(invocation.output, needles);
        await steps.finish(stepId, portOf(invocation), output, visit.lastSend?.wamid ?? null, clock());
        const contact = visit.contactChanged ? await findContact(deps.dataSource.manager, input.contactId) : undefined;
        return {
          ...('port' in invocation
            ? { kind: 'port' as const, port: invocation.port }
            : { kind: 'await_reply' as const, reply: invocation.awaitReply }),
          variables: redactValue(invocation.variables, needles),
          ...(contact ? { contact: toSnapshot(contact) } : {}),
          ...(visit.lastSend ? { lastSend: visit.lastSend } : {}),
        };
      } catch (error) {
        const needles = redactionNeedles(visit.secrets);
        const logs = visit.logs.length > 0 ? { logs: visit.logs } : {};
        const stepError = redactValue({ ...stepErrorOf(error), ...logs }, needles);
        await steps.fail(stepId, stepError, visit.attempt, clock()).catch(() => undefined);
        // The failure also travels into Temporal's history and the run's error: redact it there too.
        if (needles.length > 0 && error instanceof Error) {
          error.message = redactValue(error.message, needles);
          const withDetails = error as { details?: unknown };
          if (withDetails.details !== undefined) withDetails.details = redactValue(withDetails.details, needles);
        }
        throw toActivityFailure(error);
      } finally {
        clearInterval(heartbeat);
      }
    },
  };
}

function stepSendOf(outcome: SendOutcome): StepSend {
  switch (outcome.status) {
    case 'accepted':
      return { status: 'accepted', wamid: outcome.wamid };
    case 'failed':
      return { status: 'failed', errorCode: outcome.code };
    case 'refused':
      return { status: 'refused' };
  }
}

function portOf(invocation: NodeInvocation): string | null {
  return 'port' in invocation ? invocation.port : null;
}

async function buildContext(
  deps: ActivityDeps,
  http: HttpClientPort,
  secretStore: SecretStore,
  input: ExecuteNodeInput,
  stepId: string,
  visit: NodeVisit,
): Promise<NodeContext> {
  const row = await findContact(deps.dataSource.manager, input.contactId, input.numberId);
  if (!row) throw new Error(`contact ${input.contactId} does not exist`);
  const snapshot = toSnapshot(row);
  return {
    contact: { ...snapshot },
    run: {
      runId: input.runId,
      journeyId: input.journeyId,
      version: input.version,
      nodeId: input.node.id,
      stepId,
      attempt: visit.attempt,
      variables: Object.freeze({ ...input.vars }),
      trigger: input.trigger,
    },
    number: { id: input.numberId, phoneNumberId: row.number_phone_number_id ?? '', mode: row.number_mode ?? 'coexistence' },
    logger: stepLogger(visit.logs, `${input.node.type} ${input.runId}:${input.step}`, (text) =>
      redactText(text, redactionNeedles(visit.secrets)),
    ),
    whatsapp: { send: visit.send },
    http,
    credentials: storeCredentials(deps.dataSource, secretStore, input.workspaceId, input.node.config, visit.secrets),
    contacts: contactsPort(deps.dataSource, input.contactId, input.runId, () => (visit.contactChanged = true)),
    now: deps.clock ?? Date.now,
  };
}
