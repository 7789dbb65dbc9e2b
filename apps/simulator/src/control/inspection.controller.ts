import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { parseInput } from '../common/zod-http.util';
import { LedgerService, SendLedgerEntry } from '../state/ledger.service';
import { SimStateService } from '../state/sim-state.service';
import { conversationView, numberView, templateView } from '../state/views.util';
import { WebhookDispatcherService } from '../webhooks/webhook-dispatcher.service';
import { conversationsQuerySchema, deliveriesQuerySchema, ledgerQuerySchema } from './inspection.schemas';

@ApiTags('Simulator: inspection')
@Controller('_sim')
export class InspectionController {
  constructor(
    private readonly state: SimStateService,
    private readonly ledger: LedgerService,
    private readonly dispatcher: WebhookDispatcherService,
  ) {}

  @Get('ledger')
  @ApiOperation({ summary: 'Every send that reached a number: accepted (with wamid) or refused (with error code)' })
  @ApiQuery({ name: 'phoneNumberId', required: false })
  @ApiQuery({ name: 'recipient', required: false, description: 'wa_id or BSUID' })
  @ApiQuery({ name: 'since', required: false, description: 'epoch ms or ISO date-time' })
  @ApiQuery({ name: 'outcome', required: false, enum: ['accepted', 'refused'] })
  @ApiQuery({ name: 'errorCode', required: false, type: Number })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  ledgerEntries(@Query() query: unknown): { entries: (Omit<SendLedgerEntry, 'at'> & { at: string })[] } {
    const entries = this.ledger.list(parseInput(ledgerQuerySchema, query, 'query'));
    return { entries: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })) };
  }

  @Get('deliveries')
  @ApiOperation({ summary: 'Every webhook with its attempts (response code, attempt number, timing) and payload' })
  @ApiQuery({ name: 'field', required: false })
  @ApiQuery({ name: 'state', required: false, enum: ['queued', 'in_flight', 'retry_wait', 'delivered', 'dropped'] })
  @ApiQuery({ name: 'since', required: false })
  @ApiQuery({ name: 'contains', required: false, description: 'substring of the raw body, e.g. a wamid' })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  deliveries(@Query() query: unknown): { deliveries: Record<string, unknown>[] } {
    const list = this.dispatcher.list(parseInput(deliveriesQuerySchema, query, 'query'));
    return {
      deliveries: list.map(({ body, ...d }) => ({
        ...d,
        createdAt: new Date(d.createdAt).toISOString(),
        attempts: d.attempts.map((a) => ({ ...a, at: new Date(a.at).toISOString() })),
        payload: JSON.parse(body) as unknown,
      })),
    };
  }

  @Get('conversations')
  @ApiOperation({ summary: 'Conversations with window state and every message (both directions, statuses)' })
  @ApiQuery({ name: 'phoneNumberId', required: false })
  @ApiQuery({ name: 'waId', required: false, description: 'wa_id or BSUID' })
  conversations(@Query() query: unknown): { conversations: Record<string, unknown>[] } {
    const filter = parseInput(conversationsQuerySchema, query, 'query');
    const contact = filter.waId === undefined ? undefined : this.state.findContact(filter.waId);
    if (filter.waId !== undefined && !contact) throw new NotFoundException(`unknown contact ${filter.waId}`);
    const conversations = [...this.state.conversations.values()].filter(
      (c) =>
        (filter.phoneNumberId === undefined || c.phoneNumberId === filter.phoneNumberId) &&
        (contact === undefined || c.contactId === contact.id),
    );
    return {
      conversations: conversations.flatMap((c) => {
        const number = this.state.numbers.get(c.phoneNumberId);
        return number ? [conversationView(c, number, this.state.contacts.get(c.contactId))] : [];
      }),
    };
  }

  @Get('numbers')
  @ApiOperation({ summary: 'Phone numbers with mode, cap, onboarding, connection and sync flags' })
  numbers(): { numbers: Record<string, unknown>[] } {
    return { numbers: [...this.state.numbers.values()].map(numberView) };
  }

  @Get('templates')
  @ApiOperation({ summary: 'Templates of every WABA (or one, with wabaId)' })
  @ApiQuery({ name: 'wabaId', required: false })
  templates(@Query('wabaId') wabaId?: string): { templates: Record<string, unknown>[] } {
    const all = wabaId ? this.state.templatesOf(wabaId) : [...this.state.templates.values()];
    return { templates: all.map(templateView) };
  }

  @Get('contacts')
  @ApiOperation({ summary: 'WhatsApp users known to the simulator' })
  contacts(): { contacts: Record<string, unknown>[] } {
    return { contacts: [...this.state.contacts.values()].map((c) => ({ ...c })) };
  }
}
