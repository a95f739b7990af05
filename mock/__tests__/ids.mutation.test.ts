// Every record a write creates carries the id of its kind (seed-14 survivors of npm run
// mutate:sample showed a blanked prefix going unnoticed): links, lookups and the 公示 list all read
// an id's prefix, so `_0012` where `tx_0012` belongs is a broken record.
import { VALID_REQUEST } from './requests-fixture'
import { P, setup } from './timebank-fixture'

const H = 3600_000
const iso = (t: number) => new Date(t).toISOString()

it('gives each new record the id prefix of its kind', async () => {
  const t = setup()
  const ids: Record<string, unknown> = {}
  const id = async (label: string, res: Promise<{ status: number; body: Record<string, unknown> }>, field = 'id') => {
    const r = await res
    expect([label, r.status]).toEqual([label, 200])
    ids[label] = r.body[field]
    return r.body[field] as string
  }
  const offer = await id('offer', t.post(P.volunteer, '/timebank/offers', { title: '修电脑', description: '', ratePerHour: 4 }))
  await id('booking', t.post(P.resident, `/timebank/offers/${offer}/book`, { hours: 2, note: '' }))
  await id('need', t.post(P.resident, '/timebank/needs', { title: '帮忙搬柜子', description: '', points: 4 }))
  const goods = await id('goods', t.post(P.staff, '/timebank/goods', { name: '环保布袋（新款）', description: '', points: 4, monthlyLimit: 0, stock: 5 }))
  await id('order', t.post(P.volunteer, `/timebank/goods/${goods}/redeem`, { quantity: 1 }))
  await id('gift', t.post(P.volunteer, '/timebank/gifts', { to: 'pool', points: 2 }), 'transferId')
  await id('proposal', t.post(P.elderlyResident, '/council/proposals', { title: '3栋楼下增设休息座椅', reason: '老人下楼散步走不远，楼下没有可以坐的地方。', solution: '在3栋门口绿化带旁放置两张长椅。', scope: { kind: 'buildings', ids: ['b_3'] }, kind: 'resident' }))
  const commented = await t.post<{ comments: { id: string; body: string }[] }>(P.elderlyResident, '/council/proposals/cp_0001/comments', { body: '我也赞成加装扶手' })
  ids.comment = commented.body.comments.find((c) => c.body === '我也赞成加装扶手')?.id
  const objected = await t.post<{ objections: { id: string }[] }>(P.resident, '/council/proposals/cp_0006/objections', { body: '公示的票数和我了解的不一致' })
  ids.objection = objected.body.objections?.[objected.body.objections.length - 1]?.id
  const met = await t.post<{ meetings: { id: string }[] }>(P.staff, '/council/staff/proposals/cp_0003/meetings', { kind: 'coordination', startsAt: iso(t.now() + 48 * H), place: '社区会议室', capacity: 20 })
  ids.meeting = met.body.meetings?.[met.body.meetings.length - 1]?.id
  await id('request', t.post(P.resident, '/requests', VALID_REQUEST))
  await id('help', t.post(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' }))
  const activity = await t.post<{ id: string; slots: { id: string }[] }>(P.staff, '/volunteer/activities', { title: '楼道清扫', description: '说明', place: '3栋楼下', slots: [{ startAt: iso(t.now() + 48 * H), endAt: iso(t.now() + 50 * H), capacity: 3 }] })
  ids.activity = activity.body.id
  ids.slot = activity.body.slots[0].id
  await id('signup', t.post(P.resident, `/volunteer/slots/${activity.body.slots[0].id}/signups`))

  const prefixes = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/\d+$/, 'N') : v]))
  expect(prefixes).toEqual({
    offer: 'tf_N', booking: 'tx_N', need: 'tx_N', goods: 'tg_N', order: 'to_N', gift: 'tt_N', proposal: 'cp_N', comment: 'cc_N',
    objection: 'co_N', meeting: 'cm_N', request: 'sr_N', help: 'vh_N', activity: 'va_N', slot: 'vs_N', signup: 'vr_N'
  })
})
