// 通知 against both transports: publishing within scope, feeds, read receipts, 再次提醒, 撤回.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type NoticeDraft } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const { leader, elderlyResident: wang, resident: zhou, staff } = KEY_PEOPLE
const XSS = '<img src=x onerror=alert(1)>'

const draft = (patch: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '3栋周六消防演练', body: '周六上午 10 点在楼下空地进行消防演练，请各户派一人参加。', category: 'safety',
  targets: [{ scope: 'building', id: 'b_3' }], ...patch
})

describeBothTransports('notices contract', (t) => {
  it('shows a 楼长\'s notice to residents of that building only, marked unread until opened', async () => {
    const li = await t.loginAs(leader)
    const notice = await t.call(endpoints.publishNotice, draft(), { token: li.token })
    expect(notice).toMatchObject({ status: 'published', targetLabel: '3栋', author: { name: '李建国', roleLabel: '3栋楼长' }, mine: true })

    const w = await t.loginAs(wang)
    const feed = await t.call(endpoints.listNoticeFeed, {}, { token: w.token })
    const item = feed.items.find((n) => n.id === notice.id)
    expect(item).toMatchObject({ read: false, title: '3栋周六消防演练' })

    const z = await t.loginAs(zhou)
    const other = await t.call(endpoints.listNoticeFeed, { limit: 50 }, { token: z.token })
    expect(other.items.map((n) => n.id)).not.toContain(notice.id)
    await expect(t.call(endpoints.getNotice, { id: notice.id }, { token: z.token }))
      .rejects.toMatchObject({ status: 403, message: '这条通知不是发给您所在楼栋的' })

    await t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })
    const after = await t.call(endpoints.listNoticeFeed, {}, { token: w.token })
    expect(after.items.find((n) => n.id === notice.id)?.read).toBe(true)
    expect(after.unread).toBe(feed.unread - 1)
  })

  it('lists pinned notices first, then newest, and drops expired and withdrawn ones', async () => {
    const w = await t.loginAs(wang)
    const feed = await t.call(endpoints.listNoticeFeed, { limit: 50 }, { token: w.token })
    const titles = feed.items.map((n) => n.title)
    expect(feed.items.length).toBeGreaterThan(2)
    expect(feed.items.slice(0, 2).map((n) => n.pinned)).toEqual([true, true])
    expect(feed.items.slice(2).filter((n) => n.pinned)).toEqual([])
    const times = feed.items.slice(2).map((n) => n.publishedAt)
    expect([...times].sort().reverse()).toEqual(times)
    expect(titles).toEqual(expect.arrayContaining(['3栋明天上午停水', '2单元楼道灯已报修', '冬季消防安全提示', '桂花苑地下车库清洗']))
    expect(titles).not.toContain('3栋4栋垃圾分类宣传') // expired two days ago
    expect(titles).not.toContain('3栋电梯维保时间调整') // withdrawn
    expect(titles).not.toContain('5栋邻里茶话会') // another building
  })

  it('counts read households and shrinks the unread list when a resident opens the notice', async () => {
    const li = await t.loginAs(leader)
    const notice = await t.call(endpoints.publishNotice, draft(), { token: li.token })
    const before = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    expect(before.readHouseholds).toBe(0)
    expect(before.unreadHouseholds).toContainEqual({ roomId: 'r_3_2_502', label: '3栋2单元502', maskedName: '王*' })
    expect(before.unreadHouseholds.map((h) => h.label)).not.toContain('3栋1单元301') // the leader's own household

    await t.call(endpoints.getNotice, { id: notice.id }, { token: li.token }) // the author's view is no receipt
    const w = await t.loginAs(wang)
    await t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })
    const after = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    expect(after).toMatchObject({ readHouseholds: 1, targetHouseholds: before.targetHouseholds })
    expect(after.unreadHouseholds).toHaveLength(before.unreadHouseholds.length - 1)
    expect(after.unreadHouseholds.map((h) => h.roomId)).not.toContain('r_3_2_502')

    const z = await t.loginAs(zhou)
    await expect(t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: z.token }))
      .rejects.toMatchObject({ status: 403, message: '只有发布人可以查看阅读情况' })
  })

  it('refuses a 楼长 posting to a building they do not lead with 只能向您负责的楼栋发布通知', async () => {
    const li = await t.loginAs(leader)
    for (const targets of [[{ scope: 'building' as const, id: 'b_1' }], [{ scope: 'unit' as const, id: 'u_5_1' }], [{ scope: 'estate' as const, id: 'e_1' }]]) {
      await expect(t.call(endpoints.publishNotice, draft({ targets }), { token: li.token }))
        .rejects.toMatchObject({ status: 403, code: 'FORBIDDEN', message: '只能向您负责的楼栋发布通知' })
    }
    await expect(t.call(endpoints.publishNotice, draft({ targets: [{ scope: 'unit', id: 'u_4_2' }] }), { token: li.token }))
      .resolves.toMatchObject({ targetLabel: '4栋2单元', author: { roleLabel: '4栋楼长' } })
  })

  it('refuses a resident posting with 403', async () => {
    const w = await t.loginAs(wang)
    await expect(t.call(endpoints.publishNotice, draft(), { token: w.token }))
      .rejects.toMatchObject({ status: 403, message: '仅楼长或社区工作人员可以发布通知' })
    await expect(t.call(endpoints.getNoticeScope, {}, { token: w.token })).resolves.toEqual({ canPublish: false, postingAs: null, options: [] })
  })

  it('lets staff post to the whole 社区, reaching every building', async () => {
    const s = await t.loginAs(staff)
    const scope = await t.call(endpoints.getNoticeScope, {}, { token: s.token })
    expect(scope.options[0]).toEqual({ scope: 'community', id: 'c_1', label: '幸福里社区', parentId: null })
    const notice = await t.call(endpoints.publishNotice, draft({ targets: [{ scope: 'community', id: 'c_1' }] }), { token: s.token })
    expect(notice.author.roleLabel).toBe('社区工作人员')
    const z = await t.loginAs(zhou)
    const feed = await t.call(endpoints.listNoticeFeed, {}, { token: z.token })
    expect(feed.items.map((n) => n.id)).toContain(notice.id)
  })

  it('offers a 楼长 only their own buildings and units as targets', async () => {
    const li = await t.loginAs(leader)
    const scope = await t.call(endpoints.getNoticeScope, {}, { token: li.token })
    expect(scope.postingAs).toBe('building_leader')
    expect(scope.options.map((o) => o.label)).toEqual(['3栋', '3栋1单元', '3栋2单元', '4栋', '4栋1单元', '4栋2单元'])
  })

  it('validates title, body, photos and expiry on the client and the server alike', async () => {
    const li = await t.loginAs(leader)
    const cases: [Partial<NoticeDraft>, string, string][] = [
      [{ title: '  ' }, 'title', '请填写标题'],
      [{ title: '长'.repeat(41) }, 'title', '标题不能超过 40 个字'],
      [{ body: '' }, 'body', '请填写正文'],
      [{ body: '字'.repeat(2001) }, 'body', '正文不能超过 2000 个字'],
      [{ photoIds: ['f1', 'f2', 'f3', 'f4'] }, 'photoIds', '最多上传 3 张照片'],
      [{ targets: [] }, 'targets', '请选择发布范围']
    ]
    for (const [patch, field, message] of cases) {
      await expect(t.call(endpoints.publishNotice, draft(patch), { token: li.token })).rejects.toMatchObject({ status: 400, fields: { [field]: message } })
      const raw = await t.raw({ method: 'POST', path: '/notices', body: draft(patch), headers: { Authorization: `Bearer ${li.token}` } })
      expect(raw).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { [field]: message } } })
    }
    await expect(t.call(endpoints.publishNotice, draft({ expiresOn: '2026-11-28' }), { token: li.token }))
      .rejects.toMatchObject({ status: 400, fields: { expiresOn: '截止日期不能早于今天' } })
    await expect(t.call(endpoints.publishNotice, draft({ expiresOn: '2026-11-29' }), { token: li.token })).resolves.toMatchObject({ expiresOn: '2026-11-29' })
  })

  it('keeps markup as plain text', async () => {
    const li = await t.loginAs(leader)
    const notice = await t.call(endpoints.publishNotice, draft({ title: XSS, body: `${XSS}\n第二行` }), { token: li.token })
    const w = await t.loginAs(wang)
    await expect(t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })).resolves.toMatchObject({ title: XSS, body: `${XSS}\n第二行` })
  })

  it('publishes once for a replayed idempotency key', async () => {
    const li = await t.loginAs(leader)
    const first = await t.call(endpoints.publishNotice, draft(), { token: li.token, idempotencyKey: 'publish-1' })
    const again = await t.call(endpoints.publishNotice, draft(), { token: li.token, idempotencyKey: 'publish-1' })
    expect(again.id).toBe(first.id)
    const mine = await t.call(endpoints.listMyNotices, {}, { token: li.token })
    expect(mine.items.filter((n) => n.title === '3栋周六消防演练')).toHaveLength(1)
  })
})
