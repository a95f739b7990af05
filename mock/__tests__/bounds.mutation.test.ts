// Body limits and paging at their exact edges (npm run mutate): at the limit passes, one over fails.
import { BODY_LIMITS, BODY_TOO_BIG, BODY_TOO_DEEP, bodyProblem, safeDecode } from '../bounds'
import { MockFailure } from '../errors'
import { paginate } from '../paging'

/** BODY_LIMITS with some limits moved (its type pins the real numbers). */
const limits = (over: Partial<Record<keyof typeof BODY_LIMITS, number>>) => ({ ...BODY_LIMITS, ...over }) as unknown as typeof BODY_LIMITS

const nest = (depth: number): unknown => {
  let v: unknown = 'x'
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

describe('bodyProblem', () => {
  it('depth: 32 levels of containers pass, 33 are too deep; a scalar at any depth is fine', () => {
    expect(bodyProblem(nest(BODY_LIMITS.depth))).toBeNull()
    expect(bodyProblem(nest(BODY_LIMITS.depth + 1))).toBe(BODY_TOO_DEEP)
    expect(bodyProblem({ a: { b: 1 } }, limits({ depth: 2 }))).toBeNull()
    expect(bodyProblem({ a: { b: {} } }, limits({ depth: 2 }))).toBe(BODY_TOO_DEEP)
  })

  it('width: 1000 keys or items pass, 1001 are too many', () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))
    expect(bodyProblem(keys(1000))).toBeNull()
    expect(bodyProblem(keys(1001))).toBe(BODY_TOO_BIG)
    expect(bodyProblem(Array.from({ length: 1000 }, () => 0))).toBeNull()
    expect(bodyProblem(Array.from({ length: 1001 }, () => 0))).toBe(BODY_TOO_BIG)
  })

  it('nodes: the whole body counts, the root included', () => {
    const small = limits({ nodes: 3 })
    expect(bodyProblem({ a: 1, b: 2 }, small)).toBeNull()
    expect(bodyProblem({ a: 1, b: 2, c: 3 }, small)).toBe(BODY_TOO_BIG)
    expect(bodyProblem([[1]], limits({ nodes: 2 }))).toBe(BODY_TOO_BIG)
    expect(bodyProblem([[1]], limits({ nodes: 3 }))).toBeNull()
  })

  it('strings: exactly the limit passes, one character more is too big, at any depth', () => {
    const five = limits({ stringChars: 5 })
    expect(bodyProblem({ a: ['12345'] }, five)).toBeNull()
    expect(bodyProblem({ a: ['123456'] }, five)).toBe(BODY_TOO_BIG)
    expect(bodyProblem('123456', five)).toBe(BODY_TOO_BIG)
    expect(bodyProblem(null)).toBeNull()
    expect(bodyProblem(undefined)).toBeNull()
  })

  it('the messages are the Chinese ones pages show', () => {
    expect([BODY_TOO_DEEP, BODY_TOO_BIG]).toEqual(['请求内容层级太深，请更新小程序后重试', '请求内容太多或太大，请精简后重试'])
    expect(BODY_LIMITS).toEqual({ depth: 32, width: 1000, nodes: 20_000, stringChars: 2 * 1024 * 1024, keyChars: 128 })
  })

  it('safeDecode answers null for a broken escape, the text otherwise', () => {
    expect(safeDecode('%E4%BD%A0')).toBe('你')
    expect(safeDecode('%E4%BD')).toBeNull()
    expect(safeDecode('%')).toBeNull()
  })
})

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i)
  const failure = (fn: () => unknown) => {
    try { fn() } catch (e) { return e instanceof MockFailure ? { status: e.status, body: e.body } : e }
    return null
  }

  it('20 by default, then on from the cursor, with null after the last page', () => {
    const first = paginate(items, {})
    expect([first.items.length, first.items[0], first.nextCursor, first.total]).toEqual([20, 0, '20', 45])
    const last = paginate(items, { cursor: '40', limit: 5 })
    expect(last).toEqual({ items: [40, 41, 42, 43, 44], nextCursor: null, total: 45 })
    expect(paginate(items, { cursor: '39', limit: 5 }).nextCursor).toBe('44')
    expect(paginate(items, {}, 50).nextCursor).toBeNull()
    expect(paginate(items, { cursor: '0', limit: 1 }).items).toEqual([0])
  })

  it('a cursor past the end is an empty last page; a negative or non-numeric one is 400', () => {
    expect(paginate(items, { cursor: '90' })).toEqual({ items: [], nextCursor: null, total: 45 })
    const bad = { status: 400, body: { code: 'VALIDATION', message: '分页参数不正确，请刷新后重试', fields: { cursor: '分页参数不正确，请刷新后重试' } } }
    expect(failure(() => paginate(items, { cursor: '-1' }))).toEqual(bad)
    expect(failure(() => paginate(items, { cursor: 'abc' }))).toEqual(bad)
  })
})
