// Places and departments change rarely: loaded once per session, kept in memory, retried on demand.
import { useCallback, useEffect, useState } from 'react'
import type { Department } from '../../types/contract/requests-model'
import type { Place } from '../../types/contract/requests-catalog'
import { messageOf } from '../core/api'
import { requestsApi } from './api'

interface Loaded<T> { data: T | null; error: string | null; loading: boolean; reload: () => void }

function cached<T>(load: () => Promise<T>) {
  let value: T | null = null
  let pending: Promise<T> | null = null
  return {
    peek: () => value,
    get: (): Promise<T> => {
      if (value) return Promise.resolve(value)
      if (!pending) pending = load().then((v) => { value = v; return v }).finally(() => { pending = null })
      return pending
    }
  }
}

const places = cached(() => requestsApi.places())
const departments = cached(() => requestsApi.departments())

function useCached<T>(source: ReturnType<typeof cached<T>>): Loaded<T> {
  const [data, setData] = useState<T | null>(source.peek())
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(!source.peek())
  const fetchNow = useCallback(() => source.get().then((v) => setData(v), (e) => setError(messageOf(e))).finally(() => setLoading(false)), [source])
  const reload = useCallback(() => {
    setLoading(true)
    setError(null)
    void fetchNow()
  }, [fetchNow])
  // First load: the state already says loading, so nothing is set before the answer comes.
  useEffect(() => { if (!source.peek()) void fetchNow() }, [fetchNow, source])
  return { data, error, loading, reload }
}

export const usePlaces = () => useCached<Place[]>(places)
export const useDepartments = () => useCached<Department[]>(departments)
export const getPlaces = () => places.get()
/** Nearest place to a GPS point (422 with 不在本社区范围内 beyond 300 m). */
export const locatePlace = (lat: number, lng: number) => requestsApi.locate(lat, lng)
