// Consent before the first use of location or photos. On weapp this is WeChat's own privacy
// authorization (app.config has __usePrivacyCheck__); on H5 it is our dialog, remembered in
// the session store's privacyAccepted.
import Taro from '@tarojs/taro'
import { useSession } from './session/store'

export type PrivacyPurpose = 'location' | 'photo'

export const PRIVACY_PAGE = '/account/pages/privacy/index'

const PURPOSE_TEXT: Record<PrivacyPurpose, string> = {
  location: '获取您当前的位置，用于标出问题地点、匹配最近的楼栋',
  // Photos go with a 民生诉求 and with a 楼长's notice alike, so the text names neither alone.
  photo: '使用您拍摄或选择的照片，附在您提交的诉求或发布的通知里'
}

function getPrivacySetting(): Promise<{ needAuthorization: boolean } | null> {
  return new Promise((resolve) => {
    Taro.getPrivacySetting({ success: (r) => resolve(r), fail: () => resolve(null) })
  })
}

function requirePrivacyAuthorize(): Promise<boolean> {
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) })
  })
}

async function weappConsent(): Promise<boolean> {
  // Base libraries before 2.32.3 have no privacy API and no privacy check: nothing to ask.
  if (typeof Taro.getPrivacySetting !== 'function') return true
  const setting = await getPrivacySetting()
  if (!setting || !setting.needAuthorization) return true
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return true
  const agreed = await requirePrivacyAuthorize()
  if (agreed) useSession.getState().acceptPrivacy()
  return agreed
}

async function h5Consent(purpose: PrivacyPurpose): Promise<boolean> {
  if (useSession.getState().privacyAccepted) return true
  try {
    const r = await Taro.showModal({
      title: '隐私保护提示',
      content: `邻里需要${PURPOSE_TEXT[purpose]}。我们收集的信息（微信标识、姓名与房号、位置、照片、诉求与通知内容）只用于社区办事，`
        + '详见「我的 → 隐私政策」。是否同意？',
      confirmText: '同意',
      cancelText: '不同意',
      confirmColor: '#c2410c'
    })
    if (!r.confirm) return false
    useSession.getState().acceptPrivacy()
    return true
  } catch {
    return false
  }
}

/** Resolves true when the person agreed (now or earlier) to let 邻里 use their location or photos. */
export function ensurePrivacyConsent(purpose: PrivacyPurpose): Promise<boolean> {
  // A run-time check (not process.env.TARO_ENV, which the build inlines) so tests can take either path.
  return Taro.getEnv() === Taro.ENV_TYPE.WEAPP ? weappConsent() : h5Consent(purpose)
}

/** Withdraws consent on this device (WeChat keeps its own record; see the policy page). */
export function withdrawPrivacyConsent(): void {
  useSession.setState({ privacyAccepted: false })
}
