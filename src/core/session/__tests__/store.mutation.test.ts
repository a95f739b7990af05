// The session store against a scripted transport: what each action sends, what it keeps, what is
// persisted under which key, and the selectors pages gate on.
import Taro from '@tarojs/taro'
import type { UserProfile } from '../../../../types/contract/identity'
import { configureClient } from '../../api/client'
import type { Transport, TransportRequest, TransportResponse } from '../../api/transport'
import { hasRole, selectIsMember, useSession } from '../store'

const profile = (over: Partial<UserProfile> = {}): UserProfile => ({
  accountId: 'acc_1', personId: 'p_1', name: '王秀英', roles: ['resident'], house: null, leaderOf: [], isElderly: false, staffTitle: null, ...over
})

let seen: TransportRequest[] = []
let replies: TransportResponse[] = []

beforeEach(() => {
  seen = []
  replies = []
  const transport: Transport = {
    kind: 'http',
    send: async (r) => { seen.push(r); return replies.shift() ?? { status: 200, body: { ok: true } } },
    upload: async () => ({ status: 200, body: null })
  }
  configureClient({ transport, getToken: () => useSession.getState().token, retries: 0, retryBaseMs: 0, retryMaxMs: 0, random: () => 0 })
  Taro.removeStorageSync('linli.device')
  useSession.setState({ token: null, expiresAt: null, user: null, privacyAccepted: false })
})

describe('login', () => {
  it('sends a per-browser device code, kept under linli.device and reused on the next login', async () => {
    const user = profile()
    replies.push({ status: 200, body: { token: 'tok_1', expiresAt: '2030-01-01T00:00:00.000Z', user } })
    await expect(useSession.getState().login()).resolves.toEqual(user)
    expect(seen[0].method).toBe('POST')
    expect(seen[0].path).toBe('/auth/login')
    const code = (seen[0].body as { code: string }).code
    expect(code).toMatch(/^h5-[0-9a-f]{32}$/)
    expect(Taro.getStorageSync('linli.device')).toBe(code)
    expect(useSession.getState()).toMatchObject({ token: 'tok_1', expiresAt: '2030-01-01T00:00:00.000Z', user })

    replies.push({ status: 200, body: { token: 'tok_2', expiresAt: '2030-01-02T00:00:00.000Z', user } })
    await useSession.getState().login()
    expect((seen[1].body as { code: string }).code).toBe(code)
    expect(useSession.getState().token).toBe('tok_2')
  })

  it('uses a device code already stored', async () => {
    Taro.setStorageSync('linli.device', 'h5-known')
    replies.push({ status: 200, body: { token: 't', expiresAt: 'x', user: profile() } })
    await useSession.getState().login()
    expect(seen[0].body).toEqual({ code: 'h5-known' })
  })

  it('keeps nothing when the server refuses', async () => {
    replies.push({ status: 403, body: { code: 'FORBIDDEN', message: '不行' } })
    await expect(useSession.getState().login()).rejects.toMatchObject({ status: 403, message: '不行' })
    expect(useSession.getState()).toMatchObject({ token: null, user: null })
  })
})

describe('the profile', () => {
  it('bindHouse sends room and name and keeps the returned profile, not touching the token', async () => {
    useSession.setState({ token: 'tok', expiresAt: 'e' })
    const bound = profile({ personId: 'p_9' })
    replies.push({ status: 200, body: bound })
    await expect(useSession.getState().bindHouse('r_101', '王秀英')).resolves.toEqual(bound)
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/me/house', body: { roomId: 'r_101', name: '王秀英' } })
    expect(seen[0].headers.Authorization).toBe('Bearer tok')
    expect(useSession.getState()).toMatchObject({ token: 'tok', expiresAt: 'e', user: bound })
  })

  it('refreshProfile GETs /me and keeps it', async () => {
    useSession.setState({ token: 'tok', user: profile() })
    const fresh = profile({ name: '周婷', roles: ['resident', 'building_leader'] })
    replies.push({ status: 200, body: fresh })
    await expect(useSession.getState().refreshProfile()).resolves.toEqual(fresh)
    expect(seen[0]).toMatchObject({ method: 'GET', path: '/me' })
    expect(useSession.getState().user).toEqual(fresh)
  })

  it('switchIdentity starts a new session as that person', async () => {
    const other = profile({ personId: 'p_2', accountId: 'acc_2' })
    replies.push({ status: 200, body: { token: 'tok_p2', expiresAt: '2031-01-01T00:00:00.000Z', user: other } })
    await expect(useSession.getState().switchIdentity('p_2')).resolves.toEqual(other)
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/demo/switch', body: { personId: 'p_2' } })
    expect(useSession.getState()).toMatchObject({ token: 'tok_p2', expiresAt: '2031-01-01T00:00:00.000Z', user: other })
  })
})

describe('logout', () => {
  it('tells the server once (no retries) and forgets the session', async () => {
    useSession.setState({ token: 'tok', expiresAt: 'e', user: profile(), privacyAccepted: true })
    replies.push({ status: 503, body: { code: 'INTERNAL', message: '坏了' } })
    configureClient({ retries: 5 } as never)
    await expect(useSession.getState().logout()).rejects.toMatchObject({ status: 503 })
    expect(seen.map((r) => [r.method, r.path])).toEqual([['POST', '/auth/logout']])
    expect(useSession.getState()).toMatchObject({ token: null, expiresAt: null, user: null, privacyAccepted: true })
  })

  it('calls nothing when not signed in', async () => {
    useSession.setState({ user: profile() })
    await useSession.getState().logout()
    expect(seen).toEqual([])
    expect(useSession.getState().user).toBeNull()
  })
})

describe('what is kept on the device', () => {
  it('persists token, expiry, user and consent under linli.session, and no functions', () => {
    useSession.getState().acceptPrivacy()
    useSession.setState({ token: 'tok', expiresAt: 'e', user: profile() })
    const stored = JSON.parse(Taro.getStorageSync('linli.session') as string) as { state: Record<string, unknown>; version: number }
    expect(stored.version).toBe(1)
    expect(stored.state).toEqual({ token: 'tok', expiresAt: 'e', user: profile(), privacyAccepted: true })
  })

  it('acceptPrivacy records consent', () => {
    expect(useSession.getState().privacyAccepted).toBe(false)
    useSession.getState().acceptPrivacy()
    expect(useSession.getState().privacyAccepted).toBe(true)
  })
})

describe('selectors', () => {
  it('hasRole reads the roles, false without a user', () => {
    expect(hasRole(profile({ roles: ['resident', 'building_leader'] }), 'building_leader')).toBe(true)
    expect(hasRole(profile({ roles: ['resident'] }), 'building_leader')).toBe(false)
    expect(hasRole(null, 'resident')).toBe(false)
  })

  it('a member needs both a token and a census person', () => {
    const s = useSession.getState()
    expect(selectIsMember({ ...s, token: 't', user: profile() })).toBe(true)
    expect(selectIsMember({ ...s, token: null, user: profile() })).toBe(false)
    expect(selectIsMember({ ...s, token: 't', user: profile({ personId: null }) })).toBe(false)
    expect(selectIsMember({ ...s, token: 't', user: null })).toBe(false)
    expect(selectIsMember({ ...s, token: '', user: profile() })).toBe(false)
  })
})
