import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApi, parseInput } from '../common/zod-http.util';
import { numberView, templateView } from '../state/views.util';
import { AccountEventsService } from './account-events.service';
import { ContactSyncService } from './contact-sync.service';
import { HistoryRunResult, HistorySyncService } from './history-sync.service';
import { MetaAdminService, toStagedThreads } from './meta-admin.service';
import {
  contactSyncSchema,
  createContactSchema,
  createNumberSchema,
  createTemplateSchema,
  disconnectSchema,
  historySyncSchema,
  templateStatusSchema,
} from './meta.schemas';

@ApiTags('Simulator: Meta')
@Controller('_sim/meta')
export class MetaController {
  constructor(
    private readonly admin: MetaAdminService,
    private readonly account: AccountEventsService,
    private readonly history: HistorySyncService,
    private readonly contactSync: ContactSyncService,
  ) {}

  @Post('numbers')
  @ApiOperation({ summary: 'Onboard a phone number (coexistence or cloud)' })
  @ApiBody({ schema: openApi(createNumberSchema) })
  createNumber(@Body() body: unknown): Record<string, unknown> {
    return numberView(this.admin.createNumber(parseInput(createNumberSchema, body)));
  }

  @Post('templates')
  @ApiOperation({ summary: 'Create a message template (no webhook; change its status to announce it)' })
  @ApiBody({ schema: openApi(createTemplateSchema) })
  createTemplate(@Body() body: unknown): Record<string, unknown> {
    return templateView(this.admin.createTemplate(parseInput(createTemplateSchema, body)));
  }

  @Post('contacts')
  @ApiOperation({ summary: 'Create or update a WhatsApp user (wa_id and/or BSUID)' })
  @ApiBody({ schema: openApi(createContactSchema) })
  createContact(@Body() body: unknown): Record<string, unknown> {
    return { ...this.admin.createContact(parseInput(createContactSchema, body)) };
  }

  @Post('templates/status')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve / pause / disable / reject / reinstate a template → `message_template_status_update`' })
  @ApiBody({ schema: openApi(templateStatusSchema) })
  templateStatus(@Body() body: unknown): Record<string, unknown> {
    const input = parseInput(templateStatusSchema, body);
    const template = this.admin.findTemplate(input);
    const deliveryId = this.account.changeTemplateStatus(template, input);
    return { deliveryId, template: templateView(template) };
  }

  @Post('numbers/:phoneNumberId/disconnect')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Break the coexistence link → `account_update` PARTNER_REMOVED (with disconnection_info) or ACCOUNT_OFFBOARDED',
  })
  @ApiBody({ schema: openApi(disconnectSchema) })
  disconnect(@Param('phoneNumberId') id: string, @Body() body: unknown): { deliveryId: number; numbers: string[] } {
    return this.account.disconnect(this.admin.requireNumber(id), parseInput(disconnectSchema, body));
  }

  @Post('numbers/:phoneNumberId/reconnect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Restore the link → `account_update` ACCOUNT_RECONNECTED' })
  reconnect(@Param('phoneNumberId') id: string): { deliveryId: number; numbers: string[] } {
    return this.account.reconnect(this.admin.requireNumber(id));
  }

  @Post('numbers/:phoneNumberId/history')
  @HttpCode(200)
  @ApiOperation({ summary: 'Run a history sync now: phased chunks, placeholders, media follow-ups, or the declined error' })
  @ApiBody({ schema: openApi(historySyncSchema) })
  historySync(@Param('phoneNumberId') id: string, @Body() body: unknown): HistoryRunResult {
    const number = this.admin.requireNumber(id);
    const input = parseInput(historySyncSchema, body);
    const threads = input.threads ? toStagedThreads(input.threads, number.onboardedAt) : undefined;
    return this.history.run(number, { ...input, threads });
  }

  @Post('numbers/:phoneNumberId/contact-sync')
  @HttpCode(200)
  @ApiOperation({ summary: 'Address-book changes on the phone → `smb_app_state_sync` (add / remove)' })
  @ApiBody({ schema: openApi(contactSyncSchema) })
  contactSyncNow(@Param('phoneNumberId') id: string, @Body() body: unknown): { deliveryId: number | null } {
    const number = this.admin.requireNumber(id);
    const { items } = parseInput(contactSyncSchema, body);
    const deliveryId = items ? this.contactSync.sync(number, items) : this.contactSync.syncAddressBook(number);
    return { deliveryId: deliveryId ?? null };
  }
}
