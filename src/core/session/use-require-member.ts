// Gate for member-only pages (the tabs): not signed in → welcome; signed in but no house → bind.
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { selectIsMember, useSession } from './store'

export const WELCOME_URL = '/account/pages/welcome/index'
export const BIND_URL = '/account/pages/bind/index'

/** Returns true when the page may render; otherwise sends the person to sign in or bind a house. */
export function useRequireMember(): boolean {
  const isMember = useSession(selectIsMember)
  const signedIn = useSession((s) => !!s.token)
  useEffect(() => {
    if (isMember) return
    Taro.reLaunch({ url: signedIn ? BIND_URL : WELCOME_URL }).catch(() => undefined)
  }, [isMember, signedIn])
  return isMember
}
