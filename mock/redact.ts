// One redaction for every outward view (follower views, 公示, Open311, messages, exports): phone
// numbers and the names of people who asked not to be named are removed from every free-text
// string of a view, so a field added later cannot leak by default. Structural fields (ids, times,
// codes, urls) are left as they are.

export const HIDDEN_NUMBER = '【号码已隐藏】'
export const ANONYMOUS_NAME = '匿名居民'

/** 周婷 → 周*, 欧阳娜娜 → 欧*: a fixed-length mask, so the mask does not tell the name's length. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  return chars.length <= 1 ? '*' : `${chars[0]}*`
}

// A phone-like run: 7+ digits, optionally with spaces, dashes or dots inside, full-width digits too.
const PHONE_RUN = /\+?[0-9０-９](?:[0-9０-９\s\-.－·]*[0-9０-９])?/g
const digitCount = (s: string) => (s.match(/[0-9０-９]/g) ?? []).length

// Runs that are not phone numbers although they have 7+ digits: 立案编号 (LL20261129-0001),
// calendar days (2026-11-29) and ISO instants inside a sentence. They are kept as they are.
const NOT_A_PHONE = /[A-Z]{2}\d{8}-\d{4}|\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g
const PLACEHOLDER = /\uE000(\d+)\uE000/g

/** Replaces every phone-like run of 7+ digits in free text. */
export function redactPhones(text: string): string {
  const kept: string[] = []
  const shielded = text.replace(NOT_A_PHONE, (m) => `\uE000${kept.push(m) - 1}\uE000`)
  return shielded
    .replace(PHONE_RUN, (m) => (digitCount(m) >= 7 ? HIDDEN_NUMBER : m))
    .replace(PLACEHOLDER, (_m, i: string) => kept[Number(i)])
}

export interface RedactOptions {
  /** Full names to remove wherever they appear (anonymous filers, voters, …). */
  names?: readonly string[]
}

/** Redacts one free-text string. */
export function redactText(text: string, options: RedactOptions = {}): string {
  let out = redactPhones(text)
  for (const name of options.names ?? []) {
    const n = name.trim()
    if (n.length >= 2) out = out.split(n).join(ANONYMOUS_NAME)
  }
  return out
}

// Keys whose values are structure, not prose: ids, times, codes, urls, enums.
// camelCase for our views, snake_case for Open311 (service_request_id, media_url, requested_datetime).
const STRUCTURAL_KEY = /^(id|url|kind|status|code|scope|channel|role|type|cursor|nextCursor|contentType|token)$|(Id|Ids|At|On|Url|Code|Codes|Key|Number)$|_(id|url|code|datetime|token)$/
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * A deep copy of `value` with every free-text string redacted. Objects and arrays are walked to
 * any depth (views are built by the mock, so they are never cyclic).
 */
export function redactView<T>(value: T, options: RedactOptions = {}): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') {
      if (key !== null && STRUCTURAL_KEY.test(key)) return v
      if (ISO_TIME.test(v)) return v
      return redactText(v, options)
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key))
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {}
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k)
      return out
    }
    return v
  }
  return walk(value, null) as T
}
