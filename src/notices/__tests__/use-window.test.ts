import { windowFor } from '../components/use-window'

const metrics = { listTop: 400, rowHeight: 106, viewport: 700 }

describe('feed windowing', () => {
  it('renders only the rows around the viewport of a 1,000-notice feed, keeping the full height', () => {
    const w = windowFor(1000, 400 + 106 * 500, metrics)
    expect(w.end - w.start).toBeLessThanOrEqual(Math.ceil(700 / 106) + 9)
    expect(w.start).toBe(496)
    expect(w.before + (w.end - w.start) * 106 + w.after).toBe(1000 * 106)
  })

  it('starts at the top and stops at the end', () => {
    expect(windowFor(1000, 0, metrics)).toMatchObject({ start: 0, before: 0 })
    const last = windowFor(1000, 400 + 106 * 1000, metrics)
    expect(last).toMatchObject({ end: 1000, after: 0 })
  })

  it('renders the first rows until a row could be measured', () => {
    expect(windowFor(1000, 5000, null)).toEqual({ start: 0, end: 30, before: 0, after: 0, measured: false })
    expect(windowFor(12, 0, null).end).toBe(12)
  })
})
