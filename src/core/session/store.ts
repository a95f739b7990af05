// The signed-in user: token, profile (roles, house) and privacy consent, persisted on the device.
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { Role, Session, UserProfile } from '../../../types/contract/identity'
import { ApiError, call, type CallOptions } from '../api'
import type { InputOf } from '../../../types/contract/endpoint'
import { ERROR_MESSAGES } from '../../../types/contract/wire'
import { taroStateStorage } from '../storage'
import { randomHex } from '../random'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
// The session store is in every build's first load; on H5 the identity schemas (and zod with them)
// load with the first sign-in call instead (README, Size). weapp has no import() outside
// subpackages: it requires them as before.
type IdentityEndpoints = typeof import('../../../types/contract/identity').identityEndpoints
const identity = (): Promise<IdentityEndpoints> => process.env.TARO_ENV === 'h5'
  ? import(/* webpackChunkName: "identity" */ '../../../types/contract/identity').then((m) => m.identityEndpoints,
    // The chunk did not arrive (offline on a first visit): the page says so as a network failure.
    () => { throw new ApiError(0, { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK }) })
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  : Promise.resolve((require('../../../types/contract/identity') as typeof import('../../../types/contract/identity')).identityEndpoints)

/** call() on an identity endpoint, named. */
const callIdentity = <K extends keyof IdentityEndpoints>(name: K, input: InputOf<IdentityEndpoints[K]>, options?: CallOptions) =>
  identity().then((endpoints) => call(endpoints[name], input, options))

interface SessionState {
  token: string | null
  expiresAt: string | null
  user: UserProfile | null
  /** The resident agreed to the 隐私政策 (on weapp WeChat also records its own authorization). */
  privacyAccepted: boolean
  acceptPrivacy(): void
  /** wx.login (a device code on H5) → session. */
  login(): Promise<UserProfile>
  bindHouse(roomId: string, name: string): Promise<UserProfile>
  refreshProfile(): Promise<UserProfile>
  switchIdentity(personId: string): Promise<UserProfile>
  logout(): Promise<void>
  /** Forget the session locally (after a 401 or logout). */
  clear(): void
}

const DEVICE_KEY = 'linli.device'

async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return (await Taro.login()).code
  // H5 has no wx.login: a per-browser id stands in for the WeChat user.
  let device = Taro.getStorageSync(DEVICE_KEY) as string
  if (!device) {
    device = `h5-${randomHex(16)}`
    Taro.setStorageSync(DEVICE_KEY, device)
  }
  return device
}

export const useSession = create<SessionState>()(persist((set, get) => {
  const start = (s: Session) => {
    set({ token: s.token, expiresAt: s.expiresAt, user: s.user })
    return s.user
  }
  return {
    token: null,
    expiresAt: null,
    user: null,
    privacyAccepted: false,
    acceptPrivacy: () => set({ privacyAccepted: true }),
    login: async () => start(await callIdentity('login', { code: await loginCode() })),
    bindHouse: async (roomId, name) => {
      const user = await callIdentity('bindHouse', { roomId, name })
      set({ user })
      return user
    },
    refreshProfile: async () => {
      const user = await callIdentity('getMe', {})
      set({ user })
      return user
    },
    switchIdentity: async (personId) => start(await callIdentity('switchDemoIdentity', { personId })),
    logout: async () => {
      try {
        if (get().token) await callIdentity('logout', {}, { retries: 0 })
      } finally {
        get().clear()
      }
    },
    clear: () => set({ token: null, expiresAt: null, user: null })
  }
}, {
  name: 'linli.session',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ token: s.token, expiresAt: s.expiresAt, user: s.user, privacyAccepted: s.privacyAccepted })
}))

export const hasRole = (user: UserProfile | null, role: Role) => !!user?.roles.includes(role)

/** Selector: signed in and bound to a census person (a house, or a staff identity). */
export const selectIsMember = (s: SessionState) => !!s.token && !!s.user?.personId
