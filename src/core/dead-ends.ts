// No dead ends at the app level: an unknown route opens 页面不存在 (weapp: wx.onPageNotFound; H5: Taro's
// router raises the same event and would otherwise leave the previous page on screen).
import Taro from '@tarojs/taro'

export const NOT_FOUND_URL = '/account/pages/not-found/index'

let started = false

export function startDeadEndGuards(): void {
  if (started) return
  started = true
  Taro.onPageNotFound?.((res) => {
    // A bad path inside the not-found page itself would loop; nothing else to do then.
    if (res?.path && res.path.includes('account/pages/not-found')) return
    Taro.redirectTo({ url: NOT_FOUND_URL }).catch(() => Taro.reLaunch({ url: NOT_FOUND_URL }).catch(() => undefined))
  })
}
