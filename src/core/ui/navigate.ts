// Opening another page. A feature page that is not in this build yet answers 即将开放
// instead of failing silently.
import Taro from '@tarojs/taro'
import { toast } from './feedback'

export async function openPage(url: string): Promise<void> {
  try {
    await Taro.navigateTo({ url })
  } catch {
    toast('该功能即将开放')
  }
}
