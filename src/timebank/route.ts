// Page query parameters; empty outside a routed page (component tests mount pages directly).
import { useRouter } from '@tarojs/taro'

type MaybeRouter = { params?: Record<string, string | undefined> } | null

export function useParam(name: string): string {
  const router = useRouter() as MaybeRouter
  return router?.params?.[name] ?? ''
}

export const TB = {
  home: '/timebank/pages/index/index',
  shop: '/timebank/pages/shop/index',
  goods: (id: string) => `/timebank/pages/goods/index?id=${id}`,
  orders: '/timebank/pages/orders/index',
  services: '/timebank/pages/services/index',
  exchange: (id: string) => `/timebank/pages/exchange/index?id=${id}`,
  gift: '/timebank/pages/gift/index',
  report: '/timebank/pages/report/index',
  staff: '/timebank/pages/staff/index',
  staffGoods: '/timebank/pages/staff-goods/index'
}
