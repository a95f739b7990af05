// Status-update notifications: on weapp, wx.requestSubscribeMessage (it must follow a tap), and the
// resident's answer recorded by the backend so it knows whom it may notify.
import Taro from '@tarojs/taro'
import { REQUEST_SUBSCRIBE_TEMPLATE } from '../../types/contract/requests-model'
import { messageOf } from '../core/api'
import { requestsApi } from './api'

type SubscribeResult = 'accept' | 'reject' | 'ban' | 'filter'
const RESULTS: SubscribeResult[] = ['accept', 'reject', 'ban', 'filter']

/** `platform` is a parameter only so tests can say weapp (the build inlines process.env.TARO_ENV). */
export const canSubscribe = (platform: string = process.env.TARO_ENV) => platform === 'weapp' && typeof Taro.requestSubscribeMessage === 'function'

/** Asks, records the answer, and resolves with a line for the resident. */
export async function subscribeToUpdates(requestId: string, platform: string = process.env.TARO_ENV): Promise<string> {
  if (!canSubscribe(platform)) return '当前环境不支持订阅消息，可在「我的诉求」查看进度'
  let result: SubscribeResult
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [REQUEST_SUBSCRIBE_TEMPLATE], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
    const answer = (res as unknown as Record<string, string>)[REQUEST_SUBSCRIBE_TEMPLATE]
    result = RESULTS.includes(answer as SubscribeResult) ? (answer as SubscribeResult) : 'reject'
  } catch {
    // Closed the dialog, or the main switch for subscriptions is off.
    result = 'reject'
  }
  try {
    await requestsApi.recordSubscription({ requestId, results: { [REQUEST_SUBSCRIBE_TEMPLATE]: result } })
  } catch (e) {
    return messageOf(e)
  }
  return result === 'accept' ? '已订阅，办理有进展时会通知您' : '未订阅，可在「我的诉求」查看进度'
}
