// Limits every request body meets before anything else touches it (the idempotency hash, the
// schema, a handler): depth, key count, array length and string size. Checked without recursion,
// so a body nested 10,000 deep is refused instead of overflowing the stack.
export const BODY_LIMITS = {
  /** Our deepest input (a notice's targets) is 3 levels; 32 leaves room for new domains. */
  depth: 32,
  /** Keys of one object and items of one array. */
  width: 1000,
  /** Objects, arrays and values in the whole body. */
  nodes: 20_000,
  /** One string (a photo as a data URL is the largest, ≈ 1.4 MB). */
  stringChars: 2 * 1024 * 1024,
  /** An Idempotency-Key header. */
  keyChars: 128
} as const

export const BODY_TOO_DEEP = '请求内容层级太深，请更新小程序后重试'
export const BODY_TOO_BIG = '请求内容太多或太大，请精简后重试'

/** A Chinese reason when `value` is beyond the limits, else null. */
export function bodyProblem(value: unknown, limits = BODY_LIMITS): string | null {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }]
  let nodes = 0
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number }
    if (++nodes > limits.nodes) return BODY_TOO_BIG
    if (typeof v === 'string') {
      if (v.length > limits.stringChars) return BODY_TOO_BIG
      continue
    }
    if (v === null || typeof v !== 'object') continue
    if (depth >= limits.depth) return BODY_TOO_DEEP
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)
    if (children.length > limits.width) return BODY_TOO_BIG
    for (const child of children) stack.push({ v: child, depth: depth + 1 })
  }
  return null
}

/** decodeURIComponent that answers null for `%`, `%zz` or a truncated UTF-8 sequence. */
export function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
