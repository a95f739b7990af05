import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from './cx'

export type Tone = 'default' | 'primary' | 'success' | 'warning' | 'danger' | 'info'

export function Tag({ tone = 'default', className, children }: { tone?: Tone; className?: string; children?: ReactNode }) {
  return <Text className={cx('ll-tag', `ll-tag--${tone}`, className)}>{children}</Text>
}

/** A count (99+ above max) or a dot; renders nothing for 0. */
export function Badge({ count = 0, max = 99, dot = false, className }: { count?: number; max?: number; dot?: boolean; className?: string }) {
  if (!dot && count <= 0) return null
  return <Text className={cx('ll-badge', dot && 'll-badge--dot', className)}>{dot ? '' : count > max ? `${max}+` : String(count)}</Text>
}
