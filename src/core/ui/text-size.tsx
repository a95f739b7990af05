// 字号: one control with two choices, 标准 and 大字; the one in effect is marked, and a tap sets it.
import { Text, View } from '@tarojs/components'
import { selectTextSize, useTheme, type TextSize } from '../theme'
import { cx } from './cx'

const OPTIONS: { size: TextSize; label: string }[] = [
  { size: 'standard', label: '标准' },
  { size: 'large', label: '大字' }
]

export interface TextSizeChoiceProps {
  className?: string
}

/** Segmented 标准 / 大字 choice (a radio group); each sample is drawn at its own size. */
export function TextSizeChoice({ className }: TextSizeChoiceProps) {
  const size = useTheme(selectTextSize)
  const setSize = useTheme((s) => s.setSize)
  return (
    <View className={cx('ll-size-choice', className)} role='radiogroup' aria-label='字号'>
      {OPTIONS.map((o) => (
        <View
          key={o.size}
          className={cx('ll-size-choice__option', `ll-size-choice__option--${o.size}`, size === o.size && 'll-size-choice__option--on')}
          role='radio'
          aria-checked={size === o.size}
          onClick={() => setSize(o.size)}
        >
          <Text className='ll-size-choice__mark' aria-hidden>{size === o.size ? '✓' : ''}</Text>
          <Text className='ll-size-choice__label'>{o.label}</Text>
        </View>
      ))}
    </View>
  )
}
