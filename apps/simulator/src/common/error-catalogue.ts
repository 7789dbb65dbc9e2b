/** Meta error codes the simulator produces, with Graph's titles and the HTTP status of sync errors. */
export const ERROR_CATALOGUE = {
  100: { title: 'Invalid parameter', details: 'Invalid parameter', httpStatus: 400 },
  190: {
    title: 'Invalid OAuth access token - Cannot parse access token',
    details: 'The access token is missing or invalid',
    httpStatus: 401,
  },
  130429: { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.', httpStatus: 400 },
  131000: { title: 'Something went wrong', details: 'Message failed to send because of an unknown error.', httpStatus: 500 },
  131008: { title: 'Required parameter is missing', details: 'A required parameter is missing', httpStatus: 400 },
  131009: { title: 'Parameter value is not valid', details: 'A parameter value is not valid', httpStatus: 400 },
  131026: { title: 'Message undeliverable', details: 'Message Undeliverable.', httpStatus: 400 },
  131047: {
    title: 'Re-engagement message',
    details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    httpStatus: 400,
  },
  131049: {
    title: 'This message was not delivered to maintain healthy ecosystem engagement.',
    details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.',
    httpStatus: 400,
  },
  131051: { title: 'Message type unknown', details: 'Message type is currently not supported.', httpStatus: 400 },
  131053: { title: 'Media upload error', details: 'Unable to upload the media used in the message.', httpStatus: 400 },
  131056: {
    title: '(Business Account, Consumer Account) pair rate limit hit',
    details:
      'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.',
    httpStatus: 400,
  },
  132000: {
    title: 'Number of parameters does not match the expected number of params',
    details: 'Parameter count mismatch',
    httpStatus: 400,
  },
  132001: { title: 'Template name does not exist in the translation', details: 'Template does not exist', httpStatus: 400 },
  132015: {
    title: 'Template is Paused',
    details: 'Template is paused due to low quality so it cannot be sent in a template message.',
    httpStatus: 400,
  },
  132016: {
    title: 'Template is disabled',
    details: 'Template has been paused too many times due to low quality and is now permanently disabled.',
    httpStatus: 400,
  },
  133010: {
    title: 'Account not registered',
    details: 'Phone number is not registered on the Whatsapp Business Platform.',
    httpStatus: 400,
  },
  2593109: {
    title: 'History sync is turned off by the business from the WhatsApp Business App',
    details: 'History sharing is turned off by the business',
    httpStatus: 400,
  },
} as const satisfies Record<number, { title: string; details: string; httpStatus: number }>;

export type KnownErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES_HREF = 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/';

export function isKnownErrorCode(code: number): code is KnownErrorCode {
  return code in ERROR_CATALOGUE;
}

/** The `errors[]` item of webhooks (statuses, inbound messages, history). */
export function webhookErrorItem(code: number, options: { details?: string; href?: boolean } = {}): Record<string, unknown> {
  const entry = isKnownErrorCode(code) ? ERROR_CATALOGUE[code] : ERROR_CATALOGUE[131000];
  const item: Record<string, unknown> = {
    code,
    title: entry.title,
    message: entry.title,
    error_data: { details: options.details ?? entry.details },
  };
  if (options.href !== false) item.href = ERROR_CODES_HREF;
  return item;
}
