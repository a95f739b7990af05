// The chosen category's own questions (Open311 attributes): choices as chips, text/number as inputs.
import { Text, View } from '@tarojs/components'
import { categoryOf, type CategoryCode } from '../../../types/contract/requests-catalog'
import { cx, Field, TextInput } from '../../core/ui'

export function ExtraQuestions({ categoryCode, answers, errors, disabled, onAnswer }: {
  categoryCode: CategoryCode | null
  answers: Record<string, string>
  /** Field messages keyed `answers.<code>`. */
  errors: Record<string, string>
  disabled?: boolean
  onAnswer: (code: string, value: string) => void
}) {
  const category = categoryCode ? categoryOf(categoryCode) : undefined
  if (!category || !category.attributes.length) return null
  return (
    <View className='rq-questions'>
      {category.attributes.map((a) => (
        <Field key={a.code} label={a.label} required={a.required} hint={a.hint} error={errors[`answers.${a.code}`]}>
          {a.datatype === 'singlevaluelist' ? (
            <View className='rq-chips'>
              {(a.values ?? []).map((v) => (
                <View key={v.key} className={cx('rq-chip', `rq-answer-${a.code}`, answers[a.code] === v.key && 'rq-chip--on')}
                  onClick={() => { if (!disabled) onAnswer(a.code, answers[a.code] === v.key && !a.required ? '' : v.key) }}>
                  <Text>{v.name}</Text>
                </View>
              ))}
            </View>
          ) : (
            <TextInput value={answers[a.code] ?? ''} type={a.datatype === 'number' ? 'digit' : 'text'} disabled={disabled}
              placeholder={a.required ? `请填写${a.label}` : '选填'} onChange={(v) => onAnswer(a.code, v)} />
          )}
        </Field>
      ))}
    </View>
  )
}
