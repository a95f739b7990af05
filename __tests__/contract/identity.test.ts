// Identity against both transports: the embedded mock and the HTTP mock server answer alike.
import * as z from 'zod/mini'
import { KEY_PEOPLE, roomId } from '../../mock'
import { endpoint, endpoints } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const WANG = { roomId: roomId(3, 2, '502'), name: '王秀英' }
const MISMATCH = '姓名与该房屋登记的住户不一致，请核对，或联系社区工作人员登记'

describeBothTransports('identity contract', (t) => {
  it('logs in a new WeChat user without a house, and the same code returns the same account', async () => {
    const first = await t.login('wx-same')
    expect(first.user).toMatchObject({ personId: null, house: null, roles: [] })
    expect(first.token).toEqual(expect.any(String))
    const again = await t.login('wx-same')
    expect(again.user.accountId).toBe(first.user.accountId)
  })

  it('binds 桂花苑 3栋2单元502 to 王秀英 and remembers it for getMe', async () => {
    const { token } = await t.login()
    const profile = await t.call(endpoints.bindHouse, WANG, { token })
    expect(profile).toMatchObject({ personId: KEY_PEOPLE.elderlyResident, roles: ['resident'], isElderly: true, house: { label: '桂花苑 3栋2单元502' } })
    await expect(t.call(endpoints.getMe, {}, { token })).resolves.toMatchObject({ name: '王秀英', house: { buildingName: '3栋' } })
  })

  it('refuses a name not registered in the room with a message on the name field', async () => {
    const { token } = await t.login()
    await expect(t.call(endpoints.bindHouse, { ...WANG, name: '王小明' }, { token }))
      .rejects.toMatchObject({ status: 400, code: 'VALIDATION', message: MISMATCH, fields: { name: MISMATCH } })
  })

  it('answers a room that does not exist with 404 on the room field', async () => {
    const { token } = await t.login()
    await expect(t.call(endpoints.bindHouse, { roomId: 'r_9_9_909', name: '王秀英' }, { token }))
      .rejects.toMatchObject({ status: 404, code: 'NOT_FOUND', fields: { roomId: '该房号不存在，请重新选择' } })
  })

  it('rejects an empty name in the client and, sent anyway, on the server with the same message', async () => {
    const { token } = await t.login()
    await expect(t.call(endpoints.bindHouse, { ...WANG, name: '   ' }, { token }))
      .rejects.toMatchObject({ status: 400, fields: { name: '请填写姓名' } })
    const raw = await t.raw({ method: 'POST', path: '/me/house', body: { ...WANG, name: '   ' }, headers: { Authorization: `Bearer ${token}` } })
    expect(raw).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { name: '请填写姓名' } } })
  })

  it('answers an expired session with 401 登录已过期 and tells the app', async () => {
    const { token } = await t.login()
    t.advance(31 * 86400_000)
    await expect(t.call(endpoints.getMe, {}, { token })).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' })
    expect(t.unauthenticated).toHaveLength(1)
  })

  it('answers a call without a session with 401 请先登录, and a logged-out token with 登录已失效', async () => {
    await expect(t.call(endpoints.getMe, {})).rejects.toMatchObject({ status: 401, message: '请先登录' })
    const { token } = await t.login()
    await t.call(endpoints.logout, {}, { token })
    await expect(t.call(endpoints.getMe, {}, { token })).rejects.toMatchObject({ status: 401, message: '登录已失效，请重新登录' })
  })

  it('answers an unknown endpoint with 404 NOT_FOUND naming it', async () => {
    const ghost = endpoint<unknown>()({ method: 'GET', path: '/no/such/thing', input: z.object({}), access: 'public', summary: 'missing' })
    await expect(t.call(ghost, {})).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND', message: '接口不存在：GET /no/such/thing' })
  })

  it('answers a malformed body with 400 请求格式不正确', async () => {
    const res = await t.raw({ method: 'POST', path: '/auth/login', body: '{"code": "wx-1"' })
    expect(res).toEqual({ status: 400, body: { code: 'VALIDATION', message: '请求格式不正确，请更新小程序后重试' } })
  })

  it('requires an Idempotency-Key on writes', async () => {
    const res = await t.raw({ method: 'POST', path: '/auth/login', body: { code: 'wx-1' }, headers: { 'Idempotency-Key': '' } })
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', message: '缺少 Idempotency-Key 请求头' } })
  })

  it('replays the first result for a repeated key and refuses a different body with 409', async () => {
    const { token } = await t.login()
    const first = await t.call(endpoints.bindHouse, WANG, { token, idempotencyKey: 'bind-1' })
    // Rebind elsewhere, then repeat the first request: the stored first answer comes back.
    await t.call(endpoints.bindHouse, { roomId: roomId(1, 1, '201'), name: '周婷' }, { token })
    await expect(t.call(endpoints.bindHouse, WANG, { token, idempotencyKey: 'bind-1' })).resolves.toEqual(first)
    await expect(t.call(endpoints.bindHouse, { roomId: roomId(1, 1, '201'), name: '周婷' }, { token, idempotencyKey: 'bind-1' }))
      .rejects.toMatchObject({ status: 409, code: 'IDEMPOTENCY_MISMATCH' })
  })

  it('retries a failing server, then gives up with UNAVAILABLE 服务繁忙', async () => {
    await t.setFaults({ failureRate: 1 })
    const retries: number[] = []
    await expect(t.call(endpoints.getCommunityStructure, {}, { onRetry: (n) => retries.push(n) }))
      .rejects.toMatchObject({ status: 503, code: 'UNAVAILABLE', message: '服务繁忙，请稍后重试' })
    expect(retries).toEqual([1, 2])
  })

  it('recovers when the server comes back between retries', async () => {
    await t.setFaults({ failureRate: 1 })
    const structure = await t.call(endpoints.getCommunityStructure, {}, { onRetry: () => { void t.setFaults({ failureRate: 0 }) } })
    expect(structure.communityName).toBe('幸福里社区')
  })

  it('fails with NETWORK when the network is down, and keeps nothing half-done', async () => {
    const { token } = await t.login()
    await t.setFaults({ offline: true })
    const error = await t.call(endpoints.bindHouse, WANG, { token }).catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', isNetwork: true, message: '网络连接失败，请检查网络后重试' })
    await t.setFaults({ offline: false })
    await expect(t.call(endpoints.getMe, {}, { token })).resolves.toMatchObject({ house: null })
  })

  it('lists the demo identities and switches to 李建国, 楼长 of 3栋 and 4栋', async () => {
    const people = await t.call(endpoints.listDemoIdentities, {})
    expect(people.find((p) => p.personId === KEY_PEOPLE.leader)).toMatchObject({ name: '李建国', roles: expect.arrayContaining(['building_leader']) })
    const session = await t.loginAs(KEY_PEOPLE.leader)
    expect(session.user).toMatchObject({ name: '李建国', leaderOf: ['b_3', 'b_4'] })
    await expect(t.loginAs('p_nobody')).rejects.toMatchObject({ status: 404, message: '该演示身份不存在' })
  })
})
