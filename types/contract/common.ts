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

const NUMBER_TEXT = /^-?\d{1,12}(\.\d{1,12})?$/

/**
 * A number in a GET query (sent as a string) or JSON: plain decimal notation only (no `1e400`,
 * `0x2`, `Infinity`, `true` or `''`), then `min`..`max`; `int` asks for a whole number.
 */
export function queryNumber(min: number, max: number, message: string, int = false) {
  const out = z.number({ error: message }).check(z.gte(min, message), z.lte(max, message))
  return z.pipe(
    z.pipe(
      z.union([z.number({ error: message }), z.string({ error: message }).check(z.maxLength(26, message), z.regex(NUMBER_TEXT, message))], { error: message }),
      z.transform((v: number | string) => Number(v))
    ),
    int ? out.check(z.int(message)) : out
  )
}

/** Offset cursors are short digit strings; anything else is refused before it reaches a handler. */
export const CURSOR_MAX = 1_000_000
export const pageQueryShape = {
  cursor: z.optional(z.string({ error: '分页参数不正确，请刷新后重试' }).check(
    z.maxLength(7, '分页参数不正确，请刷新后重试'),
    z.regex(/^\d+$/, '分页参数不正确，请刷新后重试')
  )),
  limit: z.optional(queryNumber(1, 50, '每页条数应为 1–50', true))
}

// Characters that render as nothing (zero-width, bidi controls, soft hyphen, BOM): stripped before
// any length check, so a title of only invisible characters counts as empty.
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u180E]/g
export const stripInvisible = (s: string) => s.replace(INVISIBLE, '').trim()

/**
 * A free-text field a person typed: a string (never coerced), invisible characters stripped,
 * trimmed, then `min`..`max` characters. Every text input of the contract has a bound.
 */
export function plainText(label: string, min: number, max: number) {
  const empty = min > 1 ? `${label}至少需要 ${min} 个字` : `请填写${label}`
  return z.string({ error: `请填写${label}` }).check(
    z.overwrite(stripInvisible),
    z.minLength(Math.max(min, 1), min > 1 ? empty : `请填写${label}`),
    z.maxLength(max, `${label}不能超过 ${max} 个字`)
  )
}

/** Optional free text that may be empty: trimmed, stripped, at most `max`; defaults to ''. */
export function optionalText(label: string, max: number) {
  return z._default(z.string({ error: `${label}格式不正确` }).check(z.overwrite(stripInvisible), z.maxLength(max, `${label}不能超过 ${max} 个字`)), '')
}

/** An id sent by the app: a short string of safe characters (never a number, object or megabyte). */
export function idString(message = '编号不正确') {
  return z.string({ error: message }).check(z.minLength(1, message), z.maxLength(64, message), z.regex(/^[A-Za-z0-9_.:-]+$/, message))
}

/** A real calendar day `YYYY-MM-DD` (not 9999-99-99 or 2026-02-30). */
export function isValidDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return y >= 2000 && y <= 2100 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}
export const daySchema = (message = '日期格式不正确') =>
  z.string({ error: message }).check(z.maxLength(10, message), z.refine(isValidDay, message))

/** An ISO instant between 2000 and 2100 (e.g. `2026-12-05T01:00:00.000Z`). */
export function isValidInstant(s: string): boolean {
  if (s.length > 40 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(s)) return false
  const t = Date.parse(s)
  return Number.isFinite(t) && t >= Date.UTC(2000, 0, 1) && t < Date.UTC(2100, 0, 1) && isValidDay(s.slice(0, 10))
}
export const instantSchema = (message = '时间格式不正确') => z.string({ error: message }).check(z.refine(isValidInstant, message))

/** A whole number in [min, max] sent as a JSON number (no strings, booleans, arrays or 1e400). */
export const intSchema = (min: number, max: number, message: string) =>
  z.number({ error: message }).check(z.int(message), z.gte(min, message), z.lte(max, message))

/** A JSON object used as a map (answers, subscription results): at most `max` keys of ≤ 64 chars. */
export function boundedRecord<V extends z.ZodMiniType>(value: V, max: number, message: string) {
  return z.record(z.string().check(z.maxLength(64, message)), value, { error: message })
    .check(z.refine((r) => Object.keys(r as object).length <= max, message))
}

// The error model and the header names live in wire.ts (no zod: the api client carries no schemas).
export { ERROR_MESSAGES, ERROR_STATUS, HEADERS, type ApiErrorBody, type ErrorCode } from './wire'

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
