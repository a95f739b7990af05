import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from './cx'

export interface FieldProps {
  label: string
  required?: boolean
  /** Help shown under the control while there is no error. */
  hint?: string
  /** Inline error text (e.g. the field message from the server); replaces the hint. */
  error?: string | null
  className?: string
  children?: ReactNode
}

/** A labelled form row around any control, with a required mark, hint and inline error. */
export function Field({ label, required, hint, error, className, children }: FieldProps) {
  return (
    <View className={cx('ll-field', error && 'll-field--error', className)}>
      <View className='ll-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='ll-field__required'>（必填）</Text> : null}
      </View>
      <View className='ll-field__control'>{children}</View>
      {error ? <Text className='ll-field__error'>{error}</Text>
        : hint ? <Text className='ll-field__hint'>{hint}</Text> : null}
    </View>
  )
}

/** Characters as a person counts them (an emoji or a CJK character is one). */
export const charCount = (value: string) => Array.from(value).length

interface TextControlProps {
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** Also shows a `n/max` counter. */
  maxLength?: number
  disabled?: boolean
  className?: string
  onBlur?: () => void
}

function Counter({ value, maxLength }: { value: string; maxLength?: number }) {
  if (!maxLength) return null
  const n = charCount(value)
  return <Text className={cx('ll-counter', n > maxLength && 'll-counter--over')}>{n}/{maxLength}</Text>
}

export interface TextInputProps extends TextControlProps {
  type?: 'text' | 'number' | 'idcard' | 'digit'
}

export function TextInput({ value, onChange, placeholder, maxLength, disabled, className, onBlur, type = 'text' }: TextInputProps) {
  return (
    <View className={cx('ll-input', disabled && 'll-input--disabled', className)}>
      <Input
        className='ll-input__native'
        type={type}
        value={value}
        placeholder={placeholder}
        placeholderClass='ll-placeholder'
        maxlength={maxLength ?? -1}
        disabled={disabled}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
      />
      {/* A count of digits (年龄 1/2, 名额 2/3) reads like a fraction: numbers and codes get none. */}
      {type === 'text' ? <Counter value={value} maxLength={maxLength} /> : null}
    </View>
  )
}

export function TextArea({ value, onChange, placeholder, maxLength, disabled, className, onBlur }: TextControlProps) {
  return (
    <View className={cx('ll-textarea', disabled && 'll-input--disabled', className)}>
      <Textarea
        className='ll-textarea__native'
        value={value}
        placeholder={placeholder}
        placeholderClass='ll-placeholder'
        maxlength={maxLength ?? -1}
        disabled={disabled}
        autoHeight
        onInput={(e) => onChange(e.detail.value)}
        onBlur={onBlur}
      />
      <Counter value={value} maxLength={maxLength} />
    </View>
  )
}
