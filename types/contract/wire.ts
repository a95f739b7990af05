// What every request and answer carries: the error model and the header names. Plain data, no
// zod, so the api client (in every build's first load) does not bring the schemas with it.
// common.ts re-exports all of it.
import type { IsoTime } from './common'

/**
 * Every failure is data: a stable machine `code`, a Chinese `message` a resident can act on,
 * and per-field messages for validation errors. `status` follows HTTP semantics.
 */
export interface ApiErrorBody {
  code: ErrorCode
  message: string
  fields?: Record<string, string>
  /** For 429: when the action is allowed again. */
  retryAt?: IsoTime
}

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IDEMPOTENCY_MISMATCH: 409,
  INVALID_STATE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  /** Client-side only: the request never reached the server (offline, DNS, reset). */
  NETWORK: 0,
  /** Client-side only: no answer within the timeout. */
  TIMEOUT: 0
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** Default Chinese messages, used when a handler gives none. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请检查后重试',
  UNAUTHENTICATED: '登录已过期，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '操作冲突，请刷新后重试',
  IDEMPOTENCY_MISMATCH: '重复提交的内容与首次不一致，请刷新后重试',
  INVALID_STATE: '当前状态下不能进行此操作',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时出了点问题，请稍后重试',
  UNAVAILABLE: '服务繁忙，请稍后重试',
  NETWORK: '网络连接失败，请检查网络后重试',
  TIMEOUT: '网络较慢，请求超时，请稍后重试'
}

/** Header names shared by the client and the mock server. */
export const HEADERS = {
  auth: 'Authorization',
  idempotencyKey: 'Idempotency-Key'
} as const
