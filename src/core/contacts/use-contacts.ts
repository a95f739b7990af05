// The community contacts a person can call, kept on the device per person so the numbers are
// there when the network is not (that is when a resident most needs to phone someone).
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { contactEndpoints, type ContactList } from '../../../types/contract/contacts'
import { call, messageOf } from '../api'
import { currentOwner } from '../session/owner'

const KEY = 'linli.contacts'

interface Saved { owner: string | null; list: ContactList }

function saved(): ContactList | null {
  try {
    const raw: unknown = Taro.getStorageSync(KEY)
    const s = (typeof raw === 'string' && raw ? JSON.parse(raw) : null) as Saved | null
    return s && s.owner === currentOwner() ? s.list : null
  } catch {
    return null
  }
}

export interface ContactsState { list: ContactList | null; error: string | null; loading: boolean; reload: () => Promise<void> }

export function useContacts(): ContactsState {
  const [list, setList] = useState<ContactList | null>(saved)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const fetchList = useCallback(async () => {
    try {
      const next = await call(contactEndpoints.listContacts, {})
      setList(next)
      setError(null)
      try { Taro.setStorageSync(KEY, JSON.stringify({ owner: currentOwner(), list: next } satisfies Saved)) } catch { /* storage full: still shown */ }
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setLoading(false)
    }
  }, [])
  const reload = useCallback(async () => {
    setLoading(true)
    await fetchList()
  }, [fetchList])
  useEffect(() => { void fetchList() }, [fetchList])
  return { list, error, loading, reload }
}
