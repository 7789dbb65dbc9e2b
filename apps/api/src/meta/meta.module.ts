import { Global, Module } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { MetaTokenResolver, SecretStore, secretKeysFromEnv } from '@tandem/db';
import { WhatsAppClient } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';

/**
 * The api's way to Meta: one Graph client whose every call carries the token of the WABA it is
 * about, found by the one resolver (the secrets store, then META_ACCESS_TOKEN as fallback).
 */
@Global()
@Module({
  providers: [
    {
      provide: MetaTokenResolver,
      inject: [DataSource],
      useFactory: (ds: DataSource) => {
        const cfg = loadConfig(['meta']);
        const fallbackToken = cfg.META_ACCESS_TOKEN_FALLBACK === 'true' ? cfg.META_ACCESS_TOKEN : undefined;
        return new MetaTokenResolver(ds, new SecretStore(secretKeysFromEnv()), { fallbackToken });
      },
    },
    {
      provide: WhatsAppClient,
      inject: [MetaTokenResolver],
      useFactory: (tokens: MetaTokenResolver) => {
        const cfg = loadConfig(['meta']);
        return new WhatsAppClient({
          baseUrl: cfg.META_GRAPH_BASE_URL,
          graphVersion: cfg.META_GRAPH_VERSION,
          accessToken: (scope) => tokens.tokenFor(scope),
        });
      },
    },
  ],
  exports: [MetaTokenResolver, WhatsAppClient],
})
export class MetaModule {}
