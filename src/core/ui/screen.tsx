import { Text, View } from '@tarojs/components'
import { useEffect, type ReactNode } from 'react'
import { useElderMode } from '../theme'
import { cx } from './cx'

export interface ScreenProps {
  /** A large heading at the top of the page (the navigation bar keeps the short title). */
  title?: string
  /** Page padding; on by default, turn off for full-bleed lists. */
  padded?: boolean
  className?: string
  children?: ReactNode
}

/** Every page's root: theme tokens, 大字模式 (class ll-elder), background and padding. */
export function Screen({ title, padded = true, className, children }: ScreenProps) {
  const elder = useElderMode()
  useEffect(() => {
    // H5 draws its tab bar outside the page; a body class lets 大字模式 reach it (weapp's is native).
    if (process.env.TARO_ENV === 'h5' && typeof document !== 'undefined') document.body.classList.toggle('ll-elder-app', elder)
  }, [elder])
  return (
    <View className={cx('ll-screen', elder && 'll-elder', padded && 'll-screen--padded', className)}>
      {title ? <Text className='ll-screen__title'>{title}</Text> : null}
      {children}
    </View>
  )
}
