// The app-side face of the error model: every failed call rejects with an ApiError.
import { ERROR_MESSAGES, type ApiErrorBody, type ErrorCode } from '../../../types/contract/wire'

export class ApiError extends Error implements ApiErrorBody {
  readonly code: ErrorCode
  readonly status: number
  readonly fields?: Record<string, string>
  readonly retryAt?: string

  constructor(status: number, body: ApiErrorBody) {
    super(body.message)
    this.name = 'ApiError'
    this.status = status
    this.code = body.code
    this.fields = body.fields
    this.retryAt = body.retryAt
  }

  /** The request never got an answer: worth keeping the draft and trying again later. */
  get isNetwork(): boolean {
    return this.code === 'NETWORK' || this.code === 'TIMEOUT'
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

const looksLikeErrorBody = (b: unknown): b is ApiErrorBody =>
  typeof b === 'object' && b !== null && typeof (b as ApiErrorBody).code === 'string' && typeof (b as ApiErrorBody).message === 'string'

/** Any failure (HTTP status with or without a body, or a thrown value) as an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  if (looksLikeErrorBody(body) && body.code in ERROR_MESSAGES) return new ApiError(status, body)
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND'
    : status === 409 ? 'CONFLICT' : status === 422 ? 'INVALID_STATE' : status === 429 ? 'RATE_LIMITED'
      : status >= 500 ? 'INTERNAL' : 'VALIDATION'
  return new ApiError(status, { code, message: ERROR_MESSAGES[code] })
}

/** A short Chinese message for anything caught in a page, never raw exception text. */
export function messageOf(e: unknown): string {
  return isApiError(e) ? e.message : ERROR_MESSAGES.INTERNAL
}

/** The failure's code, so a page can tell a 404/403 (offer a way out) from a network failure (retry). */
export function codeOf(e: unknown): ErrorCode {
  return isApiError(e) ? e.code : 'INTERNAL'
}
export type { ErrorCode }
