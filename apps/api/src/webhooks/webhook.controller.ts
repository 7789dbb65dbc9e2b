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
import { classifyWebhookBody, verifySignature, verifyTokenMatches } from '@tandem/whatsapp';
import type { Request, Response } from 'express';
import { Public } from '../common/public.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { readRawBody } from './raw-body.util';
import { verifyQuerySchema, type WebhookAck } from './webhook.dto';
import { WebhookIntakeService } from './webhook-intake.service';

/**
 * Meta's webhook endpoint. The app's JSON parser skips `/webhooks/*`, so the POST handler
 * reads the raw stream: the signature covers the exact bytes. Checks run cheapest first and
 * nothing is stored unless every check passes. What the body holds is read later, by the ingest.
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
    if (query['hub.mode'] !== 'subscribe' || !verifyTokenMatches(query['hub.verify_token'], this.cfg.META_VERIFY_TOKEN) || !challenge) {
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
    const summary = classifyWebhookBody(body);
    if (!summary) throw new BadRequestException('Body is not a JSON object');
    const delivery = await this.intake.persist(body, header ?? '', summary);
    this.intake.processSoon(delivery, summary.kind);
    return { received: true, deliveryId: delivery.id, duplicate: delivery.duplicate };
  }
}
