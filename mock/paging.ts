import type { Page, PageQuery } from '../types/contract'
import { failField } from './errors'

/** Offset cursors: opaque to clients, stable for the mock's append-mostly lists. */
export function paginate<T>(items: readonly T[], query: PageQuery, defaultLimit = 20): Page<T> {
  const limit = query.limit ?? defaultLimit
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) : 0
  if (!Number.isFinite(offset) || offset < 0) failField('cursor', '分页参数不正确，请刷新后重试')
  const slice = items.slice(offset, offset + limit)
  const next = offset + slice.length
  return { items: slice, nextCursor: next < items.length ? String(next) : null, total: items.length }
}
