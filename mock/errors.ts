// Handlers fail by throwing a MockFailure; the router turns it into `{ status, body: ApiErrorBody }`.
import { ERROR_MESSAGES, ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '../types/contract'

export class MockFailure extends Error {
  readonly status: number
  readonly body: ApiErrorBody

  constructor(code: ErrorCode, message?: string, extra?: Omit<ApiErrorBody, 'code' | 'message'>) {
    const text = message ?? ERROR_MESSAGES[code]
    super(text)
    this.status = ERROR_STATUS[code]
    this.body = { code, message: text, ...extra }
  }
}

export function fail(code: ErrorCode, message?: string, extra?: Omit<ApiErrorBody, 'code' | 'message'>): never {
  throw new MockFailure(code, message, extra)
}

/** A validation failure on one field: the form shows `message` next to that field. */
export function failField(field: string, message: string): never {
  throw new MockFailure('VALIDATION', message, { fields: { [field]: message } })
}

/** Thrown (not returned) when fault injection says the network is down: there is no response. */
export class MockNetworkDown extends Error {
  constructor() {
    super('network unreachable (mock fault injection)')
  }
}
