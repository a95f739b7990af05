// Every refusal of the 志愿服务 and 邻里互助 handlers, each with its exact answer and the state it protects
// (found unguarded by npm run mutate:sample).
import { ledgerOf } from '../handlers/timebank-ledger'
import { seedPersonId, VOLUNTEER_SEED_NAMES } from '../handlers/volunteer-seed'
import { NOW, P, setup } from './timebank-fixture'

type T = ReturnType<typeof setup>
interface Activity { id: string; status: string; title: string; slots: { id: string; startAt: string; endAt: string; capacity: number }[] }
interface Signup { id: string; status: string; checkInAt: string | null; checkOutAt: string | null; hours: { minutes: number; state: string; objection: string | null } | null }
interface Task { id: string; status: string; minutes: number | null; claimerName: string | null; dispute: string | null }

const MIN = 60_000
const H = 60 * MIN
const iso = (t: number) => new Date(t).toISOString()
const DRAFT = { title: '楼道清扫', description: '清理楼道杂物', place: '3栋楼下' }
/** A slot starting `from` ms after NOW, lasting two hours. */
const slotAt = (from: number, capacity = 5) => ({ startAt: iso(NOW + from), endAt: iso(NOW + from + 2 * H), capacity })

const refusal = (status: number, code: string, message: string) => ({ status, body: { code, message } })
const fieldRefusal = (field: string, message: string) => ({ status: 400, body: { code: 'VALIDATION', message, fields: { [field]: message } } })

async function publish(t: T, extra: object = {}, slots = [slotAt(24 * H)], as: string = P.staff) {
  const res = await t.post<Activity>(as, '/volunteer/activities', { ...DRAFT, slots, ...extra })
  expect(res.status).toBe(200)
  return res.body
}

async function signUp(t: T, who: string, slotId: string, status = 'confirmed') {
  const res = await t.post<Signup>(who, `/volunteer/slots/${slotId}/signups`)
  expect([res.status, res.body.status]).toEqual([200, status])
  return res.body.id
}

const codeOf = async (t: T, slotId: string) => (await t.get<{ code: string }>(P.staff, `/volunteer/slots/${slotId}/code`)).body.code

async function checkIn(t: T, who: string, slotId: string) {
  const res = await t.post<Signup>(who, `/volunteer/slots/${slotId}/check-in`, { code: await codeOf(t, slotId) })
  expect([res.status, res.body.checkInAt]).toEqual([200, iso(t.now())])
}

/** A staff activity starting in 20 minutes with 周婷 (free at that hour) signed up and checked in now. */
async function checkedIn(t: T, who: string = P.resident) {
  const a = await publish(t, {}, [slotAt(20 * MIN)])
  const slotId = a.slots[0].id
  const signupId = await signUp(t, who, slotId)
  await checkIn(t, who, slotId)
  return { activity: a, slotId, signupId }
}

const signupRecord = (t: T, id: string) => t.db().volunteer?.signups.find((s) => s.id === id)
const activityRecord = (t: T, id: string) => t.db().volunteer?.activities.find((a) => a.id === id)
const taskRecord = (t: T, id: string) => t.db().volunteer?.help.find((x) => x.id === id)
const ledgerSnapshot = (t: T) => JSON.stringify(ledgerOf(t.db()))
const mine = async (t: T, who: string) => (await t.get<{ upcoming: Signup[]; history: Signup[]; profile: { targetMinutes: number | null } }>(who, '/volunteer/me')).body

async function ask(t: T) {
  const res = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  expect([res.status, res.body.status]).toEqual([200, 'open'])
  return res.body.id
}
async function claimed(t: T) {
  const id = await ask(t)
  expect((await t.post<Task>(P.volunteer, `/volunteer/help/${id}/claim`)).body.status).toBe('claimed')
  return id
}
async function done(t: T, minutes = 60) {
  const id = await claimed(t)
  expect((await t.post<Task>(P.volunteer, `/volunteer/help/${id}/done`, { minutes })).body.status).toBe('done')
  return id
}
async function confirmed(t: T) {
  const id = await done(t)
  expect((await t.post<Task>(P.elderlyResident, `/volunteer/help/${id}/confirm`)).body.status).toBe('confirmed')
  return id
}

describe('volunteer activities', () => {
  it('a staff member cannot publish for a building that does not exist', async () => {
    const t = setup()
    const before = t.db().volunteer?.activities.length
    const res = await t.post(P.staff, '/volunteer/activities', { ...DRAFT, slots: [slotAt(24 * H)], buildingId: 'b_99' })
    expect(res).toEqual(fieldRefusal('buildingId', '楼栋不存在'))
    expect(t.db().volunteer?.activities.length).toBe(before)
  })

  it('a building leader must choose which of their buildings an activity is for', async () => {
    const t = setup()
    const before = t.db().volunteer?.activities.length
    const res = await t.post(P.leader, '/volunteer/activities', { ...DRAFT, slots: [slotAt(24 * H)], buildingId: null })
    expect(res).toEqual(fieldRefusal('buildingId', '请选择活动所属的楼栋'))
    expect(t.db().volunteer?.activities.length).toBe(before)
  })

  it('a cancelled activity cannot be edited any more', async () => {
    const t = setup()
    const a = await publish(t)
    expect((await t.post<Activity>(P.staff, `/volunteer/activities/${a.id}/cancel`, { reason: '天气原因' })).body.status).toBe('cancelled')
    const res = await t.post(P.staff, `/volunteer/activities/${a.id}`, { ...DRAFT, title: '新的名称', slots: [{ id: a.slots[0].id, ...slotAt(24 * H) }] }, undefined, 'PUT')
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '该活动已取消，不能再修改'))
    expect([activityRecord(t, a.id)?.status, activityRecord(t, a.id)?.title]).toEqual(['cancelled', '楼道清扫'])
  })

  it('an edit cannot bring in a slot of another activity', async () => {
    const t = setup()
    const a = await publish(t)
    const b = await publish(t, {}, [slotAt(48 * H)])
    const res = await t.post(P.staff, `/volunteer/activities/${a.id}`, { ...DRAFT, slots: [{ id: a.slots[0].id, ...slotAt(24 * H) }, { id: b.slots[0].id, ...slotAt(48 * H) }] }, undefined, 'PUT')
    expect(res).toEqual(fieldRefusal('slots', '有时段不属于这个活动，请刷新后重试'))
    expect(activityRecord(t, a.id)?.slots.map((s) => s.id)).toEqual([a.slots[0].id])
    expect(activityRecord(t, b.id)?.slots.map((s) => s.id)).toEqual([b.slots[0].id])
  })

  it('an edit of a kept slot cannot end it before it starts', async () => {
    const t = setup()
    const a = await publish(t)
    const start = iso(NOW + 24 * H)
    const res = await t.post(P.staff, `/volunteer/activities/${a.id}`, { ...DRAFT, slots: [{ id: a.slots[0].id, startAt: start, endAt: start, capacity: 5 }] }, undefined, 'PUT')
    expect(res).toEqual(fieldRefusal('slots', '时段的结束时间应晚于开始时间'))
    const slot = activityRecord(t, a.id)?.slots[0]
    expect([slot?.startAt, slot?.endAt]).toEqual([a.slots[0].startAt, a.slots[0].endAt])
  })

  it('nobody can sign up for a cancelled activity', async () => {
    const t = setup()
    const a = await publish(t)
    expect((await t.post<Activity>(P.staff, `/volunteer/activities/${a.id}/cancel`, { reason: '天气原因' })).body.status).toBe('cancelled')
    const res = await t.post(P.resident, `/volunteer/slots/${a.slots[0].id}/signups`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '该活动已取消'))
    expect(t.db().volunteer?.signups.filter((s) => s.slotId === a.slots[0].id)).toEqual([])
  })

  it('nobody can sign up for a slot that has already started', async () => {
    const t = setup()
    const a = await publish(t, {}, [slotAt(H)])
    t.advance(90 * MIN)
    const res = await t.post(P.resident, `/volunteer/slots/${a.slots[0].id}/signups`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '该时段已开始或已结束，不能报名'))
    expect(t.db().volunteer?.signups.filter((s) => s.slotId === a.slots[0].id)).toEqual([])
  })

  it('a minor cannot sign up for an activity for adults, even with a guardian consent', async () => {
    const t = setup()
    const student = seedPersonId(t.db(), VOLUNTEER_SEED_NAMES.student)
    const a = await publish(t, { audience: 'adults' })
    const res = await t.post(student, `/volunteer/slots/${a.slots[0].id}/signups`)
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '该活动仅限成年人参加'))
    expect(t.db().volunteer?.signups.filter((s) => s.slotId === a.slots[0].id)).toEqual([])
  })

  it('someone who is not registered as a student cannot sign up for a students-only activity', async () => {
    const t = setup()
    const a = await publish(t, { audience: 'students' })
    const res = await t.post(P.resident, `/volunteer/slots/${a.slots[0].id}/signups`)
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '该活动仅限学生参加'))
    expect(t.db().volunteer?.signups.filter((s) => s.slotId === a.slots[0].id)).toEqual([])
  })

  it('a volunteer who checked in cannot cancel their sign-up', async () => {
    const t = setup()
    const { signupId } = await checkedIn(t)
    const res = await t.post(P.resident, `/volunteer/signups/${signupId}/cancel`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '您已签到，不能取消报名'))
    expect([signupRecord(t, signupId)?.status, signupRecord(t, signupId)?.checkInAt]).toEqual(['confirmed', iso(NOW)])
  })

  it('a sign-up already cancelled cannot be cancelled again', async () => {
    const t = setup()
    const a = await publish(t)
    const id = await signUp(t, P.resident, a.slots[0].id)
    expect((await t.post<Signup>(P.resident, `/volunteer/signups/${id}/cancel`)).body.status).toBe('cancelled')
    const res = await t.post(P.resident, `/volunteer/signups/${id}/cancel`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '该报名已取消或已结束'))
    expect(signupRecord(t, id)?.status).toBe('cancelled')
  })

  it('the organiser cannot remove a sign-up that was already cancelled', async () => {
    const t = setup()
    const a = await publish(t)
    const id = await signUp(t, P.resident, a.slots[0].id)
    expect((await t.post<Signup>(P.resident, `/volunteer/signups/${id}/cancel`)).body.status).toBe('cancelled')
    const res = await t.post(P.staff, `/volunteer/signups/${id}/remove`, { reason: '多次迟到' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '该报名已取消或已结束'))
    expect([signupRecord(t, id)?.status, signupRecord(t, id)?.removedReason]).toEqual(['cancelled', null])
  })

  it('the organiser cannot remove someone who has checked in', async () => {
    const t = setup()
    const { signupId } = await checkedIn(t)
    const res = await t.post(P.staff, `/volunteer/signups/${signupId}/remove`, { reason: '多次迟到' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '此人已签到，不能移除'))
    expect([signupRecord(t, signupId)?.status, signupRecord(t, signupId)?.removedReason]).toEqual(['confirmed', null])
  })
})

describe('volunteer attendance', () => {
  it('someone not signed up for a slot cannot check in to it', async () => {
    const t = setup()
    const a = await publish(t, {}, [slotAt(20 * MIN)])
    const slotId = a.slots[0].id
    const res = await t.post(P.resident, `/volunteer/slots/${slotId}/check-in`, { code: await codeOf(t, slotId) })
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '您没有报名这个时段，不能签到'))
    expect(t.db().volunteer?.signups.filter((s) => s.slotId === slotId)).toEqual([])
  })

  it('the organiser cannot record a check-out for someone who never checked in', async () => {
    const t = setup()
    const a = await publish(t, {}, [slotAt(20 * MIN)])
    const id = await signUp(t, P.resident, a.slots[0].id)
    t.advance(H)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/signups/${id}/record-check-out`, { checkOutAt: iso(NOW + 50 * MIN) })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '此人没有签到，不能补录签退'))
    expect([signupRecord(t, id)?.checkOutAt, signupRecord(t, id)?.hours]).toEqual([null, null])
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('the organiser cannot record a second check-out for someone who already checked out', async () => {
    const t = setup()
    const { slotId, signupId } = await checkedIn(t)
    t.advance(90 * MIN)
    const out = await t.post<Signup>(P.resident, `/volunteer/slots/${slotId}/check-out`, { code: await codeOf(t, slotId) })
    expect([out.status, out.body.checkOutAt, out.body.hours?.minutes]).toEqual([200, iso(NOW + 90 * MIN), 60])
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/signups/${signupId}/record-check-out`, { checkOutAt: iso(NOW + 140 * MIN) })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '此人已签退，不能重复补录'))
    expect([signupRecord(t, signupId)?.checkOutAt, signupRecord(t, signupId)?.checkOutRecorded, signupRecord(t, signupId)?.hours?.minutes]).toEqual([iso(NOW + 90 * MIN), false, 60])
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('a recorded check-out cannot be earlier than the check-in', async () => {
    const t = setup()
    const { signupId } = await checkedIn(t)
    t.advance(H)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/signups/${signupId}/record-check-out`, { checkOutAt: iso(NOW - 5 * MIN) })
    expect(res).toEqual(fieldRefusal('checkOutAt', '签退时间不能早于签到时间'))
    expect([signupRecord(t, signupId)?.checkOutAt, signupRecord(t, signupId)?.hours]).toEqual([null, null])
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('a recorded check-out cannot be later than now', async () => {
    const t = setup()
    const { signupId } = await checkedIn(t)
    t.advance(30 * MIN)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/signups/${signupId}/record-check-out`, { checkOutAt: iso(NOW + 60 * MIN) })
    expect(res).toEqual(fieldRefusal('checkOutAt', '签退时间不能晚于现在'))
    expect([signupRecord(t, signupId)?.checkOutAt, signupRecord(t, signupId)?.hours]).toEqual([null, null])
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('only a confirmed sign-up can be marked a no-show, not someone on the waitlist', async () => {
    const t = setup()
    const a = await publish(t, {}, [slotAt(20 * MIN, 1)])
    await signUp(t, P.huang, a.slots[0].id)
    const waiting = await signUp(t, P.resident, a.slots[0].id, 'waitlisted')
    t.advance(40 * MIN) // past the 15 minutes after the start, so only the status stands in the way
    const res = await t.post(P.staff, `/volunteer/signups/${waiting}/no-show`, { reason: '未到场' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '只有已报名的人可以标记缺席'))
    expect([signupRecord(t, waiting)?.status, signupRecord(t, waiting)?.noShowReason]).toEqual(['waitlisted', null])
  })

  it('someone who checked in cannot be marked a no-show', async () => {
    const t = setup()
    const { signupId } = await checkedIn(t)
    t.advance(40 * MIN) // past the 15 minutes after the start, so only the check-in stands in the way
    const res = await t.post(P.staff, `/volunteer/signups/${signupId}/no-show`, { reason: '未到场' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '此人已签到，不能标记缺席'))
    expect([signupRecord(t, signupId)?.status, signupRecord(t, signupId)?.noShowReason]).toEqual(['confirmed', null])
  })

  it('only a volunteer registered as a student can set a yearly target', async () => {
    const t = setup()
    const res = await t.post(P.volunteer, '/volunteer/me/target', { targetHours: 20 })
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '只有登记为学生的志愿者可以设置年度目标'))
    expect((await mine(t, P.volunteer)).profile.targetMinutes).toBeNull()
  })

  it('hours cannot be objected to before there are any', async () => {
    const t = setup()
    const a = await publish(t)
    const id = await signUp(t, P.volunteer, a.slots[0].id)
    const res = await t.post(P.volunteer, `/volunteer/signups/${id}/object`, { reason: '时长不对' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '这次活动还没有服务时长记录'))
    expect(signupRecord(t, id)?.hours).toBeNull()
  })

  it('final hours cannot be objected to once the publicity period is over', async () => {
    const t = setup()
    const final = (await mine(t, P.volunteer)).history.filter((s) => s.hours?.state === 'final')
    expect(final.map((s) => s.hours?.minutes)).toEqual([150])
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.volunteer, `/volunteer/signups/${final[0].id}/object`, { reason: '时长不对' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '公示期已结束，时长已确认，不能再提出异议'))
    expect(signupRecord(t, final[0].id)?.hours).toMatchObject({ state: 'final', minutes: 150, objection: null })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('staff cannot resolve hours nobody objected to', async () => {
    const t = setup()
    const provisional = (await mine(t, P.volunteer)).history.filter((s) => s.hours?.state === 'provisional')
    expect(provisional.map((s) => s.hours?.minutes)).toEqual([90])
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/signups/${provisional[0].id}/resolve`, { minutes: 120, note: '按签到记录' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '这条时长没有待处理的异议'))
    expect(signupRecord(t, provisional[0].id)?.hours).toMatchObject({ state: 'provisional', minutes: 90, resolution: null })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('staff cannot lift the pause of someone who does not exist', async () => {
    const t = setup()
    const res = await t.post(P.staff, '/volunteer/people/p_999/lift-pause', {})
    expect(res).toEqual(refusal(404, 'NOT_FOUND', '没有这个人'))
    expect(t.db().volunteer?.profiles.p_999).toBeUndefined()
  })
})

describe('neighbourly help', () => {
  it('only the volunteer who claimed a task can mark it done', async () => {
    const t = setup()
    const id = await claimed(t)
    const res = await t.post(P.he, `/volunteer/help/${id}/done`, { minutes: 60 })
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '只有认领的志愿者可以标记完成'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'claimed', claimerId: P.volunteer, minutes: null, doneAt: null })
  })

  it('a task already done cannot be released', async () => {
    const t = setup()
    const id = await done(t)
    const res = await t.post(P.volunteer, `/volunteer/help/${id}/release`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '当前状态不能放弃认领'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'done', claimerId: P.volunteer, minutes: 60 })
  })

  it('a confirmed task cannot be marked done again with other minutes', async () => {
    const t = setup()
    const id = await confirmed(t)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.volunteer, `/volunteer/help/${id}/done`, { minutes: 120 })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '当前状态不能标记完成'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'confirmed', minutes: 60 })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('the requester cannot withdraw a task the volunteer has done', async () => {
    const t = setup()
    const id = await done(t)
    const res = await t.post(P.elderlyResident, `/volunteer/help/${id}/cancel`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '志愿者已完成帮助，不能撤销，如有问题请提出异议'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'done', minutes: 60 })
  })

  it('the requester cannot confirm before the volunteer marked the task done', async () => {
    const t = setup()
    const id = await claimed(t)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.elderlyResident, `/volunteer/help/${id}/confirm`)
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '志愿者还没有标记完成'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'claimed', confirmedAt: null, credited: false })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('staff cannot settle a task nobody disputed', async () => {
    const t = setup()
    const id = await done(t)
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/help/${id}/settle`, { minutes: 60, note: '核实无误' })
    expect(res).toEqual(refusal(422, 'INVALID_STATE', '这个请求没有待处理的异议'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'done', settlement: null, credited: false })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('staff cannot change the minutes of a disputed task already credited to the time bank', async () => {
    const t = setup()
    const id = await confirmed(t)
    expect((await t.post<Task>(P.elderlyResident, `/volunteer/help/${id}/dispute`, { reason: '只用了半小时' })).body.status).toBe('disputed')
    const ledger = ledgerSnapshot(t)
    const res = await t.post(P.staff, `/volunteer/help/${id}/settle`, { minutes: 30, note: '按半小时计' })
    expect(res).toEqual(fieldRefusal('minutes', '时长已计入时间银行，更正请在时间银行中办理'))
    expect(taskRecord(t, id)).toMatchObject({ status: 'disputed', minutes: 60, settlement: null })
    expect(ledgerSnapshot(t)).toBe(ledger)
  })

  it('a building leader cannot ask for help on behalf of someone who does not exist', async () => {
    const t = setup()
    const before = t.db().volunteer?.help.length
    const res = await t.post(P.leader, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午', forPersonId: 'p_999' })
    expect(res).toEqual(refusal(404, 'NOT_FOUND', '没有这位居民'))
    expect(t.db().volunteer?.help.length).toBe(before)
  })

  it('someone without a bound home cannot ask for help at home', async () => {
    const t = setup()
    const before = t.db().volunteer?.help.length
    const res = await t.post(P.staff, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '请先绑定房屋后再申请上门帮助'))
    expect(t.db().volunteer?.help.length).toBe(before)
  })

  it.each([
    ['read', 'get', '/volunteer/help/vh_9999'],
    ['claim', 'post', '/volunteer/help/vh_9999/claim']
  ] as const)('a help task that does not exist cannot be %sed', async (_what, method, path) => {
    const t = setup()
    const res = method === 'get' ? await t.get(P.volunteer, path) : await t.post(P.volunteer, path)
    expect(res).toEqual(refusal(404, 'NOT_FOUND', '该互助请求不存在'))
  })
})

describe('volunteer records and permissions', () => {
  const organiserOnly: [string, 'get' | 'post', (a: Activity) => string, object][] = [
    ['cancel the activity', 'post', (a) => `/volunteer/activities/${a.id}/cancel`, { reason: '天气原因' }],
    ['see the roster', 'get', (a) => `/volunteer/slots/${a.slots[0].id}/roster`, {}],
    ['see the check-in code', 'get', (a) => `/volunteer/slots/${a.slots[0].id}/code`, {}]
  ]
  it.each(organiserOnly)('someone who neither organises the activity nor is staff cannot %s', async (_what, method, pathOf, body) => {
    const t = setup()
    const a = await publish(t)
    const res = method === 'get' ? await t.get(P.volunteer, pathOf(a)) : await t.post(P.volunteer, pathOf(a), body)
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '只有活动组织者或社区工作人员可以进行此操作'))
    expect(activityRecord(t, a.id)?.status).toBe('published')
  })

  it('the organiser of another activity cannot remove a sign-up of this one', async () => {
    const t = setup()
    const a = await publish(t)
    const id = await signUp(t, P.resident, a.slots[0].id)
    const res = await t.post(P.leaderJinxiu, `/volunteer/signups/${id}/remove`, { reason: '多次迟到' })
    expect(res).toEqual(refusal(403, 'FORBIDDEN', '只有活动组织者或社区工作人员可以进行此操作'))
    expect([signupRecord(t, id)?.status, signupRecord(t, id)?.removedReason]).toEqual(['confirmed', null])
  })

  it('an activity that does not exist cannot be read', async () => {
    const t = setup()
    expect(await t.get(P.resident, '/volunteer/activities/va_9999')).toEqual(refusal(404, 'NOT_FOUND', '该志愿活动不存在'))
  })

  it('nobody can sign up for a slot that does not exist', async () => {
    const t = setup()
    const before = t.db().volunteer?.signups.length
    expect(await t.post(P.resident, '/volunteer/slots/vs_9999/signups')).toEqual(refusal(404, 'NOT_FOUND', '该活动时段不存在'))
    expect(t.db().volunteer?.signups.length).toBe(before)
  })

  it('a sign-up that does not exist cannot be cancelled', async () => {
    const t = setup()
    expect(await t.post(P.resident, '/volunteer/signups/vr_9999/cancel')).toEqual(refusal(404, 'NOT_FOUND', '该报名记录不存在'))
  })

  it("someone cannot cancel another person's sign-up: it is not theirs to see", async () => {
    const t = setup()
    const a = await publish(t)
    const id = await signUp(t, P.resident, a.slots[0].id)
    const res = await t.post(P.volunteer, `/volunteer/signups/${id}/cancel`)
    expect(res).toEqual(refusal(404, 'NOT_FOUND', '该报名记录不存在'))
    expect(signupRecord(t, id)?.status).toBe('confirmed')
  })
})
