import type { Provider } from '@nestjs/common';
import { loadConfig } from '@tandem/config';
import { WhatsAppClient } from '@tandem/whatsapp';

/** Graph API client of the api process (the simulator unless Meta credentials are configured). */
export const whatsAppClientProvider: Provider = {
  provide: WhatsAppClient,
  useFactory: () => {
    const cfg = loadConfig(['meta']);
    return new WhatsAppClient({
      baseUrl: cfg.META_GRAPH_BASE_URL,
      graphVersion: cfg.META_GRAPH_VERSION,
      accessToken: cfg.META_ACCESS_TOKEN,
    });
  },
};
