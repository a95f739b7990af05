// Redaction and secrets at their edges (npm run mutate): every structural key kept, look-alike
// keys redacted, dates that are not dates hidden, names trimmed; secrets reject biased bytes and
// fall back to Math.random (never the seeded generator) where there is no Web Crypto.
import { ANONYMOUS_NAME, HIDDEN_NUMBER, redactPhones, redactText, redactView } from '../redact'
import { randomBytes, secretCode, secretDigits, secretToken, setRandomSourceForTests } from '../secrets'

const PHONE = '13800138000'

describe('redactView keys', () => {
  it('keeps every structural key as it is, even when its value looks like a phone', () => {
    const structural = [
      'id', 'url', 'kind', 'status', 'code', 'scope', 'channel', 'role', 'type', 'cursor', 'nextCursor', 'contentType', 'token',
      'personId', 'fileIds', 'createdAt', 'dueOn', 'photoUrl', 'categoryCode', 'serviceCodes', 'idempotencyKey', 'caseNumber',
      'service_request_id', 'media_url', 'service_code', 'requested_datetime', 'access_token'
    ]
    const view = Object.fromEntries(structural.map((k) => [k, PHONE]))
    expect(redactView(view)).toEqual(view)
    expect(redactView({ fileIds: [PHONE, PHONE] })).toEqual({ fileIds: [PHONE, PHONE] })
  })

  it('redacts keys that only look structural, and a string with no key at all', () => {
    const lookAlike = ['ids', 'kinds', 'statusText', 'codeword', 'tokens', 'identity', 'urlText', 'note', 'at', 'number', 'service_requestid', 'x_ids']
    const view = Object.fromEntries(lookAlike.map((k) => [k, `电话 ${PHONE}`]))
    expect(redactView(view)).toEqual(Object.fromEntries(lookAlike.map((k) => [k, `电话 ${HIDDEN_NUMBER}`])))
    expect(redactView(`打 ${PHONE}`)).toBe(`打 ${HIDDEN_NUMBER}`)
    expect(redactView([`打 ${PHONE}`, 7, null, true])).toEqual([`打 ${HIDDEN_NUMBER}`, 7, null, true])
  })

  it('keeps a whole ISO day or instant under any key, but not one with text around it', () => {
    for (const t of ['2026-11-29', '2026-11-29T08:00', '2026-11-29T08:00:00', '2026-11-29T08:00:00.123Z', '2026-11-29T08:00:00+08:00', '2026-11-29T08:00:00+0800']) {
      expect(redactView({ note: t })).toEqual({ note: t })
    }
    expect(redactView({ note: `2026-11-29 ${PHONE}` })).toEqual({ note: `2026-11-29 ${HIDDEN_NUMBER}` })
    expect(redactView({ note: '20261129080000' })).toEqual({ note: HIDDEN_NUMBER })
  })
})

describe('redactPhones edges', () => {
  it('protects only real-looking calendar days and case numbers', () => {
    expect(redactPhones('截至 2026-12-31 前')).toBe('截至 2026-12-31 前')
    expect(redactPhones('截至 2026-10-01T08:00+08:00 前')).toBe('截至 2026-10-01T08:00+08:00 前')
    expect(redactPhones('于 2026-11-29T08:00:00.5-0500 受理')).toBe('于 2026-11-29T08:00:00.5-0500 受理')
    expect(redactPhones('号码 2026-13-01')).toBe(`号码 ${HIDDEN_NUMBER}`)
    expect(redactPhones('号码 2026-00-01')).toBe(`号码 ${HIDDEN_NUMBER}`)
    expect(redactPhones('号码 2026-12-32')).toBe(`号码 ${HIDDEN_NUMBER}`)
    expect(redactPhones('号码 2026-12-00')).toBe(`号码 ${HIDDEN_NUMBER}`)
    expect(redactPhones('编号 LL20261129-0001 与 ll20261129-0001')).toBe(`编号 LL20261129-0001 与 ll${HIDDEN_NUMBER}`)
  })

  it('counts exactly seven digits as a phone, six not, separators not counted', () => {
    expect(redactPhones('a 12-34-567 b')).toBe(`a ${HIDDEN_NUMBER} b`)
    expect(redactPhones('a 12-34-56 b')).toBe('a 12-34-56 b')
    expect(redactPhones('a ７654321 b')).toBe(`a ${HIDDEN_NUMBER} b`)
    expect(redactPhones('1234567')).toBe(HIDDEN_NUMBER)
    expect(redactPhones('两个 1234567 和 7654321')).toBe(`两个 ${HIDDEN_NUMBER} 和 ${HIDDEN_NUMBER}`)
  })
})

describe('redactText names', () => {
  it('trims a name and replaces every occurrence; a two-character name counts', () => {
    expect(redactText('周婷说周婷不在', { names: [' 周婷 '] })).toBe(`${ANONYMOUS_NAME}说${ANONYMOUS_NAME}不在`)
    expect(redactText('王先生', { names: [' 王 ', ''] })).toBe('王先生')
    expect(redactText('张伟和李雷', { names: ['张伟', '李雷'] })).toBe(`${ANONYMOUS_NAME}和${ANONYMOUS_NAME}`)
    expect(redactText('张伟')).toBe('张伟')
  })
})

describe('secrets edges', () => {
  afterEach(() => setRandomSourceForTests(null))

  it('rejects bytes at or above the last whole multiple of the alphabet (no modulo bias)', () => {
    // [a-z0-9] has 36 symbols: 256 - 256 % 36 = 252, so 252..255 are dropped and 251 is kept.
    const calls: number[][] = []
    const queue = [[253, 252, 255, 254], [251, 1, 35, 36]]
    setRandomSourceForTests((b) => {
      const next = queue.shift() ?? []
      for (let i = 0; i < b.length; i++) b[i] = next[i] ?? 0
      calls.push(Array.from(b))
      return b
    })
    expect(secretToken(2)).toBe('9b')
    expect(calls).toEqual([[253, 252, 255, 254], [251, 1, 35, 36]])
  })

  it('stops at the length asked for, even when more bytes are usable', () => {
    setRandomSourceForTests((b) => b.fill(2))
    expect(secretToken(3)).toBe('ccc')
    expect(secretCode(5)).toBe('CCCCC')
    expect(secretDigits(4)).toBe('2222')
    expect(secretCode()).toHaveLength(8)
    expect(secretDigits()).toHaveLength(6)
  })

  it('uses each alphabet in full: the last symbol is reachable', () => {
    setRandomSourceForTests((b) => b.fill(35))
    expect(secretToken(1)).toBe('9')
    setRandomSourceForTests((b) => b.fill(30))
    expect(secretCode(1)).toBe('9')
    setRandomSourceForTests((b) => b.fill(9))
    expect(secretDigits(1)).toBe('9')
  })

  it('falls back to Math.random without Web Crypto', () => {
    const desc = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
    const spy = jest.spyOn(Math, 'random').mockReturnValue(0.999)
    try {
      Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true, writable: true })
      setRandomSourceForTests(null)
      expect(Array.from(randomBytes(3))).toEqual([255, 255, 255])
      spy.mockReturnValue(0)
      expect(secretToken(4)).toBe('aaaa')
    } finally {
      spy.mockRestore()
      if (desc) Object.defineProperty(globalThis, 'crypto', desc)
      setRandomSourceForTests(null)
    }
  })

  it('uses Web Crypto when it is there', () => {
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues')
    try {
      setRandomSourceForTests(null)
      expect(randomBytes(5)).toHaveLength(5)
      expect(spy).toHaveBeenCalledTimes(1)
    } finally {
      spy.mockRestore()
    }
  })
})
