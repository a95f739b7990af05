// Toasts and confirmations through the platform's own dialogs (Taro.showToast / showModal).
import Taro from '@tarojs/taro'

/** A short message that goes away by itself. Keep it under ~14 characters for one line. */
export function toast(message: string, icon: 'none' | 'success' | 'error' = 'none'): void {
  void Taro.showToast({ title: message, icon, duration: 2500 })
}

export interface ConfirmOptions {
  title: string
  content?: string
  /** At most 4 characters on weapp. */
  confirmText?: string
  cancelText?: string
  /** A destructive step: the confirm button turns red. */
  danger?: boolean
}

/** Asks before a step; resolves true only when the person taps the confirm button. */
export async function confirm({ title, content = '', confirmText = '确定', cancelText = '取消', danger = false }: ConfirmOptions): Promise<boolean> {
  try {
    const result = await Taro.showModal({
      title, content, confirmText, cancelText,
      confirmColor: danger ? '#b91c1c' : '#c2410c',
      cancelColor: '#4b5260'
    })
    return !!result.confirm
  } catch {
    return false
  }
}
