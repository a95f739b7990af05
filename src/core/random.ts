// Random ids made on the phone (Idempotency-Keys, the H5 stand-in for a WeChat login code) come
// from the platform's cryptographic source where it has one (browsers, H5, Node): such an id must
// not be guessable from the time or from another id. The weapp JS engine has no synchronous
// crypto; there keys fall back to Math.random, which is safe only because the server scopes keys to
// the signed-in account and weapp logins use wx.login codes, not this.

interface CryptoLike { getRandomValues?: (buffer: Uint8Array) => Uint8Array }

/** `bytes` random bytes as lower-case hex (2 digits per byte). */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes)
  const c = (globalThis as { crypto?: CryptoLike }).crypto
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(buffer)
  else for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(Math.random() * 256)
  let out = ''
  for (const b of buffer) out += b.toString(16).padStart(2, '0')
  return out
}
