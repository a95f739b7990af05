// Notice photos and the message center against both transports.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type UploadedFile } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

// The smallest JPEG header the files domain recognises by its magic bytes.
const JPEG_URL = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64')}`
const { leader, elderlyResident: wang } = KEY_PEOPLE

const draft = (photoIds: string[]) => ({
  title: '楼道堆物清理', body: '请各户清理楼道杂物，照片为现状。', category: 'safety' as const,
  targets: [{ scope: 'building' as const, id: 'b_3' }], photoIds
})

describeBothTransports('notice photos and messages contract', (t) => {
  it('attaches uploaded photos and serves them to residents', async () => {
    const li = await t.loginAs(leader)
    const photo = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'notice_image' }, { token: li.token })
    const notice = await t.call(endpoints.publishNotice, draft([photo.id]), { token: li.token })
    expect(notice.photos).toEqual([{ id: photo.id, url: `/files/${photo.id}` }])
    const w = await t.loginAs(wang)
    await expect(t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })).resolves.toMatchObject({ photoCount: 1, photos: [{ id: photo.id }] })
  })

  it('refuses a photo the author did not upload', async () => {
    const w = await t.loginAs(wang)
    const theirs = await t.upload<UploadedFile>('/files', JPEG_URL, { purpose: 'notice_image' }, { token: w.token })
    const li = await t.loginAs(leader)
    await expect(t.call(endpoints.publishNotice, draft([theirs.id]), { token: li.token }))
      .rejects.toMatchObject({ status: 400, fields: { photoIds: '有照片未上传成功或已失效，请删除后重新添加' } })
  })

  it('pages messages newest first and marks one, then all, read', async () => {
    const li = await t.loginAs(leader)
    await t.call(endpoints.publishNotice, draft([]), { token: li.token })
    const w = await t.loginAs(wang)
    const first = await t.call(endpoints.listMessages, { limit: 2 }, { token: w.token })
    expect(first.items).toHaveLength(2)
    expect(first.items[0]).toMatchObject({ title: '楼道堆物清理', read: false })
    expect(first.items[0].createdAt >= first.items[1].createdAt).toBe(true)
    const next = await t.call(endpoints.listMessages, { limit: 2, cursor: first.nextCursor ?? undefined }, { token: w.token })
    expect(next.items.map((m) => m.id)).not.toContain(first.items[0].id)

    await t.call(endpoints.markMessageRead, { id: first.items[0].id }, { token: w.token })
    await expect(t.call(endpoints.getUnreadMessageCount, {}, { token: w.token })).resolves.toEqual({ unread: first.unread - 1 })
    await t.call(endpoints.markAllMessagesRead, {}, { token: w.token })
    await expect(t.call(endpoints.getUnreadMessageCount, {}, { token: w.token })).resolves.toEqual({ unread: 0 })
    await expect(t.call(endpoints.markMessageRead, { id: 'm_9999' }, { token: w.token })).rejects.toMatchObject({ status: 404 })
  })
})
