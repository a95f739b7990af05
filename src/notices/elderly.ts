// 代办: the elderly residents of a 楼长's buildings, to start a 民生诉求 on their behalf.
import { create } from 'zustand'
import type { ElderlyResident } from '../../types/contract/notices'
import { messageOf } from '../core/api'
import { resetOnIdentityChange } from '../core/session/owner'
import { noticesApi } from './api'

interface ElderlyState { items: ElderlyResident[]; phase: 'idle' | 'loading' | 'ready' | 'error'; error: string | null }

export const useElderly = create<ElderlyState>(() => ({ items: [], phase: 'idle', error: null }))

// The signed-in person's: another person loads their own.
resetOnIdentityChange(() => useElderly.setState({ items: [], phase: 'idle', error: null }))

export async function loadElderly() {
  useElderly.setState({ phase: 'loading', error: null })
  try {
    useElderly.setState({ items: await noticesApi.elderly(), phase: 'ready' })
  } catch (e) {
    useElderly.setState({ phase: 'error', error: messageOf(e) })
  }
}

/** The requests feature's form, told whom the leader files for. */
export const onBehalfUrl = (personId: string) => `/requests/pages/new/index?onBehalfOf=${personId}`
