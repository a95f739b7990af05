import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from './cx'

export interface SectionProps {
  title?: string
  /** Right side of the heading, e.g. a 查看全部 link. */
  extra?: ReactNode
  /** Draws the body as a white card. */
  card?: boolean
  className?: string
  children?: ReactNode
}

export function Section({ title, extra, card = false, className, children }: SectionProps) {
  return (
    <View className={cx('ll-section', className)}>
      {title || extra ? (
        <View className='ll-section__head'>
          {title ? <Text className='ll-section__title'>{title}</Text> : <View />}
          {extra ? <View className='ll-section__extra'>{extra}</View> : null}
        </View>
      ) : null}
      <View className={cx('ll-section__body', card && 'll-section__body--card')}>{children}</View>
    </View>
  )
}
