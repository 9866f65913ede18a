import type { ErrorCode, FieldError } from "../../shared/contracts/errors.js";

/**
 * The one error type (CONVENTIONS §5). `code` is stable and public; `message` is for logs and
 * never reaches the user, who reads the catalogue text for the code (shared/contracts/errors.ts).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const httpStatusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  invalid_second_factor: 401,
  csrf_failed: 403,
  second_factor_enrolment_required: 403,
  forbidden: 403,
  password_change_required: 403,
  association_suspended: 403,
  conflict_of_interest: 403,
  policy_acknowledgement_required: 403,
  not_found: 404,
  conflict: 409,
  own_account: 409,
  last_administrator: 409,
  invalid_transition: 409,
  exceeds_approval: 409,
  possible_duplicates: 409,
  beneficiary_merged: 409,
  consent_withdrawn: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_file: 415,
  archive_bomb: 422,
  unsafe_file: 422,
  export_too_large: 422,
  file_too_complex: 422,
  account_locked: 423,
  too_many_attempts: 429,
  internal_error: 500,
  pdf_unavailable: 503,
  busy: 503,
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
