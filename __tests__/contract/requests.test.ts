// 民生诉求 and files against both transports: the embedded mock and the HTTP mock server answer alike.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type BinaryBody, type ServiceRequest, type UploadedFile } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

/** A 1×1 JPEG. */
const JPEG = '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA='
const JPEG_URL = `data:image/jpeg;base64,${JPEG}`
const REQUEST = {
  categoryCode: 'streetlight' as const,
  answers: { lamp_state: 'flicker' },
  description: '3栋前广场的路灯一直闪，晚上很晃眼',
  location: { placeId: 's_plaza_3', point: { lat: 22.5421, lng: 114.0582 }, note: '靠近花坛' }
}

describeBothTransports('requests contract', (t) => {
  it('files with an uploaded photo, staff take it to 已办结, the resident rates it and sees it on 公示', async () => {
    const resident = await t.loginAs(KEY_PEOPLE.resident)
    const staff = await t.loginAs(KEY_PEOPLE.staff)
    const photo = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'request_photo' }, { token: resident.token })
    expect(photo).toMatchObject({ contentType: 'image/jpeg', bytes: Buffer.from(JPEG, 'base64').length, url: `/files/${photo.id}` })

    const filed = await t.call(endpoints.createServiceRequest, { ...REQUEST, photos: [photo.id] }, { token: resident.token })
    expect(filed).toMatchObject({ status: 'submitted', caseNumber: expect.stringMatching(/^LL20261129-\d{4}$/), photos: [{ id: photo.id }], location: { placeName: '3栋前广场', note: '靠近花坛' } })

    const queue = await t.call(endpoints.listStaffServiceRequests, { status: 'submitted' }, { token: staff.token })
    expect(queue.items.map((r) => r.id)).toContain(filed.id)
    await t.call(endpoints.acceptServiceRequest, { id: filed.id }, { token: staff.token })
    await t.call(endpoints.dispatchServiceRequest, { id: filed.id, departmentId: 'd_property' }, { token: staff.token })
    const closed = await t.call(endpoints.closeServiceRequest, { id: filed.id, result: '已更换镇流器，灯不再闪烁', photos: [] }, { token: staff.token })
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已办结', department: { name: '物业' } })

    const rated = await t.call(endpoints.rateServiceRequest, { id: filed.id, speed: 5, result: 5, attitude: 4, comment: '很快' }, { token: resident.token })
    expect(rated.rating).toMatchObject({ speed: 5, result: 5, attitude: 4 })
    const board = await t.call(endpoints.listPublicServiceRequests, {})
    expect(board.items.find((i) => i.id === filed.id)).toMatchObject({ filerName: '周*', result: '已更换镇流器，灯不再闪烁', satisfaction: 4.7 })
  })

  it('serves an uploaded photo back: raw bytes over HTTP, { $binary } in the embedded transport', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.resident)
    const photo = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'request_photo' }, { token })
    const res = await t.raw({ method: 'GET', path: `/files/${photo.id}` })
    expect(res.status).toBe(200)
    const bytes = t.kind === 'http' ? (res.body as Buffer) : Buffer.from((res.body as BinaryBody).$binary.base64, 'base64')
    expect(bytes.equals(Buffer.from(JPEG, 'base64'))).toBe(true)
  })

  it('refuses a non-image upload with 只能上传图片', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.resident)
    await expect(t.upload('/files', `data:text/plain;base64,${Buffer.from('not a photo').toString('base64')}`, {}, { token }))
      .rejects.toMatchObject({ status: 400, fields: { dataUrl: '只能上传图片（JPG、PNG 或 WebP）' } })
  })

  it('gives the same field message in the client and, sent anyway, from the server', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.resident)
    const bad = { ...REQUEST, description: '灯坏了', answers: {} }
    await expect(t.call(endpoints.createServiceRequest, bad, { token }))
      .rejects.toMatchObject({ status: 400, fields: { description: '问题描述至少 4 个字', 'answers.lamp_state': '请选择灯的状态' } })
    const raw = await t.raw({ method: 'POST', path: '/requests', body: bad, headers: { Authorization: `Bearer ${token}` } })
    expect(raw).toMatchObject({ status: 400, body: { fields: { description: '问题描述至少 4 个字', 'answers.lamp_state': '请选择灯的状态' } } })
  })

  it('files once when the same idempotency key is replayed', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.resident)
    const a = await t.call(endpoints.createServiceRequest, REQUEST, { token, idempotencyKey: 'draft-42' })
    const b = await t.call(endpoints.createServiceRequest, REQUEST, { token, idempotencyKey: 'draft-42' })
    expect(b.id).toBe(a.id)
    const mine = await t.call(endpoints.listMyServiceRequests, { status: 'submitted' }, { token })
    expect(mine.items.filter((r) => r.description === REQUEST.description)).toHaveLength(1)
  })

  it('pages 我的诉求 with a cursor and filters by status', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.resident)
    const first = await t.call(endpoints.listMyServiceRequests, { limit: 2 }, { token })
    expect(first.items).toHaveLength(2)
    expect(first.nextCursor).toBe('2')
    const second = await t.call(endpoints.listMyServiceRequests, { limit: 2, cursor: first.nextCursor ?? undefined }, { token })
    expect(second.items[0].id).not.toBe(first.items[0].id)
    const closed = await t.call(endpoints.listMyServiceRequests, { status: 'closed' }, { token })
    expect(closed.items.length).toBeGreaterThan(0)
    expect(closed.items.every((r: ServiceRequest) => r.status === 'closed')).toBe(true)
  })

  it('matches GPS to the nearest place and refuses a point outside with 422', async () => {
    const match = await t.call(endpoints.locateRequestPlace, { lat: 22.5421, lng: 114.0582 })
    expect(match.place.name).toBe('3栋前广场')
    await expect(t.call(endpoints.locateRequestPlace, { lat: 22.55, lng: 114.0582 }))
      .rejects.toMatchObject({ status: 422, message: '您所在的位置不在本社区范围内，请手动选择地点' })
  })

  it("refuses staff actions by a resident (403) and another resident's request (404)", async () => {
    const resident = await t.loginAs(KEY_PEOPLE.resident)
    const other = await t.loginAs(KEY_PEOPLE.volunteer)
    const filed = await t.call(endpoints.createServiceRequest, REQUEST, { token: resident.token })
    await expect(t.call(endpoints.acceptServiceRequest, { id: filed.id }, { token: resident.token }))
      .rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '仅社区工作人员可以受理诉求' })
    await expect(t.call(endpoints.getServiceRequest, { id: filed.id }, { token: other.token }))
      .rejects.toMatchObject({ status: 404, message: '未找到这条诉求，或它不是您提交的；请在「我的诉求」中查看' })
  })

  it('shows similar open requests and follows one with 我也遇到了', async () => {
    const { token } = await t.loginAs(KEY_PEOPLE.elderlyResident)
    const similar = await t.call(endpoints.findSimilarServiceRequests, { categoryCode: 'streetlight', placeId: 's_plaza_3', lat: 22.5421, lng: 114.0582 }, { token })
    expect(similar.length).toBeGreaterThan(0)
    const followed = await t.call(endpoints.followServiceRequest, { id: similar[0].id }, { token })
    expect(followed).toMatchObject({ following: true, contact: null })
    const answers = await t.call(endpoints.matchQuickAnswers, { text: '小区快递柜在哪' })
    expect(answers[0]).toMatchObject({ title: '快递柜位置' })
  })
})
