// Page query parameters and the pages of this subpackage.
import { useRouter } from '@tarojs/taro'

type MaybeRouter = { params?: Record<string, string | undefined> } | null

export function useParam(name: string): string {
  const router = useRouter() as MaybeRouter
  return router?.params?.[name] ?? ''
}

export const PAGES = {
  list: '/volunteer/pages/index/index',
  detail: (id: string) => `/volunteer/pages/detail/index?id=${id}`,
  publish: '/volunteer/pages/publish/index',
  edit: (id: string) => `/volunteer/pages/publish/index?id=${id}`,
  roster: (slotId: string) => `/volunteer/pages/roster/index?slotId=${slotId}`,
  mine: '/volunteer/pages/mine/index',
  checkIn: (slotId: string) => `/volunteer/pages/check-in/index?slotId=${slotId}`,
  certificate: '/volunteer/pages/certificate/index',
  help: '/volunteer/pages/help/index',
  helpAsk: '/volunteer/pages/help-ask/index',
  helpDetail: (id: string) => `/volunteer/pages/help-detail/index?id=${id}`,
  staff: '/volunteer/pages/staff/index'
}
