// Opening another page. A feature page that is not in this build yet answers 即将开放
// instead of failing silently; a full page stack (weapp keeps at most 10) replaces the top page.
import Taro from '@tarojs/taro'
import { toast } from './feedback'

const errMsgOf = (e: unknown) => String((e as { errMsg?: string } | null)?.errMsg ?? e)

export async function openPage(url: string): Promise<void> {
  try {
    await Taro.navigateTo({ url })
  } catch (e) {
    if (/limit exceed/i.test(errMsgOf(e))) {
      await Taro.redirectTo({ url }).catch(() => toast('页面打开失败，请返回后重试'))
      return
    }
    toast('该功能即将开放')
  }
}
