// 我已知晓 on important notices, against both transports: who may confirm, a repeat answers the
// first time, receipts count confirmations apart from reads, and 提醒 reaches the unconfirmed.
import { KEY_PEOPLE } from '../../mock'
import { endpoints, type NoticeDraft } from '../../types/contract'
import { describeBothTransports } from '../helpers/contract'

const { leader, elderlyResident: wang, resident: zhou, staff } = KEY_PEOPLE
const HOUR = 3600_000

const draft = (patch: Partial<NoticeDraft> = {}): NoticeDraft => ({
  title: '3栋明早停水', body: '明天 9:00–13:00 停水，请提前储水。', category: 'outage',
  targets: [{ scope: 'building', id: 'b_3' }], ...patch
})

describeBothTransports('notice acknowledgements (我已知晓)', (t) => {
  async function publish(patch: Partial<NoticeDraft> = {}) {
    const li = await t.loginAs(leader)
    const notice = await t.call(endpoints.publishNotice, draft(patch), { token: li.token })
    return { li, notice }
  }

  it('asks for 我已知晓 on 停水停电 and 安全提示 whatever the author chose, on others only when asked', async () => {
    expect((await publish()).notice).toMatchObject({ requiresAck: true, acknowledged: false })
    expect((await publish({ category: 'safety', requiresAck: false })).notice.requiresAck).toBe(true)
    expect((await publish({ category: 'activity' })).notice.requiresAck).toBe(false)
    expect((await publish({ category: 'activity', requiresAck: true })).notice.requiresAck).toBe(true)
  })

  it('records a confirmation once: a repeat answers the first time, and confirming is also reading', async () => {
    const { li, notice } = await publish()
    const w = await t.loginAs(wang)
    const first = await t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: w.token })
    expect(first).toEqual({ noticeId: notice.id, acknowledgedAt: new Date(t.now()).toISOString() })
    t.advance(HOUR)
    await expect(t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: w.token })).resolves.toEqual(first)
    await expect(t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })).resolves.toMatchObject({ acknowledged: true, read: true })

    const receipts = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    expect(receipts.ackHouseholds).toBe(1)
    expect(receipts.readHouseholds).toBe(1)
    expect(receipts.unreadHouseholds.map((h) => h.label)).not.toContain('3栋2单元502')
    expect(receipts.readUnacknowledgedHouseholds).toEqual([])
  })

  it('counts read-but-unconfirmed households apart, and 提醒 reaches them as well as the unread', async () => {
    const { li, notice } = await publish()
    const w = await t.loginAs(wang)
    await t.call(endpoints.getNotice, { id: notice.id }, { token: w.token })
    const receipts = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    expect(receipts.readHouseholds).toBe(1)
    expect(receipts.ackHouseholds).toBe(0)
    expect(receipts.readUnacknowledgedHouseholds).toEqual([{ roomId: 'r_3_2_502', label: '3栋2单元502', maskedName: '王*' }])

    const result = await t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })
    expect(result.remindedHouseholds).toBe(receipts.targetHouseholds)
    const reminders = await t.call(endpoints.listMessages, { kind: 'reminder' }, { token: w.token })
    expect(reminders.items.map((m) => m.title)).toEqual(['请查看并确认知晓：3栋明早停水'])
  })

  it('counts one household once when two of its members confirm at the same time', async () => {
    const { li, notice } = await publish()
    // 马洋 and 朱玉梅 live together in 3栋1单元502.
    const a = await t.loginAs('p_015')
    const b = await t.loginAs('p_016')
    const [ra, rb] = await Promise.all([
      t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: a.token }),
      t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: b.token })
    ])
    expect([ra.noticeId, rb.noticeId]).toEqual([notice.id, notice.id])
    const receipts = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    expect(receipts.ackHouseholds).toBe(1)
    expect(receipts.readHouseholds).toBe(1)
    expect(receipts.readUnacknowledgedHouseholds).toEqual([])
    expect(receipts.unreadHouseholds.map((h) => h.label)).not.toContain('3栋1单元502')
  })

  it('refuses a second 提醒 when every household has confirmed, with its own words', async () => {
    const { li, notice } = await publish({ targets: [{ scope: 'unit', id: 'u_3_2' }] })
    const receipts = await t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })
    // Every person of every target household confirms.
    const db = t.backend.db()
    const record = db.notices?.find((n) => n.id === notice.id)
    for (const p of db.persons.filter((x) => receipts.unreadHouseholds.some((h) => h.roomId === x.roomId))) {
      if (record) record.ackedBy[p.id] = new Date(t.now()).toISOString()
    }
    t.backend.persist()
    await expect(t.call(endpoints.getNoticeReceipts, { id: notice.id }, { token: li.token })).resolves.toMatchObject({ ackHouseholds: receipts.targetHouseholds })
    await expect(t.call(endpoints.remindNotice, { id: notice.id }, { token: li.token })).rejects.toMatchObject({
      status: 422, message: '所有住户都已确认知晓，无需再提醒'
    })
  })

  it('refuses those it is not for, its author, a notice that asks for none, and a withdrawn one', async () => {
    const { li, notice } = await publish()
    const z = await t.loginAs(zhou)
    await expect(t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: z.token })).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' })
    await expect(t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: li.token })).rejects.toMatchObject({ status: 422, message: '这是您自己发布的通知，无需确认' })
    const s = await t.loginAs(staff)
    await expect(t.call(endpoints.acknowledgeNotice, { id: 'n_9999' }, { token: s.token })).rejects.toMatchObject({ status: 404 })

    const plain = (await publish({ category: 'activity', title: '3栋茶话会' })).notice
    const w = await t.loginAs(wang)
    await expect(t.call(endpoints.acknowledgeNotice, { id: plain.id }, { token: w.token })).rejects.toMatchObject({ status: 422, message: '这条通知不需要确认知晓' })
    const plainReceipts = await t.call(endpoints.getNoticeReceipts, { id: plain.id }, { token: li.token })
    expect(plainReceipts.ackHouseholds).toBeNull()
    expect(plainReceipts.readUnacknowledgedHouseholds).toEqual([])

    await t.call(endpoints.withdrawNotice, { id: notice.id }, { token: li.token })
    await expect(t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: w.token })).rejects.toMatchObject({ status: 404 })
  })

  it('keeps the confirmations already given when an edit turns 我已知晓 off, and shows counts in the history', async () => {
    const { li, notice } = await publish({ category: 'activity', requiresAck: true })
    const w = await t.loginAs(wang)
    await t.call(endpoints.acknowledgeNotice, { id: notice.id }, { token: w.token })
    const edited = await t.call(endpoints.updateNotice, { ...draft({ category: 'activity', requiresAck: false }), id: notice.id }, { token: li.token })
    expect(edited.requiresAck).toBe(true)
    const mine = await t.call(endpoints.listMyNotices, {}, { token: li.token })
    expect(mine.items.find((n) => n.id === notice.id)).toMatchObject({ ackHouseholds: 1, readHouseholds: 1 })
  })
})
