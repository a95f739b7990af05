// The designed non-content states of a page: empty, failed, loading.
import { Text, View } from '@tarojs/components'
import { Button } from './button'
import { cx } from './cx'

export interface EmptyStateProps {
  /** One Chinese character shown in a circle above the message (emoji do not render everywhere). */
  icon?: string
  message: string
  /** What to do next, e.g. { text: '我要反映', onClick }. */
  action?: { text: string; onClick: () => void }
  className?: string
}

export function EmptyState({ icon = '邻', message, action, className }: EmptyStateProps) {
  return (
    <View className={cx('ll-state', 'll-state--empty', className)}>
      <Text className='ll-state__icon'>{icon}</Text>
      <Text className='ll-state__message'>{message}</Text>
      {action ? <Button variant='secondary' onClick={action.onClick}>{action.text}</Button> : null}
    </View>
  )
}

export interface ErrorStateProps {
  message: string
  onRetry?: () => void
  retrying?: boolean
  className?: string
}

export function ErrorState({ message, onRetry, retrying, className }: ErrorStateProps) {
  return (
    <View className={cx('ll-state', 'll-state--error', className)}>
      <Text className='ll-state__icon'>!</Text>
      <Text className='ll-state__message'>{message}</Text>
      {onRetry ? <Button variant='secondary' loading={retrying} onClick={onRetry}>重试</Button> : null}
    </View>
  )
}

export function Loading({ text = '正在加载…', className }: { text?: string; className?: string }) {
  return (
    <View className={cx('ll-loading', className)}>
      <View className='ll-loading__spinner' />
      <Text className='ll-loading__text'>{text}</Text>
    </View>
  )
}

/** Grey placeholder rows while a list loads. */
export function Skeleton({ rows = 3, className }: { rows?: number; className?: string }) {
  return (
    <View className={cx('ll-skeleton', className)} aria-label='正在加载'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='ll-skeleton__row'>
          <View className='ll-skeleton__line ll-skeleton__line--title' />
          <View className='ll-skeleton__line' />
        </View>
      ))}
    </View>
  )
}
