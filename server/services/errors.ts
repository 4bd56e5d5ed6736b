import { messageFor, type ErrorCode } from '@shared/domain';

export interface DomainErrorDetails {
  /** The request field at fault (dotted path), so a form can point at it. */
  field?: string;
  /** A more precise text than the code's own. */
  message?: string;
  /** For a refusal that lifts by itself (rate limits): seconds until it may be tried again. */
  retryAfterSeconds?: number;
}

/**
 * A request refused with a stable code. Thrown rather than returned where the refusal ends the
 * whole request; the HTTP layer picks the status for the code, the services never do.
 */
export class DomainError extends Error {
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(
    readonly code: ErrorCode,
    details: DomainErrorDetails = {},
  ) {
    super(details.message ?? messageFor(code));
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Unknown, or another company's: the caller cannot tell which (rule 9). */
export const notFound = () => new DomainError('not_found');
