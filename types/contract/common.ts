// Shared primitives of the 邻里 backend contract: ids, times, paging, geo points and the error model.
import * as z from 'zod/mini'

/** Opaque string ids, e.g. `p_0001` (person) or `r_0102` (room). */
export type Id = string
/** ISO-8601 timestamp with offset, e.g. `2026-11-29T08:00:00.000Z`. */
export type IsoTime = string

export interface GeoPoint { lat: number; lng: number }
export const geoPointSchema = z.object({
  lat: z.number().check(z.gte(-90, '纬度不正确'), z.lte(90, '纬度不正确')),
  lng: z.number().check(z.gte(-180, '经度不正确'), z.lte(180, '经度不正确'))
})

/** Cursor paging: `cursor` is opaque, absent on the first page; `nextCursor` null on the last. */
export interface PageQuery { cursor?: string; limit?: number }
export interface Page<T> { items: T[]; nextCursor: string | null; total: number }
export const pageQueryShape = {
  cursor: z.optional(z.string()),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1, '每页条数至少为 1'), z.lte(50, '每页最多 50 条')))
}

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

// Fallback Chinese text for any check a schema did not give its own message; both the app and the
// mock import this module, so both sides answer in the same words.
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') return issue.input === undefined ? '此项为必填' : '格式不正确'
    if (issue.code === 'too_small') return '内容太短或数值太小'
    if (issue.code === 'too_big') return '内容太长或数值太大'
    if (issue.code === 'invalid_value') return '请从给出的选项中选择'
    return '格式不正确'
  }
})
