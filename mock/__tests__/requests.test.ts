import { KEY_PEOPLE } from '..'
import { createRequestInput, type Page, type PlaceMatch, type PublicServiceRequest, type QuickAnswer, type RequestStats, type ServiceRequest, type SimilarRequest } from '../../types/contract'
import { JPEG_DATA_URL, setup, VALID_REQUEST } from './requests-fixture'

describe('filing a 民生诉求', () => {
  it('issues a 立案编号 for today and an expected time from the category', async () => {
    const t = await setup()
    const r = await t.file()
    expect(r).toMatchObject({ caseNumber: 'LL20261129-0002', status: 'submitted', statusLabel: '已提交', categoryName: '路灯照明', filedBy: { personId: KEY_PEOPLE.resident, name: '周婷' } })
    expect(Date.parse(r.expectedBy) - Date.parse(r.createdAt)).toBe(72 * 3600_000)
  })

  it('gives urgent 安全隐患 four hours', async () => {
    const t = await setup()
    const r = await t.file({ categoryCode: 'safety', answers: { urgent: 'yes' }, description: '1栋楼道有人私拉电线充电，已经冒烟' })
    expect(Date.parse(r.expectedBy) - Date.parse(r.createdAt)).toBe(4 * 3600_000)
  })

  it('files once for a double tap with the same idempotency key', async () => {
    const t = await setup()
    const [a, b] = await Promise.all([t.post('/requests', VALID_REQUEST, KEY_PEOPLE.resident, 'tap'), t.post('/requests', VALID_REQUEST, KEY_PEOPLE.resident, 'tap')])
    expect(a).toEqual(b)
    expect(t.db().serviceRequests?.filter((r) => r.description === VALID_REQUEST.description)).toHaveLength(1)
  })

  it.each([
    ['a description that is too short', { description: '灯坏了' }, 'description', '问题描述至少 4 个字'],
    ['a description that is too long', { description: '路'.repeat(501) }, 'description', '问题描述不能超过 500 个字'],
    ['an unknown category', { categoryCode: 'ufo' }, 'categoryCode', '诉求类别不存在，请重新选择'],
    ['a missing required extra question', { answers: {} }, 'answers.lamp_state', '请选择灯的状态'],
    ['a value not in the list', { answers: { lamp_state: 'broken' } }, 'answers.lamp_state', '请从选项中选择灯的状态'],
    ['a tenth photo', { photos: Array.from({ length: 10 }, (_, i) => `f_${i}`) }, 'photos', '最多上传 9 张照片'],
    ['an unknown place', { location: { placeId: 's_moon' } }, 'location.placeId', '地点不存在，请重新选择'],
    ['a photo that was never uploaded', { photos: ['f_9999_abcdef'] }, 'photos', '有照片未上传成功或已失效，请删除后重新添加']
  ])('refuses %s with a message on the field', async (_name, patch, field, message) => {
    const t = await setup()
    const res = await t.post('/requests', { ...VALID_REQUEST, ...patch }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { [field]: message } } })
  })

  it('answers malformed input with messages instead of throwing (the form runs the same schema)', () => {
    for (const input of [null, 'x', [], { categoryCode: 'noise', answers: null }]) {
      expect(createRequestInput.safeParse(input).success).toBe(false)
    }
    const missing = createRequestInput.safeParse({ categoryCode: 'noise', description: '楼上每天半夜还在装修' })
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['location', '请选择地点'], ['answers.period', '请选择时段']])
  })

  it('refuses GPS coordinates outside the community with 422', async () => {
    const t = await setup()
    const res = await t.post('/requests', { ...VALID_REQUEST, location: { placeId: 'b_1', point: { lat: 22.56, lng: 114.07 } } }, KEY_PEOPLE.resident)
    expect(res).toMatchObject({ status: 422, body: { message: '您所在的位置不在本社区范围内，请手动选择地点', fields: { 'location.point': expect.any(String) } } })
  })

  it('attaches photos the caller uploaded', async () => {
    const t = await setup()
    const up = await t.post<{ id: string; url: string }>('/files', { dataUrl: JPEG_DATA_URL, purpose: 'request_photo' }, KEY_PEOPLE.resident)
    const r = await t.file({ photos: [up.body.id] })
    expect(r.photos).toEqual([{ id: up.body.id, url: `/files/${up.body.id}` }])
    const stolen = await t.post('/requests', { ...VALID_REQUEST, photos: [up.body.id] }, KEY_PEOPLE.elderlyResident)
    expect(stolen.status).toBe(400)
  })

  it('lets a 楼长 file for a resident of a building they lead, and no one else', async () => {
    const t = await setup()
    const r = await t.file({ onBehalfOf: KEY_PEOPLE.elderlyResident, location: { placeId: 'b_3' } }, KEY_PEOPLE.leader)
    expect(r).toMatchObject({ filedBy: { name: '李建国' }, onBehalfOf: { personId: KEY_PEOPLE.elderlyResident, name: '王秀英' } })
    // 王秀英 sees it in 我的诉求 and may rate it later.
    const mine = await t.get<Page<ServiceRequest>>('/requests/mine', KEY_PEOPLE.elderlyResident)
    expect(mine.body.items.map((x) => x.id)).toContain(r.id)
    expect(t.db().messages?.filter((m) => m.ref === r.id).map((m) => [m.personId, m.title])).toEqual([[KEY_PEOPLE.elderlyResident, '楼长已为您提交诉求']])
    const outside = await t.post('/requests', { ...VALID_REQUEST, onBehalfOf: KEY_PEOPLE.resident }, KEY_PEOPLE.leader)
    expect(outside).toMatchObject({ status: 403, body: { message: '只能为您负责楼栋的居民代办诉求' } })
    const notLeader = await t.post('/requests', { ...VALID_REQUEST, onBehalfOf: KEY_PEOPLE.elderlyResident }, KEY_PEOPLE.resident)
    expect(notLeader).toMatchObject({ status: 403, body: { message: '仅楼长可以代居民提交诉求' } })
  })
})

describe('who sees a request', () => {
  it("answers another resident's request id with 404 and a clear message", async () => {
    const t = await setup()
    const r = await t.file()
    const res = await t.get(`/requests/${r.id}`, KEY_PEOPLE.volunteer)
    expect(res).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: '未找到这条诉求，或它不是您提交的；请在「我的诉求」中查看' } })
  })

  it('shows staff the filer of an anonymous request with their phone', async () => {
    const t = await setup()
    const r = await t.file({ anonymous: true })
    const staff = await t.get<ServiceRequest>(`/requests/${r.id}`, KEY_PEOPLE.staff)
    const phone = t.db().persons.find((p) => p.id === KEY_PEOPLE.resident)?.phone
    expect(staff.body).toMatchObject({ anonymous: true, filedBy: { name: '周婷' }, contact: { name: '周婷', phone, address: '桂花苑 1栋1单元201' } })
    expect(r.contact).toBeNull()
  })

  it('refuses every staff action by a resident with 403 仅社区工作人员可以…', async () => {
    const t = await setup()
    const r = await t.file()
    const cases: [string, object, string][] = [
      ['accept', {}, '仅社区工作人员可以受理诉求'],
      ['decline', { reason: '不想处理这个' }, '仅社区工作人员可以不予受理诉求'],
      ['duplicate', { duplicateOf: 'sr_0031' }, '仅社区工作人员可以标记重复诉求'],
      ['dispatch', { departmentId: 'd_property' }, '仅社区工作人员可以派单处理诉求'],
      ['notes', { note: '我自己修好了' }, '仅社区工作人员可以添加处理进展到诉求'],
      ['close', { result: '我自己修好了' }, '仅社区工作人员可以办结诉求']
    ]
    for (const [action, body, message] of cases) {
      expect(await t.post(`/staff/requests/${r.id}/${action}`, body, KEY_PEOPLE.resident)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message } })
    }
    expect(await t.get('/staff/requests', KEY_PEOPLE.leader)).toMatchObject({ status: 403, body: { message: '仅社区工作人员可以查看诉求工单' } })
  })

  it('lets only the requester rate, not a follower', async () => {
    const t = await setup()
    const r = await t.requestIn('closed')
    const other = await t.post(`/requests/${r.id}/rate`, { speed: 1, result: 1, attitude: 1 }, KEY_PEOPLE.volunteer)
    expect(other.status).toBe(404)
    t.advance(0)
    const open = await t.requestIn('in_progress')
    // 王秀英 lives in 桂花苑 like the place (1栋), so she may follow it.
    expect((await t.post(`/requests/${open.id}/follow`, {}, KEY_PEOPLE.elderlyResident)).status).toBe(200)
    await t.staff(open.id, 'close', { result: '已修复，恢复照明' })
    const follower = await t.post(`/requests/${open.id}/rate`, { speed: 1, result: 1, attitude: 1 }, KEY_PEOPLE.elderlyResident)
    expect(follower).toMatchObject({ status: 403, body: { message: '只有提交人可以评价这条诉求' } })
  })
})

describe('staff handling', () => {
  it('marks a duplicate by 立案编号, and the filer then follows the original', async () => {
    const t = await setup()
    const original = t.db().serviceRequests?.find((r) => r.id === 'sr_0031')
    const r = await t.file()
    expect(await t.staff(r.id, 'duplicate', { duplicateOf: 'LL00000000-0000' })).toMatchObject({ status: 400, body: { fields: { duplicateOf: '未找到原诉求，请核对编号' } } })
    expect(await t.staff(r.id, 'duplicate', { duplicateOf: r.id })).toMatchObject({ status: 400, body: { fields: { duplicateOf: '不能标记为与自身重复' } } })
    const res = await t.staff(r.id, 'duplicate', { duplicateOf: original?.caseNumber })
    expect(res.body).toMatchObject({ status: 'duplicate', duplicateOf: { id: 'sr_0031', caseNumber: original?.caseNumber } })
    const followed = await t.get<ServiceRequest>('/requests/sr_0031', KEY_PEOPLE.resident)
    expect(followed.body).toMatchObject({ following: true, filedBy: { personId: null } })
  })

  it('keeps the decline reason and refuses an unknown department on the field', async () => {
    const t = await setup()
    const r = await t.file()
    await t.staff(r.id, 'accept')
    expect(await t.staff(r.id, 'dispatch', { departmentId: 'd_moon' })).toMatchObject({ status: 400, body: { fields: { departmentId: '派单部门不存在，请重新选择' } } })
    expect(await t.staff(r.id, 'decline', { reason: '短' })).toMatchObject({ status: 400, body: { fields: { reason: '不予受理的理由至少 5 个字' } } })
    const declined = await t.staff(r.id, 'decline', { reason: '属于业主家庭内部维修，请联系物业有偿服务' })
    expect(declined.body).toMatchObject({ status: 'declined', statusLabel: '不予受理', declineReason: '属于业主家庭内部维修，请联系物业有偿服务' })
  })

  it('puts the most urgent open request first in the queue and marks overdue ones', async () => {
    const t = await setup()
    const queue = await t.get<Page<ServiceRequest>>('/staff/requests?limit=50', KEY_PEOPLE.staff)
    const due = queue.body.items.map((i) => i.expectedBy)
    expect(due).toEqual([...due].sort())
    expect(queue.body.items.every((i) => ['submitted', 'accepted', 'dispatched', 'in_progress'].includes(i.status))).toBe(true)
    expect(queue.body.items.find((i) => i.categoryCode === 'sanitation' && i.filedBy.personId === KEY_PEOPLE.resident)).toMatchObject({ overdue: true })
  })
})

describe('before submitting: places, 秒回 and similar requests', () => {
  it('matches a GPS point to the nearest place, and refuses one 300 m away', async () => {
    const t = await setup()
    const near = await t.get<PlaceMatch>('/requests/places/nearest?lat=22.5421&lng=114.05821')
    expect(near.body.place).toMatchObject({ id: 's_plaza_3', name: '3栋前广场' })
    const far = await t.get('/requests/places/nearest?lat=22.5431&lng=114.0640')
    expect(far).toMatchObject({ status: 422, body: { message: '您所在的位置不在本社区范围内，请手动选择地点' } })
  })

  it('answers 停水 and 快递 with 秒回 and nothing for other text', async () => {
    const t = await setup()
    const water = await t.get<QuickAnswer[]>(`/requests/quick-answers?text=${encodeURIComponent('今天又停水了怎么回事')}`)
    expect(water.body.map((q) => q.title)).toEqual(['计划停水公告'])
    const parcel = await t.get<QuickAnswer[]>(`/requests/quick-answers?text=${encodeURIComponent('快递放哪里')}`)
    expect(parcel.body[0].title).toBe('快递柜位置')
    expect((await t.get<QuickAnswer[]>(`/requests/quick-answers?text=${encodeURIComponent('路灯不亮')}`)).body).toEqual([])
  })

  it('lists open requests of the same category nearby, and 我也遇到了 follows one', async () => {
    const t = await setup()
    const similar = await t.get<SimilarRequest[]>('/requests/similar?categoryCode=streetlight&placeId=b_3', KEY_PEOPLE.elderlyResident)
    expect(similar.body.map((s) => s.placeName)).toContain('3栋前广场')
    const target = similar.body.find((s) => s.placeName === '3栋前广场') as SimilarRequest
    expect(target).toMatchObject({ mine: false, following: false, followerCount: 2 })
    const followed = await t.post<ServiceRequest>(`/requests/${target.id}/follow`, {}, KEY_PEOPLE.elderlyResident)
    expect(followed.body).toMatchObject({ following: true, followerCount: 3, filedBy: { personId: null } })
    const mine = await t.get<Page<ServiceRequest>>('/requests/mine', KEY_PEOPLE.elderlyResident)
    expect(mine.body.items.map((x) => x.id)).toContain(target.id)
    const none = await t.get<SimilarRequest[]>('/requests/similar?categoryCode=noise&placeId=s_east_gate', KEY_PEOPLE.elderlyResident)
    expect(none.body).toEqual([])
  })
})

describe('公示 and figures', () => {
  it('never shows a phone number or an anonymous name on the 公示 page', async () => {
    const t = await setup()
    await t.file({ anonymous: true, description: '路灯不亮，有事请打我电话 138 1234 5678 或 0755-88886666' })
    const res = await t.get<Page<PublicServiceRequest>>('/requests/public?limit=50')
    const text = JSON.stringify(res.body)
    const shown = res.body.items.map((i) => `${i.description} ${i.result ?? ''} ${i.filerName}`).join('\n')
    expect(shown).not.toMatch(/\d{7,}/)
    expect(text).not.toMatch(/1234 5678|88886666/)
    for (const p of t.db().persons) expect(text).not.toContain(p.phone)
    expect(res.body.items[0]).toMatchObject({ filerName: '匿名居民', description: '路灯不亮，有事请打我电话 【号码已隐藏】 或 【号码已隐藏】' })
    expect(res.body.items.some((i) => /^.\*+$/.test(i.filerName))).toBe(true)
  })

  it("computes this month's figures from the seeded history", async () => {
    const t = await setup()
    const stats = (await t.get<RequestStats>('/requests/stats')).body
    expect(stats.month).toBe('2026-11')
    expect(stats.filed).toBeGreaterThan(10)
    expect(stats.closed).toBeGreaterThan(5)
    expect(stats.resolutionRate).toBeGreaterThan(0)
    expect(stats.resolutionRate).toBeLessThanOrEqual(1)
    expect(stats.meanSatisfaction).toBeGreaterThanOrEqual(1)
    expect(stats.meanSatisfaction).toBeLessThanOrEqual(5)
    expect(stats.medianHoursToClose).toBeGreaterThan(0)
    const r = await t.requestIn('closed')
    await t.post(`/requests/${r.id}/rate`, { speed: 5, result: 5, attitude: 5 }, KEY_PEOPLE.resident)
    const after = (await t.get<RequestStats>('/requests/stats')).body
    expect(after).toMatchObject({ filed: stats.filed + 1, closed: stats.closed + 1, rated: stats.rated + 1 })
    expect((await t.get('/requests/stats?month=2026-13')).status).toBe(400)
  })
})

describe('notifications', () => {
  it('tells the filer and followers about each status change, not the staff member who made it', async () => {
    const t = await setup()
    const r = await t.file()
    expect((await t.post(`/requests/${r.id}/follow`, {}, KEY_PEOPLE.elderlyResident)).status).toBe(200)
    await t.post('/requests/subscriptions', { requestId: r.id, results: { tmpl_request_status: 'accept' } }, KEY_PEOPLE.resident)
    await t.staff(r.id, 'accept')
    await t.staff(r.id, 'dispatch', { departmentId: 'd_property' })
    const about = (who: string) => (t.db().messages ?? []).filter((m) => m.ref === r.id && m.personId === who).map((m) => m.title)
    expect(about(KEY_PEOPLE.resident)).toEqual(['诉求已受理', '诉求已派单'])
    expect(about(KEY_PEOPLE.elderlyResident)).toEqual(['诉求已受理', '诉求已派单'])
    expect(about(KEY_PEOPLE.staff)).toEqual([])
    await t.get(`/requests/${r.id}`, KEY_PEOPLE.resident)
    expect((t.db().messages ?? []).filter((m) => m.ref === r.id && m.personId === KEY_PEOPLE.resident).every((m) => m.readAt)).toBe(true)
    // The one-time subscription was used by the first message.
    expect(t.db().requestSubscriptions?.find((s) => s.requestId === r.id)?.sentAt).toBe(new Date(t.now()).toISOString())
  })
})
