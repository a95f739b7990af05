// 志愿服务 rules both the pages and the mock apply: windows around a slot, hours rounding, the
// daily cap and the check-in code. Amounts are whole minutes (multiples of 30 once counted).

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Volunteers cancel themselves until this long before the start; later only the organiser removes. */
export const SELF_CANCEL_BEFORE_MS = 3 * HOUR
/** A place freed within SELF_CANCEL_BEFORE_MS of the start is offered to the next in line this long. */
export const OFFER_MS = 30 * MINUTE
/** Check in / out opens this long before the start and closes this long after the end. */
export const CHECK_WINDOW_MS = 30 * MINUTE
/** The organiser may mark a no-show from this long after the start. */
export const NO_SHOW_AFTER_MS = 15 * MINUTE
/** Two no-shows within this window pause self sign-up. */
export const NO_SHOW_WINDOW_MS = 90 * DAY
export const NO_SHOW_PAUSE_COUNT = 2
/** Hours stay 待公示 this long (the volunteer may object), then become final. */
export const PUBLICITY_MS = 3 * DAY
/** Hours are counted in half hours, at most 8 hours per person per day. */
export const HOURS_STEP_MINUTES = 30
export const DAILY_CAP_MINUTES = 8 * 60
/** Help tasks: confirmed automatically after this long, disputable for this long after done. */
export const HELP_AUTO_CONFIRM_MS = 72 * HOUR
export const HELP_DISPUTE_MS = 7 * DAY
export const ADULT_AGE = 18

export interface Interval { start: number; end: number }

/** Half-open intervals overlap; back-to-back slots (one ends when the next starts) do not. */
export const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end

/** The overlap of [check-in, check-out] with the slot, rounded down to half hours, in minutes. */
export function countedMinutes(checkIn: number, checkOut: number, slot: Interval): number {
  const ms = Math.min(checkOut, slot.end) - Math.max(checkIn, slot.start)
  if (ms <= 0) return 0
  const minutes = Math.floor(ms / MINUTE)
  return minutes - (minutes % HOURS_STEP_MINUTES)
}

/** What is left of the daily cap after `alreadyThatDay` minutes, applied to `minutes`. */
export const cappedMinutes = (minutes: number, alreadyThatDay: number) =>
  Math.max(0, Math.min(minutes, DAILY_CAP_MINUTES - alreadyThatDay))

/** `1.5` hours for 90 minutes, for display only (amounts stay integer minutes). */
export const hoursText = (minutes: number) => {
  const half = Math.floor(minutes / HOURS_STEP_MINUTES)
  return `${Math.floor(half / 2)}${half % 2 ? '.5' : ''}`
}

/** Time-bank units (half points) for counted minutes: one hour = 1 point = 2 units. */
export const unitsForMinutes = (minutes: number) => Math.floor(minutes / HOURS_STEP_MINUTES)

export const inCheckWindow = (now: number, slot: Interval) =>
  now >= slot.start - CHECK_WINDOW_MS && now <= slot.end + CHECK_WINDOW_MS

/** The minute a code belongs to. */
export const codeMinute = (at: number) => Math.floor(at / MINUTE)

/** A 32-bit string hash (cyrb53-like mixing); the unguessable part is the per-slot secret. */
function mix(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** The 6-digit check-in code of a slot's secret for one minute. */
export const checkInCodeFor = (secret: string, minute: number) =>
  String(mix(`${secret}:${minute}`, 7) % 1_000_000).padStart(6, '0')

/** The text a QR code carries: the slot and the digits, so a scan does both. */
export const checkInQrText = (slotId: string, code: string) => `linli-vol:${slotId}:${code}`

/** Reads a scanned QR text (or 6 typed digits) back into its parts; null when it is neither. */
export function parseCheckInText(text: string): { slotId: string | null; code: string } | null {
  const t = text.trim()
  if (/^\d{6}$/.test(t)) return { slotId: null, code: t }
  const m = /^linli-vol:([A-Za-z0-9_]{1,40}):(\d{6})$/.exec(t)
  return m ? { slotId: m[1], code: m[2] } : null
}

/** `12月3日 09:00` in China time. */
export function chinaTimeText(at: number | string): string {
  const d = new Date((typeof at === 'string' ? Date.parse(at) : at) + 8 * HOUR)
  const pad = (x: number) => String(x).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `09:00–11:00` of a slot, with the day in front. */
export function slotText(startAt: string, endAt: string): string {
  const end = chinaTimeText(endAt)
  return `${chinaTimeText(startAt)}–${end.slice(end.indexOf(' ') + 1)}`
}

/** China calendar day of an instant. */
export const chinaDay = (at: number) => new Date(at + 8 * HOUR).toISOString().slice(0, 10)
