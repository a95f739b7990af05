// The 志愿服务证明 as an SVG image (for a download on H5 and a printable card), built only from the
// final records the server returned. Text is escaped: names and titles are shown as text.
import { chinaTimeText, hoursText, type VolunteerCertificate } from '../../types/contract/volunteer'

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c] as string))

export function certificateSvg(c: VolunteerCertificate): string {
  const rows = c.records.map((r, i) =>
    `<text x="60" y="${330 + i * 40}" font-size="22">${i + 1}. ${escape(chinaTimeText(r.startAt).slice(0, -6))} ${escape(r.activityTitle)} ${hoursText(r.minutes)} 小时</text>`)
  const height = 520 + c.records.length * 40
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="${height}" viewBox="0 0 800 ${height}">`,
    `<rect x="10" y="10" width="780" height="${height - 20}" fill="#fffdf7" stroke="#c2410c" stroke-width="6"/>`,
    '<text x="400" y="100" font-size="44" text-anchor="middle" font-weight="bold">志愿服务证明</text>',
    `<text x="60" y="170" font-size="22">证明编号：${escape(c.number)}</text>`,
    `<text x="60" y="220" font-size="26">兹证明 ${escape(c.name)} 参加以下志愿服务，累计 ${hoursText(c.totalMinutes)} 小时：</text>`,
    ...rows,
    `<text x="740" y="${height - 110}" font-size="24" text-anchor="end">${escape(c.issuer)}</text>`,
    `<text x="740" y="${height - 70}" font-size="22" text-anchor="end">${escape(c.issuedOn)}</text>`,
    '</svg>'
  ].join('')
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
