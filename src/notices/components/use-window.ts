// Windowing over the PAGE's scroll (so pull-to-refresh and 加载更多 stay the platform's own):
// only rows near the viewport are rendered; spacers above and below keep the scroll height.
// Rows must be equally tall; the height is measured from a rendered row (it differs in 大字模式).
import Taro, { usePageScroll } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface RowWindow {
  start: number
  end: number
  /** Heights of the spacers in px; 0 until measured. */
  before: number
  after: number
  /** A row was measured: start/end follow the viewport (not just the first rows). */
  measured: boolean
}

/** Rows rendered before anything was measured (tests, the first frame). */
const UNMEASURED_ROWS = 30
/** Extra rows above and below the viewport, so a quick flick does not show blanks. */
const OVERSCAN = 4

function measure(listSelector: string, rowSelector: string): Promise<{ listTop: number; rowHeight: number; viewport: number } | null> {
  return new Promise((resolve) => {
    // The query throws (asynchronously) when the component is not inside a mounted page.
    if (!Taro.getCurrentInstance()?.page) return resolve(null)
    try {
      const query = Taro.createSelectorQuery()
      query.select(listSelector).boundingClientRect()
      query.select(rowSelector).boundingClientRect()
      query.selectViewport().scrollOffset()
      query.exec((res: unknown[]) => {
        const list = res?.[0] as { top: number } | null
        const row = res?.[1] as { height: number } | null
        const scroll = res?.[2] as { scrollTop: number } | null
        if (!list || !row || !(row.height > 0)) return resolve(null)
        const viewport = Taro.getSystemInfoSync().windowHeight
        resolve({ listTop: list.top + (scroll?.scrollTop ?? 0), rowHeight: row.height, viewport })
      })
    } catch {
      resolve(null)
    }
  })
}

export function windowFor(count: number, scrollTop: number, m: { listTop: number; rowHeight: number; viewport: number } | null): RowWindow {
  if (!m) return { start: 0, end: Math.min(count, UNMEASURED_ROWS), before: 0, after: 0, measured: false }
  const first = Math.floor((scrollTop - m.listTop) / m.rowHeight)
  const start = Math.max(0, Math.min(count, first - OVERSCAN))
  const end = Math.max(start, Math.min(count, first + Math.ceil(m.viewport / m.rowHeight) + OVERSCAN + 1))
  return { start, end, before: start * m.rowHeight, after: (count - end) * m.rowHeight, measured: true }
}

/** `key` changes (e.g. 大字模式) force a new measurement. */
export function useRowWindow(count: number, listSelector: string, rowSelector: string, key: unknown): RowWindow {
  const metrics = useRef<{ listTop: number; rowHeight: number; viewport: number } | null>(null)
  const scrollTop = useRef(0)
  const [win, setWin] = useState<RowWindow>(() => windowFor(count, 0, null))

  const update = useCallback(() => {
    const next = windowFor(count, scrollTop.current, metrics.current)
    setWin((w) => (w.start === next.start && w.end === next.end && w.before === next.before && w.after === next.after && w.measured === next.measured ? w : next))
  }, [count])

  // The latest `update` without re-measuring each time the row count changes.
  const updateRef = useRef(update)
  useEffect(() => { updateRef.current = update }, [update])
  const hasRows = count > 0

  useEffect(() => {
    metrics.current = null
    updateRef.current()
    let live = true
    // Measure after the rows are painted.
    const timer = setTimeout(() => {
      void measure(listSelector, rowSelector).then((m) => {
        if (!live || !m) return
        metrics.current = m
        updateRef.current()
      })
    }, 50)
    return () => { live = false; clearTimeout(timer) }
  }, [key, listSelector, rowSelector, hasRows])

  useEffect(update, [count, update])

  usePageScroll(({ scrollTop: top }) => {
    scrollTop.current = top
    update()
  })
  return win
}
