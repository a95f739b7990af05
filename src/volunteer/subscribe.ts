// The day-before reminder through WeChat: on weapp the sign-up tap first asks
// wx.requestSubscribeMessage (it must follow a tap, so before the network call), and once the
// sign-up exists its answer is recorded so the backend knows it may send the reminder.
import Taro from '@tarojs/taro'
import { SUBSCRIBE_RESULTS, VOLUNTEER_REMINDER_TEMPLATE, type SubscribeResult } from '../../types/contract/volunteer'
import { volunteerApi } from './api'

/** `platform` is a parameter only so tests can say weapp (the build inlines process.env.TARO_ENV). */
export const canSubscribe = (platform: string = process.env.TARO_ENV) => platform === 'weapp' && typeof Taro.requestSubscribeMessage === 'function'

/** Asks for the reminder subscription; null where there is none to ask (H5). */
export async function askReminder(platform: string = process.env.TARO_ENV): Promise<SubscribeResult | null> {
  if (!canSubscribe(platform)) return null
  try {
    const res = await Taro.requestSubscribeMessage({ tmplIds: [VOLUNTEER_REMINDER_TEMPLATE], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)
    const answer = (res as unknown as Record<string, string>)[VOLUNTEER_REMINDER_TEMPLATE]
    return SUBSCRIBE_RESULTS.includes(answer as SubscribeResult) ? (answer as SubscribeResult) : 'reject'
  } catch {
    // Closed the dialog, or the main switch for subscriptions is off.
    return 'reject'
  }
}

/** Records the answer; a failure here never undoes the sign-up (the in-app reminder still comes). */
export async function recordReminder(slotId: string, result: SubscribeResult | null): Promise<string | null> {
  if (!result) return null
  try {
    await volunteerApi.subscription({ slotId, result })
  } catch {
    return '订阅未记录，活动前一天仍会在消息中心提醒您'
  }
  return result === 'accept' ? '活动前一天会通过微信提醒您' : '活动前一天会在消息中心提醒您'
}
