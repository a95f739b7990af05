// Identity: WeChat login, the community's census (小区 → 楼栋 → 单元 → 房号), house binding, roles.
import * as z from 'zod/mini'
import { idString, stripInvisible, type GeoPoint, type Id, type IsoTime } from './common'
import { endpoint } from './endpoint'

export type Role = 'resident' | 'building_leader' | 'volunteer' | 'staff'

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  building_leader: '楼长',
  volunteer: '志愿者',
  staff: '社区工作人员'
}

export interface Room { id: Id; name: string }
export interface Unit { id: Id; name: string; rooms: Room[] }
export interface Building { id: Id; name: string; estateId: Id; location: GeoPoint; units: Unit[] }
export interface Estate { id: Id; name: string; buildings: Building[] }
export interface CommunityStructure { communityId: Id; communityName: string; estates: Estate[] }

/** A room's full address, denormalised for display: `桂花苑 3栋2单元502`. */
export interface HouseAddress {
  roomId: Id
  unitId: Id
  buildingId: Id
  estateId: Id
  estateName: string
  buildingName: string
  unitName: string
  roomName: string
  label: string
}

export interface UserProfile {
  accountId: Id
  /** The census person this account is bound to; null until a house (or staff identity) is bound. */
  personId: Id | null
  name: string | null
  roles: Role[]
  house: HouseAddress | null
  /** Building ids a 楼长 is scoped to (empty for others). */
  leaderOf: Id[]
  /** 60 or older: the app suggests 大字模式 and 楼长 may file on their behalf. */
  isElderly: boolean
  /** e.g. 社区网格员; only for staff. */
  staffTitle: string | null
}

export interface Session { token: string; expiresAt: IsoTime; user: UserProfile }

/** A seeded person the demo switcher can become (mock builds only). */
export interface DemoIdentity {
  personId: Id
  name: string
  roles: Role[]
  description: string
}

export const LOGIN_CODE_MAX = 128
export const loginInput = z.object({
  // wx.login codes are 32 characters; the bound keeps a megabyte from becoming an account.
  code: z.string({ error: '微信登录凭证缺失，请重试' }).check(z.minLength(1, '微信登录凭证缺失，请重试'), z.maxLength(LOGIN_CODE_MAX, '微信登录凭证不正确，请重试'))
})

export const NAME_MAX = 20
export const bindHouseInput = z.object({
  roomId: idString('请选择房号'),
  name: z.string({ error: '请填写姓名' }).check(
    z.overwrite(stripInvisible),
    z.minLength(1, '请填写姓名'),
    z.maxLength(NAME_MAX, `姓名不能超过 ${NAME_MAX} 个字`)
  )
})

const empty = z.object({})

export const identityEndpoints = {
  login: endpoint<Session>()({
    method: 'POST', path: '/auth/login', input: loginInput, access: 'public',
    summary: 'Exchange a wx.login code for a session (the same WeChat user gets the same account).'
  }),
  logout: endpoint<{ ok: true }>()({
    method: 'POST', path: '/auth/logout', input: empty, access: 'user',
    summary: 'End the current session.'
  }),
  getMe: endpoint<UserProfile>()({
    method: 'GET', path: '/me', input: empty, access: 'user',
    summary: 'The signed-in user with roles and bound house.'
  }),
  getCommunityStructure: endpoint<CommunityStructure>()({
    method: 'GET', path: '/community/structure', input: empty, access: 'public',
    summary: '小区 → 楼栋 → 单元 → 房号 for the house pickers.'
  }),
  bindHouse: endpoint<UserProfile>()({
    method: 'POST', path: '/me/house', input: bindHouseInput, access: 'user',
    summary: 'Bind the account to a census resident by room and name; 400 when the name is not registered there; 429 with retryAt after 5 wrong names in 15 minutes (per account and per room).'
  }),
  listDemoIdentities: endpoint<DemoIdentity[]>()({
    method: 'GET', path: '/demo/identities', input: empty, access: 'public',
    summary: 'Mock only: seeded people the 演示身份 switcher can become.'
  }),
  switchDemoIdentity: endpoint<Session>()({
    method: 'POST', path: '/demo/switch',
    input: z.object({ personId: idString('请选择身份') }),
    access: 'public',
    summary: 'Mock only: start a session as a seeded person.'
  })
}
