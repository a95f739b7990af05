import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from './cx'

export interface CellProps {
  title: ReactNode
  /** A second line under the title. */
  label?: ReactNode
  /** Right-hand value (text, a Tag, a Switch...). */
  value?: ReactNode
  /** Shows › ; on by default when the row is tappable. */
  arrow?: boolean
  onClick?: () => void
  className?: string
}

/** One list row. */
export function Cell({ title, label, value, arrow, onClick, className }: CellProps) {
  const showArrow = arrow ?? !!onClick
  const hasValue = value !== undefined && value !== null
  return (
    <View
      className={cx('ll-cell', onClick && 'll-cell--clickable', className)}
      hoverClass={onClick ? 'll-cell--active' : 'none'}
      onClick={onClick}
    >
      <View className='ll-cell__main'>
        <Text className='ll-cell__title'>{title}</Text>
        {label ? <Text className='ll-cell__label'>{label}</Text> : null}
      </View>
      {/* The value and its › move together: a long value goes under the title with the arrow beside it. */}
      {hasValue || showArrow ? (
        <View className='ll-cell__side'>
          {hasValue ? <View className='ll-cell__value'>{value}</View> : null}
          {showArrow ? <Text className='ll-cell__arrow'>›</Text> : null}
        </View>
      ) : null}
    </View>
  )
}

export interface CellGroupProps {
  title?: string
  className?: string
  children?: ReactNode
}

/** A card of rows with an optional small heading above it. */
export function CellGroup({ title, className, children }: CellGroupProps) {
  return (
    <View className={cx('ll-cell-group', className)}>
      {title ? <Text className='ll-cell-group__title'>{title}</Text> : null}
      <View className='ll-cell-group__body'>{children}</View>
    </View>
  )
}
