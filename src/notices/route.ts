// Page query parameters; empty outside a routed page (component tests mount pages directly).
import { useRouter } from '@tarojs/taro'

export function useParam(name: string): string {
  const router = useRouter() as ReturnType<typeof useRouter> | null
  return router?.params?.[name] ?? ''
}
