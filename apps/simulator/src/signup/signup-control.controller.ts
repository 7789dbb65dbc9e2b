import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApi, parseInput } from '../common/zod-http.util';
import { EmbeddedSignupService, SignupSessionResult } from './embedded-signup.service';

const controlSignupSchema = z.object({
  displayPhoneNumber: z.string().regex(/^\d{6,15}$/, 'digits only (6-15)'),
  verifiedName: z.string().trim().min(1).max(120).optional(),
  shareHistory: z.boolean().default(true),
  /** Fixes the token the code exchange issues (canary tests); random when omitted. */
  businessToken: z.string().min(16).max(512).optional(),
});

const revokeSchema = z.object({ wabaId: z.string().regex(/^\d+$/, 'digits only') });

/** Embedded Signup driven from tests: the dialog's outcome without a browser, and revoking access. */
@ApiTags('Simulator: Meta')
@Controller('_sim/meta')
export class SignupControlController {
  constructor(private readonly signup: EmbeddedSignupService) {}

  @Post('embedded-signup')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete the Embedded Signup dialog for a business app number → code + session info' })
  @ApiBody({ schema: openApi(controlSignupSchema) })
  complete(@Body() body: unknown): SignupSessionResult {
    const input = parseInput(controlSignupSchema, body);
    return this.signup.finishOnboarding(
      {
        client_id: this.signup.appId,
        display_phone_number: input.displayPhoneNumber,
        verified_name: input.verifiedName,
        share_history: input.shareHistory,
      },
      Date.now(),
      input.businessToken,
    );
  }

  @Post('business-tokens/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: "The business removes the app's access: the WABA's business tokens answer 190 from now on" })
  @ApiBody({ schema: openApi(revokeSchema) })
  revoke(@Body() body: unknown): { revoked: number } {
    return this.signup.revokeTokens(parseInput(revokeSchema, body).wabaId);
  }
}
