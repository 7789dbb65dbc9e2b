import { Module } from '@nestjs/common';
import { NodeCredentialsController } from './node-credentials.controller';
import { NodeCredentialsService } from './node-credentials.service';

/** The write-only REST face of the secrets store (docs/security.md, "Secrets"). */
@Module({ controllers: [NodeCredentialsController], providers: [NodeCredentialsService] })
export class CredentialsModule {}
