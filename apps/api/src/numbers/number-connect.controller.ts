import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { loadConfig } from '@tandem/config';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema, uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { NumberConnectService } from './number-connect.service';
import { NumberOffboardService } from './number-offboard.service';
import { NumberSyncService } from './number-sync.service';
import { type ConnectNumberInput, connectNumberSchema, type NumberDto, numberSchema, signupConfigSchema } from './numbers.dto';
import { NumbersService } from './numbers.service';

/** Connecting numbers through Meta's Embedded Signup, their sync request, and offboarding. */
@ApiTags('numbers')
@Controller('api/numbers')
export class NumberConnectController {
  private readonly cfg = loadConfig(['meta']);

  constructor(
    private readonly numbers: NumbersService,
    private readonly connector: NumberConnectService,
    private readonly sync: NumberSyncService,
    private readonly offboarder: NumberOffboardService,
  ) {}

  @Get('signup-config')
  @RequirePermission('numbers.manage')
  @ApiOperation({ summary: "What the studio needs to open Meta's Embedded Signup dialog (app id, dialog URL)" })
  @ApiZodResponse(200, signupConfigSchema, 'Signup settings')
  signupConfig(): { appId: string; configId: string | null; dialogUrl: string; graphVersion: string } {
    return {
      appId: this.cfg.META_APP_ID,
      configId: this.cfg.META_SIGNUP_CONFIG_ID || null,
      dialogUrl:
        this.cfg.META_SIGNUP_DIALOG_URL || `${this.cfg.META_GRAPH_BASE_URL.replace(/\/$/, '')}/${this.cfg.META_GRAPH_VERSION}/dialog/oauth`,
      graphVersion: this.cfg.META_GRAPH_VERSION,
    };
  }

  @Post('connect')
  @RequirePermission('numbers.manage')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Connects the number of an Embedded Signup (code exchanged for the business token, stored encrypted; app subscribed), then requests the contacts and history sync',
  })
  @ApiZodBody(connectNumberSchema)
  @ApiZodResponse(201, numberSchema, 'The connected number (with its sync request and deadline)')
  @ApiZodResponse(400, errorSchema, 'Meta did not accept the code')
  @ApiZodResponse(409, errorSchema, 'The WABA is connected to another workspace')
  @ApiZodResponse(502, errorSchema, 'Meta refused a step of the connection; nothing was created')
  async connect(@CurrentCaller() caller: Caller, @Body(new ZodPipe(connectNumberSchema)) body: ConnectNumberInput): Promise<NumberDto> {
    return this.numbers.get(caller, await this.connector.connect(caller, body));
  }

  @Post(':id/sync')
  @RequirePermission('numbers.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Requests the contacts and history sync not requested yet (once each, within 24 h of onboarding)' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, numberSchema, 'The number with its sync request')
  @ApiZodResponse(409, errorSchema, 'After the deadline, already requested, or the number is not connected')
  @ApiZodResponse(502, errorSchema, 'Meta refused the request (the reason is kept on the number)')
  async requestSync(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<NumberDto> {
    await this.sync.request(caller, id);
    return this.numbers.get(caller, id);
  }

  @Post(':id/offboard')
  @RequirePermission('numbers.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Offboards a number: webhooks unsubscribed, token deleted; its conversations and contacts are kept' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, numberSchema, 'The disconnected number')
  @ApiZodResponse(409, errorSchema, 'Already offboarded')
  async offboard(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<NumberDto> {
    await this.offboarder.offboard(caller, id);
    return this.numbers.get(caller, id);
  }
}
