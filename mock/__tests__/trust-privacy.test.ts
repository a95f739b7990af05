// Privacy on every field: followers, 公示, Open311 and messages go through the one redaction;
// only neighbours of the place may follow.
import { KEY_PEOPLE } from '..'
import type { Message, PublicServiceRequest, ServiceRequest } from '../../types/contract'
import { toGeoReport } from '../open311'
import { findRequest } from '../handlers/requests-store'
import { setup } from './requests-fixture'

const PHONE = '13800138000'
const PHONE_SPACED = '139 1234 5678'
const { resident: ZHOU, elderlyResident: WANG, volunteer: ZHANG } = KEY_PEOPLE

/** An anonymous request by 周婷 at 1栋 with phones in every free-text field, closed, rated, reopened. */
async function leakyRequest() {
  const t = await setup()
  const r = await t.file({ anonymous: true, answers: { lamp_state: 'off' }, description: `路灯不亮，周婷电话${PHONE}，请联系`, location: { placeId: 'b_1', note: `门口，打 ${PHONE_SPACED}` } })
  expect((await t.post(`/requests/${r.id}/follow`, {}, WANG)).status).toBe(200)
  for (const [action, body] of [['accept', {}], ['dispatch', { departmentId: 'd_property' }], ['notes', { note: `已联系周婷 ${PHONE}` }], ['close', { result: `已修好，有问题打 ${PHONE_SPACED}` }]] as const) {
    expect((await t.staff(r.id, action, body)).status).toBe(200)
  }
  expect((await t.post(`/requests/${r.id}/rate`, { speed: 2, result: 2, attitude: 2, comment: `周婷觉得慢，${PHONE}` }, ZHOU)).status).toBe(200)
  expect((await t.post(`/requests/${r.id}/reopen`, { reason: `还是不亮，周婷 ${PHONE}` }, ZHOU)).status).toBe(200)
  return { t, r }
}

const leaks = (view: unknown) => {
  const text = JSON.stringify(view)
  return ['13800138000', '139 1234 5678', '周婷', '周*'].filter((s) => text.includes(s))
}

describe('privacy of a request on every outward view', () => {
  it('shows a follower no phone and no name of an anonymous filer anywhere, 评价 and 退回 included', async () => {
    const { t, r } = await leakyRequest()
    const res = await t.get<ServiceRequest>(`/requests/${r.id}`, WANG)
    expect(res.status).toBe(200)
    expect(leaks(res.body)).toEqual([])
    expect(res.body.filedBy).toEqual({ personId: null, name: '匿名居民' })
    const byKind = Object.fromEntries(res.body.timeline.map((e) => [e.kind, e]))
    expect(byKind.rated).toMatchObject({ actorName: '匿名居民', note: '居民已评价' })
    expect(byKind.reopened).toMatchObject({ actorName: '匿名居民', note: '居民不满意，已退回重新办理' })
    expect(byKind.note).toMatchObject({ actorName: '社区工作人员', note: '已联系匿名居民 【号码已隐藏】' })
    expect(res.body.description).toBe('路灯不亮，匿名居民电话【号码已隐藏】，请联系')
  })

  it('gives a follower only what 公示 shows: no answers, photos, GPS point or location note, no rating comment', async () => {
    const { t, r } = await leakyRequest()
    const { body } = await t.get<ServiceRequest>(`/requests/${r.id}`, WANG)
    expect(body.answers).toEqual({})
    expect(body.photos).toEqual([])
    expect(body.location).toEqual({ placeId: 'b_1', placeName: '1栋', point: null, note: null })
    expect(body.contact).toBeNull()
    expect(body.onBehalfOf).toBeNull()
  })

  it('still shows the filer their own words in full', async () => {
    const { t, r } = await leakyRequest()
    const { body } = await t.get<ServiceRequest>(`/requests/${r.id}`, ZHOU)
    expect(body.location.note).toBe(`门口，打 ${PHONE_SPACED}`)
    expect(body.description).toContain(PHONE)
  })

  it('masks phones and names in 公示 results and descriptions', async () => {
    const { t, r } = await leakyRequest()
    await t.staff(r.id, 'close', { result: `再次修好，联系周婷 ${PHONE}` })
    const list = await t.get<{ items: PublicServiceRequest[] }>('/requests/public?limit=50')
    const mine = list.body.items.find((x) => x.id === r.id)
    expect(mine).toMatchObject({ filerName: '匿名居民', result: '再次修好，联系匿名居民 【号码已隐藏】' })
    expect(leaks(mine)).toEqual([])
  })

  it('publishes no phone or name through Open311 (address from the location note, status_notes)', async () => {
    const { t, r } = await leakyRequest()
    await t.staff(r.id, 'notes', { note: `周婷 ${PHONE} 说还是不亮` })
    const geo = toGeoReport(t.db(), findRequest(t.db(), r.id)!, 'http://127.0.0.1:9527')
    expect(geo.address).toBe('1栋 门口，打 【号码已隐藏】')
    expect(geo.status_notes).toBe('匿名居民 【号码已隐藏】 说还是不亮')
    expect(geo.service_notice).toMatch(/^立案编号 LL\d{8}-\d{4}$/)
    expect(leaks(geo)).toEqual([])
  })

  it('sends followers status messages without phones or the anonymous filer\'s name', async () => {
    const { t } = await leakyRequest()
    const { body } = await t.get<{ items: Message[] }>('/messages?kind=request_status&limit=50', WANG)
    const mine = body.items.filter((m) => m.body.includes('LL'))
    expect(mine.length).toBeGreaterThanOrEqual(4)
    expect(mine.flatMap((m) => leaks(m))).toEqual([])
    expect(mine.map((m) => m.body).join('\n')).toContain('居民不满意，已退回重新办理')
  })

  it('refuses a follower from another 小区 with 只有桂花苑的居民可以关注这条诉求', async () => {
    const t = await setup()
    const r = await t.file()
    const res = await t.post(`/requests/${r.id}/follow`, {}, ZHANG)
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', message: '只有桂花苑的居民可以关注这条诉求' } })
    expect((await t.get(`/requests/${r.id}`, ZHANG)).status).toBe(404)
  })

  it('lets any resident follow a request at a community-wide spot such as 东门', async () => {
    const t = await setup()
    const r = await t.file({ location: { placeId: 's_east_gate' } })
    const res = await t.post<ServiceRequest>(`/requests/${r.id}/follow`, {}, ZHANG)
    expect(res.status).toBe(200)
    expect(res.body.following).toBe(true)
  })
})
