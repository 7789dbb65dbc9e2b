import { Body, Controller, Delete, Get, Header, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { openApi } from '../common/zod-http.util';
import { GraphAuthGuard, graphCaller } from '../graph/graph-auth.guard';
import { unknownObjectError } from '../graph/graph-error';
import { SimStateService } from '../state/sim-state.service';
import { EmbeddedSignupService, SignupSessionResult, signupSessionSchema } from './embedded-signup.service';
import { signupDialogPage } from './signup-dialog.page';

/**
 * Embedded Signup as Meta serves it: the dialog (a page standing in for facebook.com's), the
 * code exchange, and the WABA's `subscribed_apps` edge.
 */
@ApiTags('Embedded Signup (simulated Meta)')
@Controller()
export class SignupController {
  constructor(
    private readonly signup: EmbeddedSignupService,
    private readonly state: SimStateService,
  ) {}

  @Get(':version/dialog/oauth')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: "The Embedded Signup dialog for WhatsApp Business app onboarding (opened by the partner's page)" })
  @ApiQuery({ name: 'client_id' })
  dialog(@Query('client_id') clientId = ''): string {
    return signupDialogPage(clientId);
  }

  @Post(':version/dialog/oauth/finish')
  @HttpCode(200)
  @ApiOperation({ summary: "The dialog's submission: onboards the app number, returns the code and the session info" })
  @ApiBody({ schema: openApi(signupSessionSchema) })
  finish(@Body() body: unknown): SignupSessionResult {
    return this.signup.finishOnboarding(body as never);
  }

  @Get(':version/oauth/access_token')
  @ApiOperation({ summary: 'Exchange the code for a business token (client_id, client_secret, code)' })
  exchange(@Query() query: { client_id?: string; client_secret?: string; code?: string }): Record<string, string> {
    return this.signup.exchange(query);
  }

  @Post(':version/:wabaId/subscribed_apps')
  @UseGuards(GraphAuthGuard)
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: "Subscribe the calling app to the WABA's webhooks" })
  subscribe(@Param('wabaId') wabaId: string, @Req() request: Request): { success: true } {
    this.requireWaba(wabaId);
    return this.signup.subscribe(wabaId, graphCaller(request).appId);
  }

  @Get(':version/:wabaId/subscribed_apps')
  @UseGuards(GraphAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Apps subscribed to the WABA' })
  subscriptions(@Param('wabaId') wabaId: string): ReturnType<EmbeddedSignupService['subscriptions']> {
    this.requireWaba(wabaId);
    return this.signup.subscriptions(wabaId);
  }

  @Delete(':version/:wabaId/subscribed_apps')
  @UseGuards(GraphAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Unsubscribe the calling app from the WABA's webhooks" })
  unsubscribe(@Param('wabaId') wabaId: string, @Req() request: Request): { success: true } {
    this.requireWaba(wabaId);
    return this.signup.unsubscribe(wabaId, graphCaller(request).appId);
  }

  private requireWaba(wabaId: string): void {
    if (!this.state.wabaExists(wabaId)) throw unknownObjectError(wabaId);
  }
}
