import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { loadConfig } from '@tandem/config';
import { AccountsService } from './accounts.service';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CredentialsService } from './credentials.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { WorkspacesController } from './workspaces.controller';
import { WorkspacesService } from './workspaces.service';

/**
 * Who may call what: accounts, sessions, API tokens, members and roles, the audit log, and
 * the one guard every route passes. `AuditService` is global so every module records there.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      useFactory: () => ({
        // Counted per client address and per process; the lock-out after repeated failures is per account, in the database.
        // Only the routes that opt in with @UseGuards(ThrottlerGuard) are limited.
        throttlers: [{ name: 'sign-in', ttl: 60_000, limit: loadConfig(['api']).SIGN_IN_PER_MINUTE }],
      }),
    }),
  ],
  controllers: [AuthController, MembersController, ApiTokensController, AuditController, WorkspacesController],
  providers: [
    CredentialsService,
    AccountsService,
    MembersService,
    ApiTokensService,
    AuditService,
    WorkspacesService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuditService, CredentialsService],
})
export class AuthModule {}
