// Secrets come from crypto: right alphabet and length, and no two alike.
import { randomBytes, secretCode, secretDigits, secretToken, setRandomSourceForTests } from '../secrets'

afterEach(() => setRandomSourceForTests(null))

describe('secrets', () => {
  it('makes 32-symbol [a-z0-9] tokens by default and honours a length', () => {
    expect(secretToken()).toMatch(/^[a-z0-9]{32}$/)
    expect(secretToken(16)).toMatch(/^[a-z0-9]{16}$/)
  })

  it('makes readable codes without look-alike letters and digit codes', () => {
    for (let i = 0; i < 50; i++) {
      expect(secretCode()).toMatch(/^[A-HJKMNP-Z2-9]{8}$/)
      expect(secretDigits(6)).toMatch(/^\d{6}$/)
    }
  })

  it('never repeats a token in 2,000 draws', () => {
    const seen = new Set(Array.from({ length: 2000 }, () => secretToken()))
    expect(seen.size).toBe(2000)
  })

  it('draws from the random source (so pinning it pins the token)', () => {
    setRandomSourceForTests((b) => b.fill(0))
    expect(secretToken(4)).toBe('aaaa')
    expect(Array.from(randomBytes(3))).toEqual([0, 0, 0])
  })

  it('uses every symbol with about equal frequency (rejection sampling, no modulo bias)', () => {
    const counts = new Map<string, number>()
    for (const ch of secretDigits(20000)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
    expect(counts.size).toBe(10)
    for (const n of counts.values()) expect(Math.abs(n - 2000)).toBeLessThan(300)
  })
})
