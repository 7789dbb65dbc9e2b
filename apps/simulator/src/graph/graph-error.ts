import { ERROR_CATALOGUE, isKnownErrorCode } from '../common/error-catalogue';
import { newTraceId } from '../common/ids.util';

export interface GraphErrorBody {
  error: {
    message: string;
    type: 'OAuthException';
    code: number;
    error_subcode?: number;
    error_data: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

/** A Graph API refusal; the exception filter renders it in Meta's exact error shape. */
export class GraphError extends Error {
  readonly httpStatus: number;

  constructor(
    readonly code: number,
    readonly details?: string,
    readonly subcode?: number,
  ) {
    super(GraphError.messageFor(code));
    this.name = 'GraphError';
    this.httpStatus = isKnownErrorCode(code) ? ERROR_CATALOGUE[code].httpStatus : 400;
  }

  /** Meta prefixes message errors with `(#code)`; token errors carry the bare title. */
  static messageFor(code: number): string {
    const title = isKnownErrorCode(code) ? ERROR_CATALOGUE[code].title : 'Unknown error';
    return code === 190 ? title : `(#${code}) ${title}`;
  }

  toBody(): GraphErrorBody {
    const details = this.details ?? (isKnownErrorCode(this.code) ? ERROR_CATALOGUE[this.code].details : this.message);
    return {
      error: {
        message: this.message,
        type: 'OAuthException',
        code: this.code,
        ...(this.subcode === undefined ? {} : { error_subcode: this.subcode }),
        error_data: { messaging_product: 'whatsapp', details },
        fbtrace_id: newTraceId(),
      },
    };
  }
}

/** Graph's answer for an id that is not a known object of the requested kind. */
export function unknownObjectError(id: string): GraphError {
  return new GraphError(
    100,
    `Unsupported request - method type: post. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    33,
  );
}

/** Graph's OAuth and dialog refusals carry their own sentence as `message`, without `(#code)`. */
export function oauthError(code: number, message: string, subcode?: number): GraphError {
  const error = new GraphError(code, message, subcode);
  error.message = message;
  return error;
}
