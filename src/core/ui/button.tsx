import { Button as TaroButton, type ButtonProps as TaroButtonProps } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from './cx'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'plain'

export interface ButtonProps {
  variant?: ButtonVariant
  /** Shows a spinner and blocks taps until the work finishes. */
  loading?: boolean
  disabled?: boolean
  /** Full width. */
  block?: boolean
  size?: 'normal' | 'small'
  onClick?: () => void
  /** Native open types, e.g. 'agreePrivacyAuthorization' on weapp. */
  openType?: TaroButtonProps['openType']
  id?: string
  className?: string
  children?: ReactNode
}

export function Button({ variant = 'primary', loading = false, disabled = false, block = false, size = 'normal',
  onClick, openType, id, className, children }: ButtonProps) {
  const inactive = disabled || loading
  return (
    <TaroButton
      id={id}
      className={cx('ll-button', `ll-button--${variant}`, size === 'small' && 'll-button--small', block && 'll-button--block',
        inactive && 'll-button--disabled', className)}
      disabled={inactive}
      loading={loading}
      openType={openType}
      hoverClass='ll-button--active'
      onClick={() => { if (!inactive) onClick?.() }}
    >
      {children}
    </TaroButton>
  )
}
