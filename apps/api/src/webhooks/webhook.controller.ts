import {
  BadRequestException,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { loadConfig } from '@tandem/config';
import { verifySignature } from '@tandem/whatsapp';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { readRawBody } from './raw-body.util';
import { verifyQuerySchema, type WebhookAck } from './webhook.dto';
import { WebhookIntakeService } from './webhook-intake.service';
import type { IngestLane } from '../ingest/ingest-queue.service';

/**
 * Meta's webhook endpoint. The app's JSON parser skips `/webhooks/*`, so the POST handler
 * reads the raw stream: the signature covers the exact bytes. Checks run cheapest first and
 * nothing is stored unless every check passes.
 */
@ApiTags('webhooks')
@Public()
@Controller('webhooks/whatsapp')
export class WebhookController {
  private readonly cfg = loadConfig(['api', 'meta']);

  constructor(private readonly intake: WebhookIntakeService) {}

  @Get()
  @ApiOperation({ summary: "Meta's verification handshake: echoes hub.challenge when hub.verify_token matches" })
  verify(
    @Query(new ZodPipe(verifyQuerySchema)) query: Record<string, string | undefined>,
    @Res({ passthrough: true }) res: Response,
  ): string {
    const challenge = query['hub.challenge'];
    if (query['hub.mode'] !== 'subscribe' || query['hub.verify_token'] !== this.cfg.META_VERIFY_TOKEN || !challenge) {
      throw new ForbiddenException('Webhook verification failed');
    }
    // Meta expects the challenge itself as the body, not JSON.
    res.type('text/plain');
    return challenge;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receives a signed WhatsApp webhook (raw JSON, X-Hub-Signature-256), stores it and answers 200 at once',
  })
  async receive(@Req() req: Request): Promise<WebhookAck> {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      req.resume();
      throw new UnsupportedMediaTypeException('Content-Type must be application/json');
    }
    const body = await readRawBody(req, this.cfg.WEBHOOK_MAX_BODY_BYTES);
    const signature = req.headers['x-hub-signature-256'];
    const header = Array.isArray(signature) ? signature[0] : signature;
    const check = verifySignature(body, header, this.cfg.META_APP_SECRET);
    if (!check.ok) throw new UnauthorizedException(`X-Hub-Signature-256 ${check.reason}`);
    const parsed = jsonObject(body);
    if (!parsed) throw new BadRequestException('Body is not a JSON object');
    const delivery = await this.intake.persist(body, header ?? '');
    if (onlyStatuses(parsed)) this.intake.applyStatusesSoon(delivery, parsed);
    else this.intake.enqueueSoon(delivery, laneOf(parsed));
    return { received: true, deliveryId: delivery.id, duplicate: delivery.duplicate };
  }
}

function jsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

type Change = { field?: unknown; value?: Record<string, unknown> } | undefined;

/** The changes of every entry; an entry without a change list counts as one unknown change. */
function changesOf(body: Record<string, unknown>): Change[] {
  if (!Array.isArray(body.entry)) return [];
  return body.entry.flatMap((e: { changes?: unknown }) => (Array.isArray(e?.changes) ? (e.changes as Change[]) : [undefined]));
}

/** Whether every change of the body is a `messages` change carrying statuses and nothing else. */
export function onlyStatuses(body: Record<string, unknown>): boolean {
  const changes = changesOf(body);
  return (
    changes.length > 0 &&
    changes.every((change) => {
      const value = change?.field === 'messages' && typeof change.value === 'object' ? change.value : undefined;
      if (!value || !Array.isArray(value.statuses)) return false;
      return Object.keys(value).every((k) => !Array.isArray(value[k]) || k === 'statuses' || k === 'contacts');
    })
  );
}

/** `conversation` when any change carries customer messages or echoes (see `IngestLane`); a body of unknown shape too. */
export function laneOf(body: Record<string, unknown>): IngestLane {
  const values = changesOf(body).map((c) => c?.value);
  const conversational = (v: Record<string, unknown>) => Array.isArray(v.messages) || Array.isArray(v.message_echoes);
  const onlyBackground = values.length > 0 && values.every((v) => v && typeof v === 'object' && !conversational(v));
  return onlyBackground ? 'background' : 'conversation';
}
