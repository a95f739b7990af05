// The designed non-content states of a page: empty, failed, loading.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ErrorCode } from '../../../types/contract/common'
import { Button } from './button'
import { cx } from './cx'
import { openPage } from './navigate'
import './states.scss'

export interface EmptyStateProps {
  /** One Chinese character shown in a circle above the message (emoji do not render everywhere). */
  icon?: string
  message: string
  /** What to do next, e.g. { text: '我要反映', onClick }. */
  action?: { text: string; onClick: () => void }
  className?: string
}

export function EmptyState({ icon = '邻', message, action, className }: EmptyStateProps) {
  return (
    <View className={cx('ll-state', 'll-state--empty', className)}>
      <Text className='ll-state__icon' aria-hidden>{icon}</Text>
      <Text className='ll-state__message'>{message}</Text>
      {action ? <Button variant='secondary' onClick={action.onClick}>{action.text}</Button> : null}
    </View>
  )
}

export interface ErrorStateProps {
  message: string
  /**
   * The failure's code (ApiError.code). 404/403 and other answers a retry cannot change get a way
   * out (返回, or 返回首页 when there is no page to go back to) instead of 重试; network, timeout
   * and 5xx keep 重试.
   */
  code?: ErrorCode | null
  onRetry?: () => void
  retrying?: boolean
  className?: string
}

// Answers that the same request will get again: retrying them is a dead end.
const FINAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['NOT_FOUND', 'FORBIDDEN', 'VALIDATION', 'INVALID_STATE', 'CONFLICT'])

const HINTS: Partial<Record<ErrorCode, string>> = {
  NOT_FOUND: '这条内容可能已被删除，或链接有误。请返回上一页重新查找。',
  FORBIDDEN: '这项内容只对相关的居民或工作人员开放。如需办理，请联系社区工作人员。'
}

export const HOME_URL = '/pages/home/index'
export const CONTACTS_URL = '/account/pages/contacts/index'

/** Whether a back step lands on a page of this app (not a fresh start on a deep link). */
export function canGoBack(): boolean {
  try {
    return Taro.getCurrentPages().length > 1
  } catch {
    return false
  }
}

/** Back one page, or to 首页 when there is nothing to go back to. */
export async function goBackOrHome(): Promise<void> {
  if (canGoBack()) {
    await Taro.navigateBack().catch(() => Taro.switchTab({ url: HOME_URL }).catch(() => undefined))
    return
  }
  await Taro.switchTab({ url: HOME_URL }).catch(() => Taro.reLaunch({ url: HOME_URL }).catch(() => undefined))
}

export function ErrorState({ message, code, onRetry, retrying, className }: ErrorStateProps) {
  const final = !!code && FINAL_CODES.has(code)
  const hint = code ? HINTS[code] : undefined
  const back = canGoBack()
  return (
    <View className={cx('ll-state', 'll-state--error', final && 'll-state--final', className)} role='alert'>
      <Text className='ll-state__icon' aria-hidden>{code === 'NOT_FOUND' ? '无' : code === 'FORBIDDEN' ? '限' : '!'}</Text>
      <Text className='ll-state__message'>{message}</Text>
      {hint ? <Text className='ll-state__hint'>{hint}</Text> : null}
      <View className='ll-state__actions'>
        {onRetry && !final ? <Button variant='secondary' className='ll-state__retry' loading={retrying} onClick={onRetry}>重试</Button> : null}
        {final ? <Button className='ll-state__back' onClick={() => void goBackOrHome()}>{back ? '返回' : '返回首页'}</Button> : null}
        {code === 'FORBIDDEN' ? <Button variant='secondary' className='ll-state__contacts' onClick={() => void openPage(CONTACTS_URL)}>联系社区</Button> : null}
        {!final && back ? <Button variant='plain' className='ll-state__back' onClick={() => void goBackOrHome()}>返回</Button> : null}
      </View>
    </View>
  )
}

export function Loading({ text = '正在加载…', className }: { text?: string; className?: string }) {
  return (
    <View className={cx('ll-loading', className)}>
      <View className='ll-loading__spinner' />
      <Text className='ll-loading__text'>{text}</Text>
    </View>
  )
}

/** Grey placeholder rows while a list loads. */
export function Skeleton({ rows = 3, className }: { rows?: number; className?: string }) {
  return (
    <View className={cx('ll-skeleton', className)} aria-label='正在加载'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='ll-skeleton__row'>
          <View className='ll-skeleton__line ll-skeleton__line--title' />
          <View className='ll-skeleton__line' />
        </View>
      ))}
    </View>
  )
}
