// Plain words for the 公示 figures: a median in hours reads as jargon, and 76.6 小时 is easier to
// picture as 约 3.2 天.

/** `20 小时` under two days, else `约 3.2 天`; — when nothing was closed. */
export function closeTimeText(hours: number | null): string {
  if (hours === null) return '—'
  if (hours < 48) return `${Math.round(hours * 10) / 10} 小时`
  return `约 ${Math.round((hours / 24) * 10) / 10} 天`
}
