// 志愿服务 people around sign-up, over both transports: staff list minors with their guardian's
// consent and record it (the minor may then sign up), and the day-before reminder goes in-app to
// everyone signed up and through WeChat once to those who accepted the subscription.
import { KEY_PEOPLE } from '../../mock'
import { seedPersonId, VOLUNTEER_SEED_NAMES } from '../../mock/handlers/volunteer-seed'
import { endpoints, type ActivityDraft } from '../../types/contract'
import { describeBothTransports, type ContractTarget } from '../helpers/contract'

const { staff, volunteer: zhang, resident: zhou } = KEY_PEOPLE
const H = 3600_000
const at = (t: ContractTarget, hours: number) => new Date(t.now() + hours * H).toISOString()
const draft = (t: ContractTarget, patch: Partial<ActivityDraft> = {}): ActivityDraft => ({
  title: '楼道小广告清理', description: '清理楼道里的小广告。', place: '桂花苑 3栋楼下',
  slots: [{ startAt: at(t, 30), endAt: at(t, 32), capacity: 5 }], ...patch
})

describeBothTransports('volunteer guardian consent and reminder subscription contract', (t) => {
  const as = async (id: string) => (await t.loginAs(id)).token

  it('lists minors to staff only, records a guardian\'s name within 2–20 characters, and the minor may then sign up', async () => {
    const db = t.backend.db()
    const student = seedPersonId(db, VOLUNTEER_SEED_NAMES.student)
    const profile = db.volunteer?.profiles[student]
    if (profile) profile.guardianConsent = null
    t.backend.persist()
    const s = await as(staff)
    const minors = await t.call(endpoints.listMinorVolunteers, {}, { token: s })
    expect(minors).toEqual([{ personId: student, name: '林小雨', age: 16, building: '锦绣园 5栋', guardianName: null, consentAt: null }])
    await expect(t.call(endpoints.listMinorVolunteers, {}, { token: await as(zhou) }))
      .rejects.toMatchObject({ status: 403, message: '仅社区工作人员可以查看' })

    const a = await t.call(endpoints.publishVolunteerActivity, draft(t), { token: s })
    const m = await as(student)
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: m }))
      .rejects.toMatchObject({ status: 403, message: '未成年人报名需先由监护人同意，请联系社区工作人员登记' })

    await expect(t.call(endpoints.recordGuardianConsent, { personId: student, guardianName: '林建华' }, { token: await as(zhang) }))
      .rejects.toMatchObject({ status: 403, message: '仅社区工作人员可以登记监护人同意' })
    await expect(t.call(endpoints.recordGuardianConsent, { personId: student, guardianName: ' 林 ' }, { token: s }))
      .rejects.toMatchObject({ status: 400, fields: { guardianName: '监护人姓名至少需要 2 个字' } })
    await expect(t.call(endpoints.recordGuardianConsent, { personId: student, guardianName: '林'.repeat(21) }, { token: s }))
      .rejects.toMatchObject({ status: 400, fields: { guardianName: '监护人姓名不能超过 20 个字' } })
    await expect(t.call(endpoints.recordGuardianConsent, { personId: zhou, guardianName: '林建华' }, { token: s }))
      .rejects.toMatchObject({ status: 422, message: '已成年，无需登记监护人同意' })
    await expect(t.call(endpoints.recordGuardianConsent, { personId: 'p_999', guardianName: '林建华' }, { token: s }))
      .rejects.toMatchObject({ status: 404 })

    const recorded = await t.call(endpoints.recordGuardianConsent, { personId: student, guardianName: '林建华' }, { token: s })
    expect(recorded).toMatchObject({ personId: student, minor: true, guardianConsent: true })
    const after = await t.call(endpoints.listMinorVolunteers, {}, { token: s })
    expect(after[0]).toMatchObject({ guardianName: '林建华', consentAt: new Date(t.now()).toISOString() })
    const inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: m })
    expect(inbox.items[0]).toMatchObject({ title: '监护人同意已登记' })
    await expect(t.call(endpoints.signUpVolunteerSlot, { slotId: a.slots[0].id }, { token: m })).resolves.toMatchObject({ status: 'confirmed' })
  })

  it('records a subscription only for a slot one signed up for', async () => {
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t), { token: await as(staff) })
    const slotId = a.slots[0].id
    const z = await as(zhang)
    await expect(t.call(endpoints.recordVolunteerSubscription, { slotId, result: 'accept' }, { token: z }))
      .rejects.toMatchObject({ status: 404, message: '您没有报名这个时段' })
    await expect(t.call(endpoints.recordVolunteerSubscription, { slotId, result: 'maybe' as never }, { token: z }))
      .rejects.toMatchObject({ status: 400, fields: { result: '订阅结果不正确' } })
    await t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: z })
    await expect(t.call(endpoints.recordVolunteerSubscription, { slotId, result: 'accept' }, { token: z }))
      .resolves.toEqual({ slotId, result: 'accept', at: new Date(t.now()).toISOString() })
  })

  it('reminds the day before: in-app to everyone signed up, through the subscription once to those who accepted', async () => {
    const a = await t.call(endpoints.publishVolunteerActivity, draft(t), { token: await as(staff) })
    const slotId = a.slots[0].id
    const z = await as(zhang)
    const w = await as(zhou)
    await t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: z })
    await t.call(endpoints.signUpVolunteerSlot, { slotId }, { token: w })
    await t.call(endpoints.recordVolunteerSubscription, { slotId, result: 'accept' }, { token: z })
    await t.call(endpoints.recordVolunteerSubscription, { slotId, result: 'reject' }, { token: w })
    const log = () => (t.backend.db().volunteer?.reminders ?? []).filter((r) => r.slotId === slotId).map((r) => `${r.personId}:${r.channel}`).sort()

    t.advance(5 * H) // 25 hours before the start: not yet
    await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(log()).toEqual([])

    t.advance(2 * H) // 23 hours before
    const inbox = await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: z })
    expect(inbox.items[0].title).toBe('志愿活动明天开始')
    expect(log()).toEqual([`${zhang}:app`, `${zhang}:subscription`, `${zhou}:app`].sort())
    expect(t.backend.db().volunteer?.subscriptions?.find((x) => x.personId === zhang && x.slotId === slotId)?.sentAt).toBe(new Date(t.now()).toISOString())

    t.advance(H)
    await t.call(endpoints.listMessages, { kind: 'volunteer' }, { token: w })
    expect(log()).toHaveLength(3)
    const told = (t.backend.db().messages ?? []).filter((x) => x.title === '志愿活动明天开始' && x.link?.endsWith(a.id))
    expect(told.map((x) => x.personId).sort()).toEqual([zhang, zhou].sort())
  })

  it('shows the 证明\'s number as issued, not hidden as if it were a phone number', async () => {
    const cert = await t.call(endpoints.getVolunteerCertificate, {}, { token: await as(zhang) })
    expect(cert.number).toBe('LLZY-20261129-003-001')
    expect(cert.records.map((r) => r.activityTitle)).toEqual(['垃圾分类宣传'])
  })
})
