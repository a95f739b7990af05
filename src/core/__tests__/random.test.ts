import { randomHex } from '../random'

describe('randomHex', () => {
  it('gives two hex digits per byte from crypto.getRandomValues', () => {
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues')
    const math = jest.spyOn(Math, 'random')
    try {
      const a = randomHex(16)
      expect(a).toMatch(/^[0-9a-f]{32}$/)
      expect(spy).toHaveBeenCalledTimes(1)
      expect(math).not.toHaveBeenCalled()
      expect(randomHex(16)).not.toBe(a)
      expect(randomHex(1)).toMatch(/^[0-9a-f]{2}$/)
    } finally {
      spy.mockRestore()
      math.mockRestore()
    }
  })

  it('pads small bytes and falls back to Math.random where there is no crypto (weapp)', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'crypto')
    Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })
    const math = jest.spyOn(Math, 'random').mockReturnValueOnce(0).mockReturnValueOnce(0.999).mockReturnValueOnce(0.05)
    try {
      expect(randomHex(3)).toBe('00ff0c')
      expect(math).toHaveBeenCalledTimes(3)
    } finally {
      math.mockRestore()
      if (saved) Object.defineProperty(globalThis, 'crypto', saved)
    }
  })
})
