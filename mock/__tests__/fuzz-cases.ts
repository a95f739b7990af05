// Hostile input for the fuzz tests (fuzz.test.ts in-process, fuzz-http.test.ts over the wire),
// and the schema walk that finds each endpoint's fields in the contract table.
import type { MockResponse } from '..'

export const CHINESE = /[\u4e00-\u9fa5]/

/** The field names of an endpoint's input (path params included), unwrapping pipes and checks. */
export function fieldsOf(schema: unknown): string[] {
  let s = schema as { _zod?: { def: { type: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown } } }
  for (let i = 0; i < 10 && s?._zod; i++) {
    const def = s._zod.def
    if (def.type === 'object') return Object.keys(def.shape ?? {})
    s = (def.in ?? def.innerType) as typeof s
  }
  return []
}

export const deep = (n: number) => { let v: unknown = 'x'; for (let i = 0; i < n; i++) v = { a: v }; return v }
export const manyKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))

/** Values for one JSON field: wrong types, huge, invisible, prototype-ish, impossible, non-finite. */
export const HOSTILE_VALUES: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, -0,
  '', ' ', '\u200b\u200b\ufeff', 'x'.repeat(100_000), '中'.repeat(3000), '9999-99-99', '2026-02-30', '1e400', '0x2',
  '%zz', '<img src=x onerror=alert(1)>', '../../etc/passwd', '\u0000', '\ud800',
  [], [5], Array.from({ length: 5000 }, (_, i) => `p_${i}`), {}, { toString: 1, valueOf: 1 },
  JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}') as unknown,
  deep(40), manyKeys(1500)
]

/** Values for one query parameter (always a string on the wire). */
export const HOSTILE_QUERY = ['', '1e400', 'NaN', 'Infinity', '-1', '0x10', '9999-99-99', '\u200b', 'x'.repeat(20_000), '[object Object]', '%zz', '1'.repeat(400)]

/** Path ids: bad escapes, a truncated UTF-8 sequence, huge, traversal, an id of another kind. */
export const HOSTILE_IDS = ['%', '%zz', '%E4%BD', '%C0%AF', '..', 'x'.repeat(5000), '%00', 'sr_0001%2F..', 'p_001', '%F0%9F%98']

/** Whole bodies that are not what any endpoint takes. */
export const HOSTILE_BODIES: unknown[] = ['text', 42, [1, 2], null, deep(10_000), manyKeys(5000), { x: Array.from({ length: 30_000 }, () => 1) }]

/** A short label for a value (JSON.stringify itself overflows on 10,000 levels). */
export function labelOf(v: unknown): string {
  try {
    return String(JSON.stringify(v)).slice(0, 40)
  } catch {
    return '(deep)'
  }
}

export const fillPath = (path: string, params: Record<string, string>) => path.replace(/:([A-Za-z]+)/g, (_m, p: string) => params[p] ?? 'x_0001')
export const paramsOf = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1])

/** Collects answers that break the promise: a 5xx, or a 4xx without a Chinese message. */
export function createChecker() {
  const failures: string[] = []
  let cases = 0
  return {
    failures,
    get cases() { return cases },
    check(label: string, res: Pick<MockResponse, 'status' | 'body'>): number {
      cases++
      const body = res.body as { message?: unknown } | Array<{ description?: unknown }> | null
      // Our error model has `message`; Open311's is a list of `{ code, description }`.
      const text = Array.isArray(body) ? body[0]?.description : body?.message
      const ok = res.status < 300 || (res.status >= 400 && res.status < 500 && typeof text === 'string' && CHINESE.test(text))
      if (!ok && failures.length < 40) failures.push(`${label} → ${res.status} ${String(JSON.stringify(res.body)).slice(0, 200)}`)
      return res.status
    }
  }
}
