import { windowFor, type RowMetrics } from '../components/use-window'

const uniform: RowMetrics = { listTop: 400, viewport: 700, heights: [], estimate: 106 }

describe('feed windowing', () => {
  it('renders only the rows around the viewport of a 1,000-notice feed, keeping the full height', () => {
    const w = windowFor(1000, 400 + 106 * 500, uniform)
    expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(700 / 106) + 9)
    expect(w.start).toBe(496)
    expect(w.before + (w.end - w.start) * 106 + w.after).toBe(1000 * 106)
  })

  it('starts at the top and stops at the end', () => {
    expect(windowFor(1000, 0, uniform)).toMatchObject({ start: 0, before: 0 })
    const last = windowFor(1000, 400 + 106 * 1000, uniform)
    expect(last).toMatchObject({ end: 1000, after: 0 })
  })

  it('renders the first rows until a row could be measured', () => {
    expect(windowFor(1000, 5000, null)).toEqual({ start: 0, end: 30, before: 0, after: 0, measured: false })
    expect(windowFor(12, 0, null).end).toBe(12)
  })

  it('uses each measured height: tall rows (two-line titles, 大字模式) above move the window and the spacer', () => {
    // Rows 0–9 measured at 200 px, the rest assumed 100 px.
    const heights = Array.from({ length: 10 }, () => 200)
    const m: RowMetrics = { listTop: 0, viewport: 600, heights, estimate: 100 }
    const w = windowFor(100, 2000, m) // just past the ten tall rows
    expect(w.start).toBe(10 - 4)
    expect(w.before).toBe(6 * 200)
    // 600 px of 100-px rows from row 10: rows 10..15, then overscan.
    expect(w.end).toBe(16 + 5)
    expect(w.before + 4 * 200 + (w.end - 10) * 100 + w.after).toBe(10 * 200 + 90 * 100)
  })
})
