import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { openApi } from '../common/zod-http.util';
import { arrivedAt } from '../common/arrival.util';
import { GraphAuthGuard } from './graph-auth.guard';
import { GraphObjectsService, smbAppDataSchema } from './graph-objects.service';
import { sendOrMarkReadSchema } from './send-request.schema';
import { SendResponse, SendService } from './send.service';
import { submitTemplateSchema, TemplateSubmissionService } from './template-submission.service';

/** The Cloud API surface the engine calls, as on graph.facebook.com. */
@ApiTags('Graph API (simulated Meta)')
@ApiBearerAuth()
@ApiParam({ name: 'version', example: 'v23.0' })
@UseGuards(GraphAuthGuard)
@Controller()
export class GraphController {
  constructor(
    private readonly sends: SendService,
    private readonly objects: GraphObjectsService,
    private readonly submissions: TemplateSubmissionService,
  ) {}

  @Post(':version/:phoneNumberId/messages')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a message (text, media, template, interactive, reaction) or mark one as read' })
  @ApiBody({ schema: openApi(sendOrMarkReadSchema) })
  send(@Param('phoneNumberId') phoneNumberId: string, @Body() body: unknown, @Req() request: Request): SendResponse | { success: true } {
    return this.sends.handle(phoneNumberId, body, arrivedAt(request));
  }

  @Post(':version/:phoneNumberId/smb_app_data')
  @HttpCode(200)
  @ApiOperation({ summary: 'Request the coexistence history or contact sync (once each, within 24 h of onboarding)' })
  @ApiBody({ schema: openApi(smbAppDataSchema) })
  smbAppData(@Param('phoneNumberId') phoneNumberId: string, @Body() body: unknown): { messaging_product: 'whatsapp'; request_id: string } {
    return this.objects.requestSync(phoneNumberId, body);
  }

  @Get(':version/:wabaId/message_templates')
  @ApiOperation({ summary: "List a WABA's templates (data + cursor paging)" })
  @ApiQuery({ name: 'limit', required: false, type: Number })
  @ApiQuery({ name: 'after', required: false })
  @ApiQuery({ name: 'name', required: false })
  @ApiQuery({ name: 'status', required: false })
  templates(
    @Param('wabaId') wabaId: string,
    @Query() query: { limit?: string; after?: string; name?: string; status?: string },
    @Req() request: Request,
  ): Record<string, unknown> {
    const baseUrl = `${request.protocol}://${request.get('host') ?? 'localhost'}${request.path}`;
    return this.objects.templates(wabaId, query, baseUrl);
  }

  @Post(':version/:wabaId/message_templates')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a template for review: PENDING at once, approved or rejected after templateReviewMs' })
  @ApiBody({ schema: openApi(submitTemplateSchema) })
  submitTemplate(@Param('wabaId') wabaId: string, @Body() body: unknown): { id: string; status: 'PENDING'; category: string } {
    return this.submissions.submit(wabaId, body);
  }

  @Get(':version/:objectId')
  @ApiOperation({ summary: 'Read a phone number (?fields=is_on_biz_app,platform_type,throughput,display_phone_number…) or a media object' })
  @ApiQuery({ name: 'fields', required: false })
  object(@Param('objectId') objectId: string, @Query('fields') fields?: string): Record<string, unknown> {
    return this.objects.object(objectId, fields);
  }
}
