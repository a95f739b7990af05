import { applyPage, emptyList, failLoad, startLoad, type ListState } from '../paged-list'

const loaded = (items: number[], nextCursor: string | null): ListState<number> => ({ items, nextCursor, total: 5, phase: 'ready', error: null })

describe('paged list', () => {
  it('a first load with nothing cached shows loading; with cached items it refreshes in place', () => {
    expect(startLoad(emptyList<number>(), 'first')).toEqual({ state: { ...emptyList(), phase: 'loading' }, cursor: undefined })
    expect(startLoad(loaded([1, 2], 'c2'), 'first')?.state.phase).toBe('refreshing')
    expect(startLoad(emptyList<number>(), 'refresh')?.state.phase).toBe('refreshing')
  })

  it('more asks for the next cursor, and is skipped without one or while a page is on its way', () => {
    expect(startLoad(loaded([1, 2], 'c2'), 'more')).toEqual({ state: { ...loaded([1, 2], 'c2'), phase: 'more' }, cursor: 'c2' })
    expect(startLoad(loaded([1, 2], null), 'more')).toBeNull()
    expect(startLoad({ ...loaded([1, 2], 'c2'), phase: 'more' }, 'more')).toBeNull()
    expect(startLoad({ ...loaded([], 'c2'), phase: 'loading' }, 'more')).toBeNull()
  })

  it('starting a load clears the last error but keeps the items', () => {
    const failed = failLoad(loaded([1, 2], 'c2'), '网络不可用')
    expect(startLoad(failed, 'refresh')?.state).toEqual({ ...loaded([1, 2], 'c2'), phase: 'refreshing', error: null })
  })

  it('more appends, refresh replaces, and fields beyond the list are kept', () => {
    const feed = { ...loaded([1, 2], 'c2'), unread: 3 }
    expect(applyPage(feed, { items: [3, 4], nextCursor: null, total: 4 }, 'more')).toEqual({ items: [1, 2, 3, 4], nextCursor: null, total: 4, phase: 'ready', error: null, unread: 3 })
    expect(applyPage(feed, { items: [9], nextCursor: 'c1', total: 1 }, 'refresh')).toEqual({ items: [9], nextCursor: 'c1', total: 1, phase: 'ready', error: null, unread: 3 })
  })

  it('a failure keeps what was on screen with the message', () => {
    expect(failLoad(loaded([1, 2], 'c2'), '服务繁忙')).toEqual({ ...loaded([1, 2], 'c2'), phase: 'error', error: '服务繁忙' })
  })
})
