// 诉求类别 as large chips (easier than a picker for older residents), with each one's description.
import { Text, View } from '@tarojs/components'
import { REQUEST_CATEGORIES, type CategoryCode } from '../../../types/contract/requests-catalog'
import { cx, Field } from '../../core/ui'

export function CategoryPicker({ value, error, disabled, onChange }: {
  value: CategoryCode | null
  error?: string | null
  disabled?: boolean
  onChange: (code: CategoryCode) => void
}) {
  const chosen = REQUEST_CATEGORIES.find((c) => c.code === value)
  return (
    <Field label='诉求类别' required error={error} hint={chosen?.description}>
      <View className='rq-chips'>
        {REQUEST_CATEGORIES.map((c) => (
          <View key={c.code} className={cx('rq-chip', 'rq-category', c.code === value && 'rq-chip--on')}
            aria-selected={c.code === value} onClick={() => { if (!disabled) onChange(c.code) }}>
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
    </Field>
  )
}
