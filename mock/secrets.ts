// Secrets that grant anything (session tokens, file ids, pickup / sign-up / receipt codes, check-in
// keys) come from a cryptographic source, never from the seeded generator in rng.ts (seed data only).
type RandomSource = (bytes: Uint8Array) => Uint8Array

function cryptoSource(): RandomSource {
  const c = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto
  const get = c?.getRandomValues
  if (get) return (b) => get.call(c, b)
  // WeChat's JS engine has no Web Crypto; the embedded mock there is a single-device demo, so it
  // falls back to Math.random (never the seeded generator). The HTTP server always has crypto.
  return (b) => {
    for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256)
    return b
  }
}

let source: RandomSource = cryptoSource()

/** Tests may pin the source to prove a caller uses this module; production never calls it. */
export function setRandomSourceForTests(next: RandomSource | null): void {
  source = next ?? cryptoSource()
}

export function randomBytes(n: number): Uint8Array {
  return source(new Uint8Array(n))
}

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyz0123456789'
/** Letters without look-alikes (no 0/O, 1/I/L), for codes people read aloud or type. */
const READABLE = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

function fromAlphabet(alphabet: string, length: number): string {
  // Rejection sampling keeps every symbol equally likely.
  const limit = 256 - (256 % alphabet.length)
  let out = ''
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length]
    }
  }
  return out
}

/** An unguessable token: 32 symbols of [a-z0-9] ≈ 165 bits. */
export const secretToken = (length = 32) => fromAlphabet(ALPHANUM, length)
/** A short code a person types or reads at a door: `K7QH-2M9P`-like, no look-alike letters. */
export const secretCode = (length = 8) => fromAlphabet(READABLE, length)
/** Digits only (e.g. a 6-digit code). */
export const secretDigits = (length = 6) => fromAlphabet('0123456789', length)
