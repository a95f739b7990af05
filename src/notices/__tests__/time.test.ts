import { relativeTimeOf } from '../time'

// Device-local noon: relative times follow the phone's clock and time zone.
const NOW = new Date(2026, 10, 29, 12, 0).getTime()
const ago = (ms: number) => new Date(NOW - ms).toISOString()

describe('times as residents read them', () => {
  it('says 刚刚, then minutes and hours without spaces', () => {
    expect(relativeTimeOf(ago(20_000), NOW)).toBe('刚刚')
    expect(relativeTimeOf(ago(3 * 60_000), NOW)).toBe('3分钟前')
    expect(relativeTimeOf(ago(2 * 3600_000), NOW)).toBe('2小时前')
  })

  it('uses 昨天 HH:mm, then the date, with the year only when it differs', () => {
    expect(relativeTimeOf(new Date(2026, 10, 28, 8, 5).toISOString(), NOW)).toBe('昨天 08:05')
    expect(relativeTimeOf(ago(5 * 86400_000), NOW)).toBe('11月24日')
    expect(relativeTimeOf(new Date(2025, 5, 1, 8).toISOString(), NOW)).toBe('2025年6月1日')
  })
})
