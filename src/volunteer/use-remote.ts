// Server data for one page: loading, the last good value, the error message, and reload (pull-down).
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { codeOf, messageOf, type ErrorCode } from '../core/api'

export interface Remote<T> { data: T | null; error: string | null; code: ErrorCode | null; loading: boolean; reload: () => Promise<void>; set: (next: T) => void }

export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Remote<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [code, setCode] = useState<ErrorCode | null>(null)
  const [loading, setLoading] = useState(false)
  const latest = useRef(load)
  latest.current = load
  const reload = useCallback(async () => {
    setLoading(true)
    try {
      setData(await latest.current())
      setError(null)
      setCode(null)
    } catch (e) {
      setError(messageOf(e))
      setCode(codeOf(e))
    } finally {
      setLoading(false)
    }
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { if (enabled) void reload() }, [enabled, reload, ...deps])
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })
  return { data, error, code, loading, reload, set: setData }
}
