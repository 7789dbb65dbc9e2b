import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UnauthorizedException,
  UseGuards,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import {
  bootstrapRequestSchema,
  changePasswordRequestSchema,
  meSchema,
  resetPasswordRequestSchema,
  sessionSchema,
  signInRequestSchema,
  type MeDto,
  type SessionDto,
} from '@tandem/api-contract';
import { loadConfig } from '@tandem/config';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { errorSchema, uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { Public } from '../common/public.decorator';
import { ZodPipe } from '../common/zod.pipe';
import { AccountsService } from './accounts.service';
import { SESSION_COOKIE } from './auth.guard';
import { CurrentCaller } from './caller.decorator';
import type { Caller } from './caller.types';
import { CredentialsService } from './credentials.service';
import { ANY_MEMBER, RequirePermission } from './permission.decorator';

const origin = (req: Request) => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent']?.slice(0, 300) ?? null });

/** Signing in and out, who am I, my password and my sessions. */
@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  private readonly cfg = loadConfig(['app', 'api']);

  constructor(
    private readonly accounts: AccountsService,
    private readonly credentials: CredentialsService,
  ) {}

  @Post('sign-in')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ 'sign-in': {} })
  @HttpCode(200)
  @ApiOperation({ summary: 'Signs in with email and password; sets the http-only session cookie' })
  @ApiZodBody(signInRequestSchema)
  @ApiZodResponse(200, z.object({ expiresAt: z.string() }), 'Signed in; the cookie is set')
  @ApiZodResponse(401, errorSchema, 'Wrong email or password, or the account is locked for a while')
  @ApiZodResponse(429, errorSchema, 'Too many attempts from this address')
  async signIn(
    @Body(new ZodPipe(signInRequestSchema)) body: z.infer<typeof signInRequestSchema>,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ expiresAt: string }> {
    const session = await this.accounts.signIn(body.email, body.password, origin(req));
    res.cookie(SESSION_COOKIE, session.secret, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.cfg.NODE_ENV === 'production',
      path: '/',
      maxAge: this.cfg.SESSION_MAX_DAYS * 86_400_000,
    });
    return { expiresAt: session.expiresAt.toISOString() };
  }

  @Post('sign-out')
  @RequirePermission(ANY_MEMBER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends this session and clears the cookie' })
  async signOut(@CurrentCaller() caller: Caller, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (caller.sessionId && caller.userId) await this.credentials.revokeSession(caller.userId, caller.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @RequirePermission(ANY_MEMBER)
  @ApiOperation({ summary: 'The caller: person or token, current workspace and role, every workspace, permissions' })
  @ApiZodResponse(200, meSchema, 'Who is calling')
  me(@CurrentCaller() caller: Caller): Promise<MeDto> {
    return this.accounts.me(caller);
  }

  @Post('password')
  @RequirePermission(ANY_MEMBER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Changes my password; my other sessions end' })
  @ApiZodBody(changePasswordRequestSchema)
  async changePassword(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(changePasswordRequestSchema)) body: z.infer<typeof changePasswordRequestSchema>,
  ): Promise<void> {
    await this.accounts.changePassword(caller, body.currentPassword, body.newPassword);
  }

  @Post('password-reset')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ 'sign-in': {} })
  @HttpCode(204)
  @ApiOperation({ summary: 'Sets a password with a one-time link an admin handed over; every session of the person ends' })
  @ApiZodBody(resetPasswordRequestSchema)
  @ApiZodResponse(400, errorSchema, 'The link was used, has expired or never existed')
  async resetPassword(@Body(new ZodPipe(resetPasswordRequestSchema)) body: z.infer<typeof resetPasswordRequestSchema>): Promise<void> {
    await this.accounts.resetPassword(body.token, body.newPassword);
  }

  @Get('sessions')
  @RequirePermission(ANY_MEMBER)
  @ApiOperation({ summary: 'My live sessions (browsers signed in as me)' })
  @ApiZodResponse(200, z.object({ items: z.array(sessionSchema) }), 'Sessions, most recently used first')
  async sessions(@CurrentCaller() caller: Caller): Promise<{ items: SessionDto[] }> {
    return { items: await this.accounts.sessions(caller) };
  }

  @Delete('sessions/:id')
  @RequirePermission(ANY_MEMBER)
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends one of my sessions (signs that browser out)' })
  @ApiZodParam('id', uuidParam)
  async revokeSession(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<void> {
    const done = await this.credentials.revokeSession(this.accounts.personOf(caller), id);
    if (!done) throw new NotFoundException('No such session');
  }

  @Post('bootstrap')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ 'sign-in': {} })
  @HttpCode(204)
  @ApiOperation({ summary: 'Creates the first admin with the environment bootstrap token (TANDEM_ADMIN_TOKEN); only while no user exists' })
  @ApiZodBody(bootstrapRequestSchema)
  @ApiZodResponse(409, errorSchema, 'Tandem already has users')
  async bootstrap(@Body(new ZodPipe(bootstrapRequestSchema)) body: z.infer<typeof bootstrapRequestSchema>): Promise<void> {
    const expected = Buffer.from(this.cfg.TANDEM_ADMIN_TOKEN);
    const given = Buffer.from(body.adminToken);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthorizedException('Wrong bootstrap token');
    await this.accounts.bootstrap(body.email, body.password, body.name);
  }
}
