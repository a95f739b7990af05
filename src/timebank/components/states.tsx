// The designed states of a loaded slot: skeleton while loading, error with retry, empty with a next step.
import type { ReactNode } from 'react'
import { EmptyState, ErrorState, Skeleton } from '../../core/ui'
import type { Slot } from '../store'

export function SlotView<T>({ slot, retry, empty, isEmpty, children }: {
  slot: Slot<T>
  retry: () => void
  empty: { message: string; action?: { text: string; onClick: () => void } }
  isEmpty?: (data: T) => boolean
  children: (data: T) => ReactNode
}) {
  if (slot.data === null && (slot.phase === 'idle' || slot.phase === 'loading')) return <Skeleton rows={4} />
  if (slot.data === null) return <ErrorState message={slot.error ?? '加载失败'} code={slot.code} onRetry={retry} />
  const data = slot.data
  const none = isEmpty ? isEmpty(data) : Array.isArray(data) && data.length === 0
  return (
    <>
      {slot.phase === 'error' ? <ErrorState message={`刷新失败：${slot.error ?? ''}`} onRetry={retry} /> : null}
      {none ? <EmptyState icon='积' message={empty.message} action={empty.action} /> : children(data)}
    </>
  )
}
