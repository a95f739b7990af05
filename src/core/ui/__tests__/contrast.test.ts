// Every text/background pair the kit uses must reach WCAG AA (4.5:1) in both modes.
import { readFileSync } from 'fs'
import { join } from 'path'

const scss = readFileSync(join(__dirname, '..', 'theme.scss'), 'utf8')

function tokens(block: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of block.matchAll(/--ll-color-([a-z-]+):\s*(#[0-9a-f]{6})/gi)) out[m[1]] = m[2]
  return out
}
const normal = tokens(scss.slice(0, scss.indexOf('.ll-elder')))
const elder = { ...normal, ...tokens(scss.slice(scss.indexOf('.ll-elder'))) }

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

// [text token, background token] as the kit and pages combine them.
const PAIRS: Array<[string, string]> = [
  ['text', 'surface'], ['text', 'bg'], ['text', 'disabled-bg'], ['text', 'danger-weak'], ['text', 'warning-weak'],
  ['text-secondary', 'surface'], ['text-secondary', 'bg'], ['text-secondary', 'disabled-bg'], ['text-secondary', 'primary-weak'],
  ['placeholder', 'surface'], ['placeholder', 'danger-weak'], ['placeholder', 'disabled-bg'],
  ['primary', 'surface'], ['primary', 'bg'], ['on-primary', 'primary'], ['primary-strong', 'primary-weak'],
  ['danger', 'surface'], ['danger', 'danger-weak'], ['danger', 'bg'],
  ['success', 'success-weak'], ['warning', 'warning-weak'], ['info', 'info-weak'], ['disabled-text', 'disabled-bg']
]

describe('theme colour contrast', () => {
  it('finds the colour tokens', () => {
    expect(Object.keys(normal).length).toBeGreaterThan(15)
    expect(elder['text-secondary']).not.toBe(normal['text-secondary'])
  })

  for (const [mode, palette] of [['normal', normal], ['elder', elder]] as const) {
    it.each(PAIRS)(`${mode}: %s on %s is at least 4.5:1`, (fg, bg) => {
      expect(palette[fg]).toBeDefined()
      expect(palette[bg]).toBeDefined()
      expect(contrast(palette[fg], palette[bg])).toBeGreaterThanOrEqual(4.5)
    })
  }

  it('measures a known pair correctly (white on black is 21:1)', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5)
  })
})
