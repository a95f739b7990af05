// A paged list as the stores keep it, and the pure steps of loading it: `first` (keeps cached
// items on screen while it loads), `refresh` (pull-down) or `more` (the next page, if any).
export type ListPhase = 'idle' | 'loading' | 'refreshing' | 'more' | 'ready' | 'error'
export type LoadMode = 'first' | 'refresh' | 'more'

export interface ListState<T> {
  items: T[]
  nextCursor: string | null
  total: number
  phase: ListPhase
  /** Message of the last failure; a failed refresh or 加载更多 keeps the items on screen. */
  error: string | null
}

export interface PageOf<T> { items: T[]; nextCursor: string | null; total: number }

export const emptyList = <T>(phase: ListPhase = 'idle'): ListState<T> => ({ items: [], nextCursor: null, total: 0, phase, error: null })

export interface LoadStart<L> {
  /** The list while the page is on its way (phase set, last error cleared). */
  state: L
  /** Cursor to ask for: the next page for `more`, none otherwise. */
  cursor: string | undefined
}

/**
 * The step before fetching. null means skip: `more` with no next page, or while another page or
 * the first load is on its way.
 */
export function startLoad<T, L extends ListState<T>>(current: L, mode: LoadMode): LoadStart<L> | null {
  if (mode === 'more' && (!current.nextCursor || current.phase === 'more' || current.phase === 'loading')) return null
  const phase: ListPhase = mode === 'more' ? 'more' : current.items.length || mode === 'refresh' ? 'refreshing' : 'loading'
  return { state: { ...current, phase, error: null }, cursor: mode === 'more' ? current.nextCursor ?? undefined : undefined }
}

/** The list after a page arrived: `more` appends, the other modes replace. Extra fields are kept. */
export function applyPage<T, L extends ListState<T>>(current: L, page: PageOf<T>, mode: LoadMode): L {
  const items = mode === 'more' ? [...current.items, ...page.items] : page.items
  return { ...current, items, nextCursor: page.nextCursor, total: page.total, phase: 'ready', error: null }
}

/** The list after a failed load: items stay on screen with the message. */
export function failLoad<T, L extends ListState<T>>(current: L, message: string): L {
  return { ...current, phase: 'error', error: message }
}
