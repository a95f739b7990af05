// Times as residents read them: 刚刚, 3分钟前, 2小时前, 昨天 08:30, 11月26日, in Chinese (dayjs zh-cn).
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import relativeTime from 'dayjs/plugin/relativeTime'

dayjs.extend(relativeTime)

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** Relative within a day, then 昨天 HH:mm, then a date (with the year only when it differs). */
export function relativeTimeOf(iso: string, now: number = Date.now()): string {
  const at = dayjs(iso).locale('zh-cn')
  const diff = now - at.valueOf()
  if (diff < MINUTE) return '刚刚'
  // zh-cn writes "3 分钟前"; residents read "3分钟前".
  if (diff < 24 * HOUR) return at.from(dayjs(now)).replace(/\s+/g, '')
  if (at.isSame(dayjs(now).subtract(1, 'day'), 'day')) return `昨天 ${at.format('HH:mm')}`
  return at.format(at.isSame(dayjs(now), 'year') ? 'M月D日' : 'YYYY年M月D日')
}

export const fullTimeOf = (iso: string) => dayjs(iso).format('YYYY年M月D日 HH:mm')

/** `11月30日 09:00`: when something is allowed again. */
export const shortTimeOf = (iso: string) => dayjs(iso).format('M月D日 HH:mm')

/** `2026-12-01` → `12月1日`. */
export const dayOf = (date: string) => dayjs(date).format('M月D日')
