// 志愿活动 photos against both transports: the publisher's own uploads are attached and shown to
// residents; someone else's upload, or more than 3, is refused; an edit keeps the photos it lists.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type ActivityDraft, type UploadedFile } from '../../types/contract'
import { describeBothTransports, type ContractTarget } from '../helpers/contract'

const JPEG_URL = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64')}`
const { staff, resident: zhou } = KEY_PEOPLE
const H = 3600_000
const draft = (t: ContractTarget, photoIds: string[]): ActivityDraft => ({
  title: '冬季送温暖', description: '给独居老人送棉被。', place: '幸福里社区服务中心', photoIds,
  slots: [{ startAt: new Date(t.now() + 30 * H).toISOString(), endAt: new Date(t.now() + 32 * H).toISOString(), capacity: 5 }]
})

describeBothTransports('volunteer activity photos contract', (t) => {
  it('attaches the publisher\'s own uploads and shows them to residents', async () => {
    const s = await t.loginAs(staff)
    const a = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'other' }, { token: s.token })
    const b = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'other' }, { token: s.token })
    const activity = await t.call(endpoints.publishVolunteerActivity, draft(t, [a.id, b.id]), { token: s.token })
    expect(activity.photos).toEqual([{ id: a.id, url: `/files/${a.id}` }, { id: b.id, url: `/files/${b.id}` }])
    const w = await t.loginAs(zhou)
    const seen = await t.call(endpoints.getVolunteerActivity, { id: activity.id }, { token: w.token })
    expect(seen.photos.map((p) => p.id)).toEqual([a.id, b.id])

    // An edit that lists one photo keeps that one and drops the other.
    const edited = await t.call(endpoints.updateVolunteerActivity, { ...draft(t, [b.id]), id: activity.id, slots: activity.slots.map((x) => ({ id: x.id, startAt: x.startAt, endAt: x.endAt, capacity: x.capacity })) }, { token: s.token })
    expect(edited.photos.map((p) => p.id)).toEqual([b.id])
  })

  it('refuses someone else\'s upload and a fourth photo', async () => {
    const w = await t.loginAs(zhou)
    const theirs = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'other' }, { token: w.token })
    const s = await t.loginAs(staff)
    await expect(t.call(endpoints.publishVolunteerActivity, draft(t, [theirs.id]), { token: s.token }))
      .rejects.toMatchObject({ status: 400, fields: { photoIds: '有照片未上传成功或已失效，请删除后重新添加' } })
    const mine = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'other' }, { token: s.token })
    await expect(t.call(endpoints.publishVolunteerActivity, draft(t, [mine.id, mine.id, mine.id, mine.id]), { token: s.token }))
      .rejects.toMatchObject({ status: 400, fields: { photoIds: '最多上传 3 张照片' } })
  })
})
