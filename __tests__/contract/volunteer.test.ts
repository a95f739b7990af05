// 志愿服务 against both transports: publish scope, sign-up and waitlist, check-in with the live
// code, hours in 公示 then final (credited once), and the refusals the issue lists.
import { KEY_PEOPLE } from '../../mock'
import { balanceOf } from '../../mock/handlers/timebank-ledger'
import { seedPersonId, VOLUNTEER_SEED_NAMES } from '../../mock/handlers/volunteer-seed'
import { endpoints, type ActivityDraft } from '../../types/contract'
import { describeBothTransports, type ContractTarget } from '../helpers/contract'

const { staff, volunteer: zhang, resident: zhou, leader: li, leaderJinxiu: zhao } = KEY_PEOPLE
const H = 3600_000
const XSS = '<img src=x onerror=alert(1)>'

const at = (t: ContractTarget, hours: number) => new Date(t.now() + hours * H).toISOString()
const draft = (t: ContractTarget, patch: Partial<ActivityDraft> = {}): ActivityDraft => ({
  title: '楼道小广告清理', description: '清理楼道里的小广告。', place: '桂花苑 3栋楼下',
  slots: [{ startAt: at(t, 24), endAt: at(t, 26), capacity: 1 }], ...patch
})

describeBothTransports('volunteer activities contract', (t) => {
  const as = async (id: string) => (await t.loginAs(id)).token

  it('gives the last place to the first, waitlists the second and promotes them when the first cancels', async () => {
    const s = await as(staff)
    const activity = await t.call(endpoints.publishVolunteerActivity, draft(t), { token: s })
    const slotId = activity.slots[0].id
    const z = await as(zhang)
    const first = await t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: z })
    expect(first.status).toBe('confirmed')
    const w = await as(zhou)
    const second = await t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: w })
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })

    await t.call(endpoints.cancelVolunteerSignup, { id: first.id }, { token: z })
    const mine = await t.call(endpoints.getMyVolunteerOverview, {}, { token: w })
    expect(mine.upcoming.find((x) => x.id === second.id)?.status).toBe('confirmed')
    const messages = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: w })
    expect(messages.items[0].title).toBe('候补转正：您已报名成功')
  })

  it('refuses a resident publishing (403) and a 楼长 outside their buildings', async () => {
    await expect(t.call(endpoints.publishVolunteerActivity, draft(t), { token: await as(zhou) }))
      .rejects.toMatchObject({ status: 403, message: '仅社区工作人员或楼长可以发布志愿活动' })
    await expect(t.call(endpoints.publishVolunteerActivity, draft(t, { buildingId: 'b_5' }), { token: await as(li) }))
      .rejects.toMatchObject({ status: 403, message: '只能为您负责的楼栋发布志愿活动' })
    const mine = await t.call(endpoints.publishVolunteerActivity, draft(t, { buildingId: 'b_3', title: XSS }), { token: await as(li) })
    expect(mine).toMatchObject({ organiserLabel: '3栋楼长', title: XSS })
  })

  it('hides phone numbers in what volunteers read and keeps markup as text', async () => {
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { description: `有事请打 13912345678 找我 ${XSS}` }), { token: await as(staff) })
    const seen = await t.call(endpoints.getVolunteerActivity, { id: a.id }, { token: await as(zhou) })
    expect(seen.description).toBe(`有事请打 【号码已隐藏】 找我 ${XSS}`)
  })

  it('messages those signed up of a time change and of a cancellation, and reminds them the day before', async () => {
    const s = await as(staff)
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 48), endAt: at(t, 50), capacity: 3 }] }), { token: s })
    const z = await as(zhang)
    await t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: z })
    const slot = a.slots[0]
    await t.call(endpoints.updateVolunteerActivity, { ...draft(t), id: a.id, slots: [{ id: slot.id, startAt: at(t, 49), endAt: at(t, 51), capacity: 3 }] }, { token: s })
    let inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(inbox.items[0]).toMatchObject({ title: '志愿活动有变更', body: '「楼道小广告清理」时间有调整，请查看最新时段。' })
    t.advance(26 * H)
    inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(inbox.items[0].title).toBe('志愿活动明天开始')
    await expect(t.call(endpoints.cancelVolunteerActivity, { id: a.id, reason: '下雨' }, { token: z })).rejects.toMatchObject({ status: 403 })
    await t.call(endpoints.cancelVolunteerActivity, { id: a.id, reason: '预报有大雨，改期再通知' }, { token: s })
    inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(inbox.items[0]).toMatchObject({ title: '志愿活动已取消', body: '「楼道小广告清理」已取消：预报有大雨，改期再通知' })
  })

  it('refuses a slot in the past and lowering capacity below those signed up, saying how many to remove', async () => {
    const s = await as(staff)
    await expect(t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, -1), endAt: at(t, 1), capacity: 3 }] }), { token: s }))
      .rejects.toMatchObject({ status: 400, fields: { slots: '时段的开始时间已过，请重新选择' } })
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 24), endAt: at(t, 26), capacity: 3 }] }), { token: s })
    for (const p of [zhang, zhou, 'p_013']) await t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: await as(p) })
    const slot = { ...a.slots[0], capacity: 1 }
    await expect(t.call(endpoints.updateVolunteerActivity, { ...draft(t), id: a.id, slots: [{ id: slot.id, startAt: slot.startAt, endAt: slot.endAt, capacity: 1 }] }, { token: s }))
      .rejects.toMatchObject({ status: 400, message: expect.stringContaining('已有 3 人报名，需先移除 2 人才能把名额降到 1') })
  })

  it('refuses an overlapping slot but allows back-to-back ones', async () => {
    const s = await as(staff)
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, {
      slots: [{ startAt: at(t, 24), endAt: at(t, 26), capacity: 5 }, { startAt: at(t, 26), endAt: at(t, 28), capacity: 5 }]
    }), { token: s })
    const b = await t.call(endpoints.publishVolunteerActivity, draft(t, { title: '另一个活动', slots: [{ startAt: at(t, 25), endAt: at(t, 27), capacity: 5 }] }), { token: s })
    const z = await as(zhang)
    await t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: z })
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[1].id }, { token: z })).resolves.toMatchObject({ status: 'confirmed' })
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: b.slots[0].id }, { token: z }))
      .rejects.toMatchObject({ status: 409, message: expect.stringContaining('时间重叠') })
  })

  it('refuses a paused resident and a minor without guardian consent', async () => {
    const db = t.backend.db()
    const paused = seedPersonId(db, VOLUNTEER_SEED_NAMES.paused)
    const student = seedPersonId(db, VOLUNTEER_SEED_NAMES.student)
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 24), endAt: at(t, 26), capacity: 5 }] }), { token: await as(staff) })
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: await as(paused) }))
      .rejects.toMatchObject({ status: 403, message: '您 90 天内缺席 2 次，已暂停自主报名，请联系社区工作人员恢复' })
    const profile = db.volunteer?.profiles[student]
    if (profile) profile.guardianConsent = null
    t.backend.persist()
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: await as(student) }))
      .rejects.toMatchObject({ status: 403, message: '未成年人报名需先由监护人同意，请联系社区工作人员登记' })
  })

  it('makes one sign-up of a double tap and one 已报名 of twenty people for the last place at once', async () => {
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t), { token: await as(staff) })
    const slotId = a.slots[0].id
    const z = await as(zhang)
    const [x, y] = await Promise.all([
      t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: z }),
      t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: z })
    ])
    expect(x.id).toBe(y.id)
    const b = await t.call(endpoints.publishVolunteerActivity, draft(t, { title: '最后一个名额' }), { token: await as(staff) })
    const people = Array.from({ length: 20 }, (_, i) => `p_${String(13 + i).padStart(3, '0')}`)
    const tokens = await Promise.all(people.map((p) => as(p)))
    const results = await Promise.all(tokens.map((token) => t.call(endpoints.signUpVolunteerSlot, { slotId: b.slots[0].id }, { token })))
    expect(results.filter((r) => r.status === 'confirmed')).toHaveLength(1)
    expect(results.filter((r) => r.status === 'waitlisted')).toHaveLength(19)
    expect(results.map((r) => r.waitlistPosition).filter(Boolean).sort((m, n) => (m ?? 0) - (n ?? 0))).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
  })

  it('does not let a volunteer cancel within 3 hours, nor touch another person\'s sign-up (404)', async () => {
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 2), endAt: at(t, 4), capacity: 5 }] }), { token: await as(staff) })
    const mine = await t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: await as(zhang) })
    await expect(t.call(endpoints.cancelVolunteerSignup, { id: mine.id }, { token: await as(zhang) }))
      .rejects.toMatchObject({ status: 422, message: '活动开始前 3 小时内不能自行取消，请联系活动组织者' })
    await expect(t.call(endpoints.cancelVolunteerSignup, { id: mine.id }, { token: await as(zhou) }))
      .rejects.toMatchObject({ status: 404 })
    await expect(t.call(endpoints.getVolunteerRoster, { slotId: a.slots[0].id }, { token: await as(zhou) }))
      .rejects.toMatchObject({ status: 403 })
  })
})

describeBothTransports('volunteer check-in and hours contract', (t) => {
  const as = async (id: string) => (await t.loginAs(id)).token
  // 5栋楼道安全巡查: started 30 minutes ago, organised by 赵敏, 张伟 signed up.
  const nowSlot = (t: ContractTarget) => {
    const a = t.backend.db().volunteer?.activities.find((x) => x.title === '5栋楼道安全巡查')
    return a?.slots[0].id ?? ''
  }

  it('checks in with the live code, refuses an old one, and counts half hours into provisional then final hours', async () => {
    const slotId = nowSlot(t)
    const organiser = await as(zhao)
    const z = await as(zhang)
    const old = await t.call(endpoints.getVolunteerCheckInCode, { slotId }, { token: organiser })
    expect(old.code).toMatch(/^\d{6}$/)
    expect(old.qrText).toBe(`linli-vol:${slotId}:${old.code}`)
    t.advance(2 * 60_000)
    const fresh = await t.call(endpoints.getVolunteerCheckInCode, { slotId }, { token: organiser })
    if (fresh.code !== old.code) {
      await expect(t.call(endpoints.checkInVolunteer, { slotId, code: old.code }, { token: z }))
        .rejects.toMatchObject({ status: 400, fields: { code: '签到码已过期或不正确，请看组织者手机上最新的签到码' } })
    }
    await expect(t.call(endpoints.checkOutVolunteer, { slotId, code: fresh.code }, { token: z }))
      .rejects.toMatchObject({ status: 422, message: '您还没有签到，不能签退' })
    const checked = await t.call(endpoints.checkInVolunteer, { slotId, code: fresh.code }, { token: z })
    expect(checked.checkInAt).toBe(new Date(t.now()).toISOString())
    t.advance(70 * 60_000) // 72 minutes in → 1 hour counted
    const code = (await t.call(endpoints.getVolunteerCheckInCode, { slotId }, { token: organiser })).code
    const out = await t.call(endpoints.checkOutVolunteer, { slotId, code }, { token: z })
    expect(out.hours).toMatchObject({ minutes: 60, state: 'provisional' })
    await expect(t.call(endpoints.checkOutVolunteer, { slotId, code }, { token: z }))
      .rejects.toMatchObject({ status: 422, message: '您已签退，不能重复签退' })
    expect(balanceOf(t.backend.db(), `pending:${zhang}`)).toBeGreaterThanOrEqual(2)

    // Points from volunteering only: the time bank's offline-recorded hours leave 公示 meanwhile too.
    const earned = () => {
      const db = t.backend.db()
      const offline = (db.ledger?.transfers ?? []).filter((tr) => tr.source?.kind === 'offline_record')
        .reduce((n, tr) => n + (tr.legs.find((l) => l.account === `person:${zhang}`)?.amount ?? 0), 0)
      return balanceOf(db, `person:${zhang}`) - offline
    }
    const before = earned()
    t.advance(3 * 24 * H + 60_000)
    const overview = await t.call(endpoints.getMyVolunteerOverview, {}, { token: z })
    expect(overview.history.find((x) => x.id === out.id)?.hours?.state).toBe('final')
    await t.call(endpoints.getMyVolunteerOverview, {}, { token: z })
    // 60 min (2 units) + the seeded 图书角 90 min (3) + the seeded 理发 help task auto-confirmed after 72 h (45 min → 1).
    expect(earned() - before).toBe(6)
    const cert = await t.call(endpoints.getVolunteerCertificate, {}, { token: z })
    expect(cert.records.map((r) => r.minutes)).toEqual([150, 90, 60])
    expect(cert).toMatchObject({ name: '张伟', totalMinutes: 300, issuer: '幸福里社区居民委员会' })
  })

  it('refuses check-in outside the window and 补录 beyond the slot end', async () => {
    const slotId = nowSlot(t)
    const organiser = await as(zhao)
    const roster = await t.call(endpoints.getVolunteerRoster, { slotId }, { token: organiser })
    const he = roster.entries.find((e) => e.name === '何晓东')
    expect(he?.checkInAt).toEqual(expect.any(String))
    t.advance(60 * 60_000)
    await expect(t.call(endpoints.recordVolunteerCheckOut, { id: he?.signupId ?? '', checkOutAt: new Date(t.now() + 2 * H).toISOString() }, { token: organiser }))
      .rejects.toMatchObject({ status: 400, fields: { checkOutAt: '补录的签退时间不能晚于时段结束时间' } })
    const recorded = await t.call(endpoints.recordVolunteerCheckOut, { id: he?.signupId ?? '', checkOutAt: new Date(t.now()).toISOString() }, { token: organiser })
    expect(recorded).toMatchObject({ checkOutRecorded: true, hours: { minutes: 90, state: 'provisional' } })
    t.advance(3 * H)
    const code = (await t.call(endpoints.getVolunteerCheckInCode, { slotId }, { token: organiser })).code
    await expect(t.call(endpoints.checkInVolunteer, { slotId, code }, { token: await as(zhang) }))
      .rejects.toMatchObject({ status: 422, message: '不在签到时间内（活动开始前 30 分钟至结束后 30 分钟）' })
  })

  it('pauses self sign-up after a second no-show within 90 days and lets staff lift it', async () => {
    const s = await as(staff)
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 1), endAt: at(t, 3), capacity: 3 }] }), { token: s })
    const sign = await t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: await as('p_013') })
    await expect(t.call(endpoints.markVolunteerNoShow, { id: sign.id, reason: '没有来' }, { token: s }))
      .rejects.toMatchObject({ status: 422, message: '活动开始 15 分钟后才能标记缺席' })
    t.advance(H + 16 * 60_000)
    await t.call(endpoints.markVolunteerNoShow, { id: sign.id, reason: '没有来' }, { token: s })
    const b = await t.call(endpoints.publishVolunteerActivity, draft(t, { slots: [{ startAt: at(t, 1), endAt: at(t, 3), capacity: 3 }] }), { token: s })
    const again = await t.call(endpoints.signUpVolunteerSlot, { slotId: b.slots[0].id }, { token: await as('p_013') })
    t.advance(H + 16 * 60_000)
    await t.call(endpoints.markVolunteerNoShow, { id: again.id, reason: '又没有来' }, { token: s })
    const overview = await t.call(endpoints.getMyVolunteerOverview, {}, { token: await as('p_013') })
    expect(overview.profile.paused).toBe(true)
    const paused = await t.call(endpoints.listPausedVolunteers, {}, { token: s })
    expect(paused.map((p) => p.personId)).toContain('p_013')
    await expect(t.call(endpoints.liftVolunteerPause, { personId: 'p_013' }, { token: await as(zhang) })).rejects.toMatchObject({ status: 403 })
    await expect(t.call(endpoints.liftVolunteerPause, { personId: 'p_013' }, { token: s })).resolves.toMatchObject({ paused: false })
  })

  it('lets a volunteer object during 公示 and staff resolve it to final hours', async () => {
    const z = await as(zhang)
    const overview = await t.call(endpoints.getMyVolunteerOverview, {}, { token: z })
    const provisional = overview.history.find((x) => x.hours?.state === 'provisional')
    expect(provisional?.hours?.minutes).toBe(90)
    await t.call(endpoints.objectVolunteerHours, { id: provisional?.id ?? '', reason: '我待到了最后，应为 2 小时' }, { token: z })
    const s = await as(staff)
    const list = await t.call(endpoints.listVolunteerObjections, {}, { token: s })
    expect(list).toEqual([expect.objectContaining({ name: '张伟', objection: '我待到了最后，应为 2 小时' })])
    await expect(t.call(endpoints.resolveVolunteerHours, { id: provisional?.id ?? '', minutes: 100, note: '核实后更正' }, { token: s }))
      .rejects.toMatchObject({ status: 400, fields: { minutes: '时长按半小时计，应为 30 分钟的整数倍' } })
    await expect(t.call(endpoints.resolveVolunteerHours, { id: provisional?.id ?? '', minutes: 120, note: '核实后更正' }, { token: s }))
      .resolves.toMatchObject({ minutes: 120, state: 'final' })
    t.advance(4 * 24 * H)
    await t.call(endpoints.getMyVolunteerOverview, {}, { token: z })
  })
})
