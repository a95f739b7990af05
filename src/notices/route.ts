// Page query parameters; empty outside a routed page (component tests mount pages directly).
import { useRouter } from '@tarojs/taro'

type MaybeRouter = { params?: Record<string, string | undefined> } | null

export function useParam(name: string): string {
  const router = useRouter() as MaybeRouter
  return router?.params?.[name] ?? ''
}
