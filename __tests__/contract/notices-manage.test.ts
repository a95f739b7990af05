// 通知 management against both transports: 再次提醒, 撤回, edit, history, messages, 代办 list, paging.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type NoticeDraft } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const { leader, elderlyResident: wang, resident: zhou, staff } = KEY_PEOPLE
const HOUR = 3600_000

const draft = (patch: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '3栋周六消防演练', body: '周六上午 10 点在楼下空地进行消防演练。', category: 'activity',
  targets: [{ scope: 'building', id: 'b_3' }], ...patch
})

describeBothTransports('notices management contract', (t) => {
  async function published() {
    const li = await t.loginAs(leader)
    const notice = await t.call(endpoints.publishNotice, draft(), { token: li.token })
    return { li, notice }
  }

  it('messages every target resident on publish and reads the message when the notice is opened', async () => {
    const { notice } = await published()
    const w = await t.loginAs(wang)
    const inbox = await t.call(endpoints.listMessages, { kind: 'notice' }, { token: w.token })
    expect(inbox.items[0]).toMatchObject({ kind: 'notice', title: '3栋周六消防演练', read: false, link: `/notices/pages/detail/index?id=${notice.id}` })
    const { unread } = await t.call(endpoints.getUnreadMessageCount, {}, { token: w.token })
    await t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })
    await expect(t.call(endpoints.getUnreadMessageCount, {}, { token: w.token })).resolves.toEqual({ unread: unread - 1 })
    const z = await t.loginAs(zhou)
    const theirs = await t.call(endpoints.listMessages, { kind: 'notice' }, { token: z.token })
    expect(theirs.items.map((m) => m.title)).not.toContain('3栋周六消防演练')
  })

  it('reminds only unread households, then refuses a second reminder within 24 h with 429 and when', async () => {
    const { li, notice } = await published()
    const w = await t.loginAs(wang)
    await t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })
    const receipts = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })

    t.advance(HOUR)
    const result = await t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })
    expect(result.remindedHouseholds).toBe(receipts.unreadHouseholds.length)
    expect(result.nextRemindAt).toBe(new Date(t.now() + 24 * HOUR).toISOString())
    const wangReminders = await t.call(endpoints.listMessages, { kind: 'reminder' }, { token: w.token })
    expect(wangReminders.total).toBe(0)
    const z = await t.loginAs(zhou)
    expect((await t.call(endpoints.listMessages, { kind: 'reminder' }, { token: z.token })).total).toBe(0)

    t.advance(HOUR)
    await expect(t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })).rejects.toMatchObject({
      status: 429, code: 'RATE_LIMITED', retryAt: result.nextRemindAt,
      message: '每条通知 24 小时内只能提醒一次，请于 11月30日 09:00 后再试'
    })
    await expect(t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })).resolves.toMatchObject({ nextRemindAt: result.nextRemindAt })
    t.advance(23 * HOUR)
    await expect(t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })).resolves.toMatchObject({ remindedHouseholds: result.remindedHouseholds })
  })

  it('sends a reminder message to a resident who has not read it', async () => {
    const { li, notice } = await published()
    await t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })
    const w = await t.loginAs(wang)
    const reminders = await t.call(endpoints.listMessages, { kind: 'reminder' }, { token: w.token })
    expect(reminders.items[0]).toMatchObject({ title: '请查看通知：3栋周六消防演练', read: false })
  })

  it('withdraws: gone from feeds and messages, kept in the author\'s history as withdrawn', async () => {
    const { li, notice } = await published()
    const z = await t.loginAs(zhou)
    await expect(t.call(endpoints.withdrawNotice, { id: notice.id }, { token: z.token }))
      .rejects.toMatchObject({ status: 403, message: '只能撤回您自己发布的通知' })
    await t.call(endpoints.withdrawNotice, { id: notice.id }, { token: li.token })

    const w = await t.loginAs(wang)
    const feed = await t.call(endpoints.listNoticeFeed, { limit: 50 }, { token: w.token })
    expect(feed.items.map((n) => n.id)).not.toContain(notice.id)
    const inbox = await t.call(endpoints.listMessages, { limit: 50 }, { token: w.token })
    expect(inbox.items.map((m) => m.title)).not.toContain('3栋周六消防演练')
    await expect(t.call(endpoints.getNotice, { id: notice.id }, { token: w.token }))
      .rejects.toMatchObject({ status: 404, message: '该通知已被发布人撤回' })

    const history = await t.call(endpoints.listMyNotices, {}, { token: li.token })
    expect(history.items[0]).toMatchObject({ id: notice.id, status: 'withdrawn' })
    expect(history.items.map((n) => n.title)).toContain('3栋电梯维保时间调整') // seeded, withdrawn earlier
    await expect(t.call(endpoints.withdrawNotice, { id: notice.id }, { token: li.token })).rejects.toMatchObject({ status: 422 })
    await expect(t.call(endpoints.updateNotice, { ...draft(), id: notice.id }, { token: li.token }))
      .rejects.toMatchObject({ status: 422, message: '通知已撤回，不能再修改' })
  })

  it('lets only the author edit, within their scope', async () => {
    const { li, notice } = await published()
    const edited = await t.call(endpoints.updateNotice, { ...draft({ title: '消防演练改到周日' }), id: notice.id }, { token: li.token })
    expect(edited).toMatchObject({ title: '消防演练改到周日', editedAt: expect.any(String) })
    await expect(t.call(endpoints.updateNotice, { ...draft({ targets: [{ scope: 'building', id: 'b_5' }] }), id: notice.id }, { token: li.token }))
      .rejects.toMatchObject({ status: 403, message: '只能向您负责的楼栋发布通知' })
    const s = await t.loginAs(staff)
    await expect(t.call(endpoints.updateNotice, { ...draft(), id: notice.id }, { token: s.token }))
      .rejects.toMatchObject({ status: 403, message: '只能修改您自己发布的通知' })
  })

  it('lists the elderly residents of a 楼长\'s buildings for 代办, and refuses others', async () => {
    const li = await t.loginAs(leader)
    const elderly = await t.call(endpoints.listElderlyResidents, {}, { token: li.token })
    expect(elderly).toContainEqual({ personId: wang, name: '王秀英', age: 78, houseLabel: '桂花苑 3栋2单元502' })
    expect(elderly.every((p) => p.age >= 60 && /[34]栋/.test(p.houseLabel))).toBe(true)
    const z = await t.loginAs(zhou)
    await expect(t.call(endpoints.listElderlyResidents, {}, { token: z.token })).rejects.toMatchObject({ status: 403, message: '仅楼长可以代居民办理' })
  })

  it('pages through the 1,000-notice fixture without repeats', async () => {
    await t.call(endpoints.seedNoticeFixture, { buildingId: 'b_3', count: 1000 })
    const w = await t.loginAs(wang)
    const seen = new Set<string>()
    let cursor: string | undefined
    let pages = 0
    do {
      const page = await t.call(endpoints.listNoticeFeed, { cursor, limit: 50 }, { token: w.token })
      page.items.forEach((n) => seen.add(n.id))
      cursor = page.nextCursor ?? undefined
      pages++
    } while (cursor)
    expect(seen.size).toBeGreaterThan(1000)
    expect(pages).toBe(Math.ceil(seen.size / 50))
  })
})
