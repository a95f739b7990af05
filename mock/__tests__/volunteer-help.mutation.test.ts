// What the requester of 邻里互助 may do at each step (found unguarded by npm run mutate:sample):
// 确认完成 only once the helper marked it done, never before, never after, never for the helper;
// how far the task is from each viewer's home.
import { P, setup } from './timebank-fixture'

interface Task { id: string; status: string; distanceM: number | null; can: Record<string, boolean> }

it('offers confirm to the requester only while the task is done', async () => {
  const t = setup()
  const confirmFor = async (as: string, id: string) => {
    const { body } = await t.get<Task>(as, `/volunteer/help/${id}`)
    return `${body.status}:${body.can.confirm}`
  }
  const asked = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  expect(asked.status).toBe(200)
  const id = asked.body.id
  expect(await confirmFor(P.elderlyResident, id)).toBe('open:false')
  // Metres from each viewer's own building to 桂花苑 3栋: 0 from 3栋, 123 from 1栋, 181 from 锦绣园 5栋.
  const distanceFor = async (as: string) => (await t.get<Task>(as, `/volunteer/help/${id}`)).body.distanceM
  expect([await distanceFor(P.elderlyResident), await distanceFor(P.resident), await distanceFor(P.volunteer)]).toEqual([0, 123, 181])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/claim`)).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('claimed:false')
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/done`, { minutes: 60 })).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('done:true')
  expect(await confirmFor(P.volunteer, id)).toBe('done:false')
  expect((await t.post(P.elderlyResident, `/volunteer/help/${id}/confirm`)).status).toBe(200)
  expect(await confirmFor(P.elderlyResident, id)).toBe('confirmed:false')
})

it('lists only open tasks to volunteers, and offers 取消 to the requester until the task is done', async () => {
  const t = setup()
  const statuses = () => Object.fromEntries(t.db().volunteer!.help.map((x) => [x.id, x.status]))
  const open = await t.get<Task[]>(P.volunteer, '/volunteer/help?view=open')
  expect(open.status).toBe(200)
  const openIds = Object.entries(statuses()).filter(([, s]) => s === 'open').map(([id]) => id).sort()
  expect(openIds.length).toBeGreaterThanOrEqual(2)
  expect(open.body.map((x) => x.id).sort()).toEqual(openIds)
  expect(new Set(Object.values(statuses()))).toEqual(new Set(['open', 'claimed', 'done', 'confirmed']))

  const cancelFor = async (as: string, id: string) => (await t.get<Task>(as, `/volunteer/help/${id}`)).body.can.cancel
  const asked = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  const id = asked.body.id
  expect([await cancelFor(P.elderlyResident, id), await cancelFor(P.resident, id)]).toEqual([true, false])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/claim`)).status).toBe(200)
  expect([await cancelFor(P.elderlyResident, id), await cancelFor(P.volunteer, id)]).toEqual([true, false])
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/done`, { minutes: 60 })).status).toBe(200)
  expect(await cancelFor(P.elderlyResident, id)).toBe(false)
})

it('lists what a volunteer claimed and what a resident asked, newest first; a release reopens the task and tells the requester', async () => {
  const t = setup()
  const ids = async (as: string, view: string) => (await t.get<Task[]>(as, `/volunteer/help?view=${view}`)).body.map((x) => x.id)
  const seeded = t.db().volunteer!.help
  const newestFirst = (xs: typeof seeded) => [...xs].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((x) => x.id)
  const claimedBy3 = seeded.filter((x) => x.claimerId === P.volunteer)
  expect(claimedBy3.length).toBeGreaterThanOrEqual(2)
  expect(await ids(P.volunteer, 'claimed')).toEqual(newestFirst(claimedBy3))
  const askedBy1 = seeded.filter((x) => x.requesterId === P.elderlyResident)
  expect(askedBy1.length).toBeGreaterThanOrEqual(2)
  expect(await ids(P.elderlyResident, 'asked')).toEqual(newestFirst(askedBy1))
  // What a 楼长 filed for a neighbour is in their 我的求助 too.
  const filedBy7 = seeded.filter((x) => x.filedById === 'p_007' || x.requesterId === 'p_007')
  expect(filedBy7.length).toBeGreaterThanOrEqual(1)
  expect(await ids('p_007', 'asked')).toEqual(newestFirst(filedBy7))
  expect((await t.get(P.resident, '/volunteer/help?view=staff')).status).toBe(403)

  t.advance(60_000)
  const asked = await t.post<Task>(P.elderlyResident, '/volunteer/help', { kind: 'groceries', detail: '帮忙买菜', whenText: '明天上午' })
  const id = asked.body.id
  expect((await ids(P.elderlyResident, 'asked'))[0]).toBe(id)
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/release`)).body).toMatchObject({ code: 'FORBIDDEN', message: '只有认领的志愿者可以放弃' })
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/claim`)).status).toBe(200)
  const latest = async (as: string) => (await t.get<{ items: { title: string; body: string }[] }>(as, '/messages')).body.items[0]
  expect(await latest(P.elderlyResident)).toMatchObject({ title: '有志愿者认领了您的请求' })
  expect((await ids(P.volunteer, 'claimed'))[0]).toBe(id)
  const released = await t.post<Task>(P.volunteer, `/volunteer/help/${id}/release`)
  expect([released.status, released.body.status]).toEqual([200, 'open'])
  expect(await latest(P.elderlyResident)).toMatchObject({ title: '志愿者放弃了认领' })
  expect(await ids(P.volunteer, 'claimed')).not.toContain(id)
  expect((await t.post(P.volunteer, `/volunteer/help/${id}/release`)).body).toMatchObject({ code: 'FORBIDDEN' })
})
