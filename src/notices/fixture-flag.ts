// The perf fixture in the H5 demo: open 首页 with `?feedFixture=1000` (mock builds only) and the
// caller's building gets 1,000 short notices, for the feed benchmark and for trying the scroll.
import Taro from '@tarojs/taro'
import { isMockBuild } from '../core/api'
import { useSession } from '../core/session/store'
import { noticesApi } from './api'

let seeded = false

/** True when it added the fixture just now (the feed then reloads from the top). */
export async function maybeSeedFixture(): Promise<boolean> {
  if (!isMockBuild || seeded) return false
  const count = Number(Taro.getCurrentInstance()?.router?.params?.feedFixture ?? 0)
  if (!Number.isInteger(count) || count <= 0) return false
  seeded = true
  const buildingId = useSession.getState().user?.house?.buildingId ?? 'b_3'
  try {
    await noticesApi.seedFixture(buildingId, Math.min(count, 2000))
    return true
  } catch {
    return false
  }
}
