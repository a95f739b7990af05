// Windowing over the PAGE's scroll (so pull-to-refresh and 加载更多 stay the platform's own):
// only rows near the viewport are rendered; spacers above and below keep the scroll height.
// Rows may differ in height (titles wrap to two lines, 大字模式): every rendered row is measured,
// rows not yet rendered count as the average measured height.
import Taro, { usePageScroll } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface RowWindow {
  start: number
  end: number
  /** Heights of the spacers in px; 0 until measured. */
  before: number
  after: number
  /** Rows were measured: start/end follow the viewport (not just the first rows). */
  measured: boolean
}

export interface RowMetrics {
  listTop: number
  viewport: number
  /** Measured height of row i (sparse: only rows that have been rendered). */
  heights: ReadonlyArray<number | undefined>
  /** The height assumed for a row not measured yet. */
  estimate: number
}

/** Rows rendered before anything was measured (tests, the first frame). */
const UNMEASURED_ROWS = 30
/** Extra rows above and below the viewport, so a quick flick does not show blanks. */
const OVERSCAN = 4

interface Measured { listTop: number; rows: number[]; viewport: number }

function measure(listSelector: string, rowSelector: string): Promise<Measured | null> {
  return new Promise((resolve) => {
    // The query throws (asynchronously) when the component is not inside a mounted page.
    if (!Taro.getCurrentInstance()?.page) return resolve(null)
    try {
      const query = Taro.createSelectorQuery()
      query.select(listSelector).boundingClientRect()
      query.selectAll(rowSelector).boundingClientRect()
      query.selectViewport().scrollOffset()
      query.exec((res: unknown[]) => {
        const list = res?.[0] as { top: number } | null
        const rows = res?.[1] as { height: number }[] | null
        const scroll = res?.[2] as { scrollTop: number } | null
        if (!list || !Array.isArray(rows) || !rows.length || !(rows[0].height > 0)) return resolve(null)
        const viewport = Taro.getSystemInfoSync().windowHeight
        resolve({ listTop: list.top + (scroll?.scrollTop ?? 0), rows: rows.map((r) => r.height), viewport })
      })
    } catch {
      resolve(null)
    }
  })
}

export function windowFor(count: number, scrollTop: number, m: RowMetrics | null): RowWindow {
  if (!m) return { start: 0, end: Math.min(count, UNMEASURED_ROWS), before: 0, after: 0, measured: false }
  const height = (i: number) => m.heights[i] ?? m.estimate
  const top = scrollTop - m.listTop
  let first = 0
  let y = 0
  while (first < count && y + height(first) <= top) y += height(first++)
  let last = first
  let bottom = y
  while (last < count && bottom < top + m.viewport) bottom += height(last++)
  const start = Math.max(0, first - OVERSCAN)
  const end = Math.max(start, Math.min(count, last + OVERSCAN + 1))
  let before = 0
  for (let i = 0; i < start; i++) before += height(i)
  let after = 0
  for (let i = end; i < count; i++) after += height(i)
  return { start, end, before, after, measured: true }
}

const sameWindow = (a: RowWindow, b: RowWindow) =>
  a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after && a.measured === b.measured

/** `key` changes (e.g. 大字模式) forget every measured height. */
export function useRowWindow(count: number, listSelector: string, rowSelector: string, key: unknown): RowWindow {
  const metrics = useRef<RowMetrics | null>(null)
  const heights = useRef<number[]>([])
  const scrollTop = useRef(0)
  const [win, setWin] = useState<RowWindow>(() => windowFor(count, 0, null))

  const update = useCallback(() => {
    const next = windowFor(count, scrollTop.current, metrics.current)
    setWin((w) => (sameWindow(w, next) ? w : next))
  }, [count])

  // The latest `update` without re-measuring each time the row count changes.
  const updateRef = useRef(update)
  useEffect(() => { updateRef.current = update }, [update])
  const hasRows = count > 0

  // A new key: forget what was measured.
  useEffect(() => {
    heights.current = []
    metrics.current = null
    updateRef.current()
  }, [key, listSelector, rowSelector])

  // After the rendered rows change (first paint, scrolling, 大字模式), measure them; a new
  // height moves the window, which renders and measures again until nothing changes.
  useEffect(() => {
    if (!hasRows) return
    let live = true
    // The rendered rows are from..end; a new window ends this effect (live = false) first.
    const from = win.start
    const timer = setTimeout(() => {
      void measure(listSelector, rowSelector).then((m) => {
        if (!live || !m) return
        m.rows.forEach((h, k) => { if (h > 0) heights.current[from + k] = h })
        const known = heights.current.filter((h) => h > 0)
        const estimate = known.reduce((a, b) => a + b, 0) / known.length
        metrics.current = { listTop: m.listTop, viewport: m.viewport, heights: heights.current, estimate }
        updateRef.current()
      })
    }, 50)
    return () => { live = false; clearTimeout(timer) }
  }, [key, listSelector, rowSelector, hasRows, win.start, win.end])

  useEffect(update, [count, update])

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top
    update()
  })
  return win
}
