// The 志愿服务证明 as an image, built only from the final records the server returned. One pure
// layout (every line's text, position, size) is drawn two ways: an SVG for the H5 download and
// print, and a canvas on weapp (certificate-canvas.ts). Long lines wrap inside the card; text is
// escaped in the SVG, so names and titles are shown as text.
import { chinaDay, hoursText, type VolunteerCertificate } from '../../types/contract/volunteer'

export interface CertLine {
  text: string
  /** Anchor point: left edge (start), centre (middle) or right edge (end); y is the baseline. */
  x: number
  y: number
  size: number
  bold: boolean
  align: 'start' | 'middle' | 'end'
  /** What the line shows, so tests and readers can find it. */
  role: 'title' | 'number' | 'name' | 'record' | 'issuer' | 'date'
}

export interface CertLayout {
  width: number
  height: number
  /** The card's border (inside the image, with its stroke). */
  card: { x: number; y: number; width: number; height: number; stroke: number }
  lines: CertLine[]
}

export const CERT_WIDTH = 800
const CARD_INSET = 10
const STROKE = 6
const MARGIN = 60
const RIGHT = CERT_WIDTH - MARGIN
const TEXT_WIDTH = CERT_WIDTH - 2 * MARGIN

/**
 * Width of text at a font size, on the wide side so a real font never overflows: CJK and
 * full-width characters one em, anything else 0.6 em.
 */
export function textWidth(text: string, size: number): number {
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.6
  return w
}

/** Greedy wrap by characters (Chinese has no spaces to break at); never returns an empty list. */
export function wrapText(text: string, size: number, maxWidth: number, indentWidth = 0): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    const room = lines.length ? maxWidth - indentWidth : maxWidth
    if (line && textWidth(line + ch, size) > room) {
      lines.push(line)
      line = ch.trim() ? ch : ''
    } else {
      line += ch
    }
  }
  lines.push(line)
  return lines
}

export function certificateLayout(c: VolunteerCertificate): CertLayout {
  const lines: CertLine[] = []
  let y = 100
  lines.push({ text: '志愿服务证明', x: CERT_WIDTH / 2, y, size: 44, bold: true, align: 'middle', role: 'title' })
  y = 170
  for (const t of wrapText(`证明编号：${c.number}`, 22, TEXT_WIDTH)) {
    lines.push({ text: t, x: MARGIN, y, size: 22, bold: false, align: 'start', role: 'number' })
    y += 34
  }
  y += 16
  for (const t of wrapText(`兹证明 ${c.name} 参加以下志愿服务，累计 ${hoursText(c.totalMinutes)} 小时：`, 26, TEXT_WIDTH)) {
    lines.push({ text: t, x: MARGIN, y, size: 26, bold: false, align: 'start', role: 'name' })
    y += 40
  }
  y += 10
  c.records.forEach((r, i) => {
    const lead = `${i + 1}. `
    const indent = textWidth(lead, 22)
    wrapText(`${lead}${chinaDay(Date.parse(r.startAt))} ${r.activityTitle} ${hoursText(r.minutes)} 小时`, 22, TEXT_WIDTH, indent).forEach((t, j) => {
      lines.push({ text: t, x: j ? MARGIN + indent : MARGIN, y, size: 22, bold: false, align: 'start', role: 'record' })
      y += 34
    })
    y += 6
  })
  y += 54
  for (const t of wrapText(c.issuer, 24, TEXT_WIDTH)) {
    lines.push({ text: t, x: RIGHT, y, size: 24, bold: false, align: 'end', role: 'issuer' })
    y += 36
  }
  lines.push({ text: c.issuedOn, x: RIGHT, y: y + 4, size: 22, bold: false, align: 'end', role: 'date' })
  const height = y + 4 + MARGIN
  return {
    width: CERT_WIDTH, height,
    card: { x: CARD_INSET, y: CARD_INSET, width: CERT_WIDTH - 2 * CARD_INSET, height: height - 2 * CARD_INSET, stroke: STROKE },
    lines
  }
}

/** The box a line takes up (left, right, top, bottom), for checks that nothing leaves the card. */
export function lineBox(l: CertLine): { left: number; right: number; top: number; bottom: number } {
  const w = textWidth(l.text, l.size)
  const left = l.align === 'start' ? l.x : l.align === 'middle' ? l.x - w / 2 : l.x - w
  return { left, right: left + w, top: l.y - l.size, bottom: l.y + l.size * 0.25 }
}

export const CERT_COLORS = { paper: '#fffdf7', border: '#c2410c', ink: '#1f2328' }
export const CERT_FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[ch] as string))

export function certificateSvg(c: VolunteerCertificate): string {
  const { width, height, card, lines } = certificateLayout(c)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family='${CERT_FONT}'>`,
    `<rect x="${card.x}" y="${card.y}" width="${card.width}" height="${card.height}" fill="${CERT_COLORS.paper}" stroke="${CERT_COLORS.border}" stroke-width="${card.stroke}"/>`,
    ...lines.map((l) => `<text x="${l.x}" y="${l.y}" font-size="${l.size}" fill="${CERT_COLORS.ink}"${l.align === 'start' ? '' : ` text-anchor="${l.align}"`}${l.bold ? ' font-weight="bold"' : ''}>${escape(l.text)}</text>`),
    '</svg>'
  ].join('')
}

export const svgDataUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`

/** The little of CanvasRenderingContext2D the drawing needs (weapp's 2d context has it too). */
export interface Ctx2d {
  fillStyle: string
  strokeStyle: string
  lineWidth: number
  font: string
  textAlign: string
  textBaseline: string
  fillRect(x: number, y: number, w: number, h: number): void
  strokeRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
}

/** Draws the layout on a 2d canvas context already sized (and scaled) to it. */
export function drawCertificate(ctx: Ctx2d, layout: CertLayout): void {
  const { card } = layout
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, layout.width, layout.height)
  ctx.fillStyle = CERT_COLORS.paper
  ctx.fillRect(card.x, card.y, card.width, card.height)
  ctx.strokeStyle = CERT_COLORS.border
  ctx.lineWidth = card.stroke
  ctx.strokeRect(card.x, card.y, card.width, card.height)
  ctx.fillStyle = CERT_COLORS.ink
  ctx.textBaseline = 'alphabetic'
  for (const l of layout.lines) {
    ctx.font = `${l.bold ? 'bold ' : ''}${l.size}px ${CERT_FONT}`
    ctx.textAlign = l.align === 'middle' ? 'center' : l.align === 'end' ? 'right' : 'left'
    ctx.fillText(l.text, l.x, l.y)
  }
}
