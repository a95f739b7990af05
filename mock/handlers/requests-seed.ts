// Seed for 民生诉求: places (buildings + public spots), 秒回 answers, and ~30 historical requests
// over the past two months, every state reached through the state machine. Deterministic.
import { categoryOf, REQUEST_CATEGORIES, type CategoryCode, type Place } from '../../types/contract'
import type { Db } from '../db'
import type { SeedEnv } from '../domain'
import { pick, type Rng } from '../rng'
import { KEY_PEOPLE } from '../seed-community'
import { seedQuickAnswers } from './requests-quick-answers'
import { act, type EventInput } from './requests-machine'
import { notifyRequestChange } from './requests-notify'
import { fileRequest, personRef, type ServiceRequestRecord } from './requests-store'

const HOUR = 3600_000
const DAY = 24 * HOUR

function seedPlaces(db: Db): Place[] {
  const c = db.community.center
  const at = (dLat: number, dLng: number) => ({ lat: +(c.lat + dLat).toFixed(6), lng: +(c.lng + dLng).toFixed(6) })
  const b3 = db.buildings.find((b) => b.id === 'b_3')?.location ?? c
  const spots: Place[] = [
    { id: 's_east_gate', name: '东门', kind: 'spot', location: at(0, 0.0015), estateName: null },
    { id: 's_south_gate', name: '南门', kind: 'spot', location: at(-0.0014, 0), estateName: null },
    { id: 's_garage', name: '地下车库入口', kind: 'spot', location: at(0.0001, -0.0015), estateName: null },
    { id: 's_plaza_3', name: '3栋前广场', kind: 'spot', location: { lat: +(b3.lat - 0.0004).toFixed(6), lng: b3.lng }, estateName: '桂花苑' },
    { id: 's_playground', name: '儿童游乐场', kind: 'spot', location: at(0, -0.0006), estateName: null },
    { id: 's_garbage', name: '垃圾分类站', kind: 'spot', location: at(0, 0.0008), estateName: null },
    { id: 's_garden', name: '中心花园', kind: 'spot', location: at(0.0001, 0.0001), estateName: null },
    { id: 's_parcel', name: '快递柜', kind: 'spot', location: at(-0.0012, 0.0006), estateName: null }
  ]
  const buildings: Place[] = db.buildings.map((b) => ({
    id: b.id, name: b.name, kind: 'building', location: b.location,
    estateName: db.estates.find((e) => e.id === b.estateId)?.name ?? null
  }))
  return [...spots, ...buildings]
}

const TEMPLATES: Record<CategoryCode, [string, Record<string, string>][]> = {
  streetlight: [['{p}的路灯晚上不亮，路过很黑，老人走路不安全', { lamp_state: 'off' }], ['{p}附近的路灯一直闪烁，晚上很晃眼', { lamp_state: 'flicker' }], ['{p}的灯白天也一直亮着，太浪费电了', { lamp_state: 'day_on', lamp_count: '2' }]],
  sanitation: [['{p}旁边垃圾堆了好几天没人清理，气味很大', { issue_type: 'garbage' }], ['{p}附近下水道返水，地面都是污水', { issue_type: 'sewage' }], ['{p}附近蚊子特别多，希望安排消杀', { issue_type: 'pests' }]],
  safety: [['{p}消防通道被电动车堵住了，存在安全隐患', { urgent: 'no', hazard_type: 'fire_lane' }], ['{p}有人从楼道私拉电线给电动车充电，很危险', { urgent: 'yes', hazard_type: 'wiring' }], ['{p}外墙瓷砖有松动，担心掉下来砸到人', { urgent: 'no', hazard_type: 'falling' }]],
  noise: [['{p}有住户装修，中午午休时间也在用电钻', { period: 'noon', source: 'renovation' }], ['晚上十点以后{p}还有人跳广场舞，音响声音很大', { period: 'night', source: 'dance' }]],
  facility: [['{p}的电梯经常停运，老人上下楼很不方便', { facility_type: 'elevator' }], ['{p}单元门禁坏了，门一直关不上', { facility_type: 'door' }], ['{p}的健身器材螺丝松了，孩子玩有危险', { facility_type: 'fitness' }]],
  property: [['{p}的地面车位被长期占用，物业一直不管', { topic: 'parking' }], ['{p}报修的水管漏水一周了还没人来修', { topic: 'repair' }]],
  other: [['{p}的广告牌松动了，大风天很危险', { summary: '广告牌松动' }], ['希望在{p}增加几张休息长椅，方便老人歇脚', {}]]
}

/** A closing result per category; where a category's templates differ (noise), one per template. */
const RESULTS: Record<CategoryCode, string | string[]> = {
  streetlight: '已更换灯具并检修线路，恢复正常照明',
  sanitation: '已清运垃圾并完成消杀，物业将加密清扫频次',
  safety: '已清理隐患并张贴提醒，网格员将持续巡查',
  noise: ['已上门沟通，装修住户承诺午休时间和夜间不再施工', '已与广场舞队沟通，活动改到晚上九点前结束并调低音量'],
  facility: '已联系维保单位修复，经测试使用正常',
  property: '物业已处理并电话回访业主',
  other: '已协调相关单位处理完毕'
}

function resultFor(spec: { code: CategoryCode; template: number }): string {
  const r = RESULTS[spec.code]
  return Array.isArray(r) ? r[spec.template % r.length] : r
}

const DECLINE_REASONS = ['经核实，该问题属于业主之间的民事纠纷，不属于社区受理范围，建议协商或申请人民调解', '该问题已由市政部门统一安排施工，请关注社区公告']

interface Spec { at: number; code: CategoryCode; template: number; placeId: string; filer: string; forWhom?: string; anonymous: boolean; outcome: Outcome; rated?: boolean; followers?: string[] }
type Outcome = 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'closed' | 'declined' | 'duplicate'

function randomOutcome(rng: Rng, ageDays: number): Outcome {
  const x = rng()
  if (ageDays > 10) return x < 0.76 ? 'closed' : x < 0.88 ? 'declined' : x < 0.96 ? 'duplicate' : 'in_progress'
  if (ageDays > 3) return x < 0.5 ? 'closed' : x < 0.8 ? 'in_progress' : x < 0.9 ? 'dispatched' : 'accepted'
  return x < 0.4 ? 'submitted' : x < 0.7 ? 'accepted' : x < 0.85 ? 'dispatched' : 'in_progress'
}

/** Walks a filed record through the machine to its outcome, at plausible times before `now`. */
function advance(db: Db, rng: Rng, r: ServiceRequestRecord, spec: Spec, now: number, earlier: ServiceRequestRecord[]) {
  const staff = db.persons.find((p) => p.id === KEY_PEOPLE.staff)
  const director = db.persons.find((p) => p.id === KEY_PEOPLE.director)
  const actor = (p = staff): EventInput => ({ actorName: `${p?.staffTitle} ${p?.name}`, actorId: p?.id ?? null })
  const category = categoryOf(spec.code) ?? REQUEST_CATEGORIES[0]
  let t = spec.at
  const step = (min: number, max: number) => { t = Math.min(now - 60_000, t + (min + rng() * (max - min)) * HOUR); return t }
  // Messages only for the last two weeks; those older than two days were already read.
  const done = () => {
    if (t < now - 14 * DAY) return
    for (const m of notifyRequestChange(db, r, t)) if (t < now - 2 * DAY) m.readAt = new Date(t + HOUR).toISOString()
  }
  if (spec.outcome === 'submitted') return
  if (spec.outcome === 'duplicate') {
    const original = earlier.find((o) => o.categoryCode === r.categoryCode && o.status !== 'declined' && o.status !== 'duplicate')
    if (original) {
      act(db, r, 'duplicate', step(1, 6), { ...actor(), note: `与 ${original.caseNumber} 重复，请关注原诉求的办理进展` }, () => {
        r.duplicateOfId = original.id
        if (r.filedBy.personId && !original.followers.includes(r.filedBy.personId)) original.followers.push(r.filedBy.personId)
      })
      return done()
    }
  }
  act(db, r, 'accept', step(1, 6), actor()); done()
  if (spec.outcome === 'accepted') return
  if (spec.outcome === 'declined' || spec.outcome === 'duplicate') {
    const reason = pick(rng, DECLINE_REASONS)
    act(db, r, 'decline', step(1, 12), { ...actor(director), note: reason }, () => { r.declineReason = reason })
    return done()
  }
  const dept = db.departments.find((d) => d.id === category.suggestedDepartmentId)
  act(db, r, 'dispatch', step(1, 4), { ...actor(), note: `派单至${dept?.name}` }, () => { r.departmentId = dept?.id ?? null }); done()
  if (spec.outcome === 'dispatched') return
  act(db, r, 'note', step(6, 24), { ...actor(), note: `${dept?.name}已到现场查看，正在处理` }); done()
  if (spec.outcome === 'in_progress') return
  act(db, r, 'close', step(category.expectedHours * 0.3, category.expectedHours * 1.2), { ...actor(), note: resultFor(spec) }, () => { r.closedAt = new Date(t).toISOString() }); done()
  if (!spec.rated || t + 2 * HOUR > now) return
  const star = () => (rng() < 0.7 ? 5 : rng() < 0.7 ? 4 : 3)
  const rating = { speed: star(), result: star(), attitude: star(), comment: rng() < 0.5 ? '处理及时，谢谢社区' : '', at: '' }
  const filer = db.persons.find((p) => p.id === r.filedBy.personId)
  act(db, r, 'rate', step(2, 30), { actorName: filer?.name ?? '居民', actorId: filer?.id ?? null, note: `速度 ${rating.speed} 星 · 结果 ${rating.result} 星 · 态度 ${rating.attitude} 星` }, () => {
    r.rating = { ...rating, at: new Date(t).toISOString() }
  })
}

export function seedRequests(db: Db, { now, rng }: SeedEnv) {
  db.requestPlaces = seedPlaces(db)
  db.quickAnswers = seedQuickAnswers()
  db.serviceRequests = []
  db.requestSubscriptions = []
  const residents = db.persons.filter((p) => p.roomId).map((p) => p.id)
  const placeIds = db.requestPlaces.map((p) => p.id)
  const buildingIds = db.buildings.map((b) => b.id)
  const specs: Spec[] = []
  for (let i = 0; i < 26; i++) {
    const ageDays = 0.2 + rng() * 59
    const code = pick(rng, REQUEST_CATEGORIES).code
    const template = Math.floor(rng() * TEMPLATES[code].length)
    // Elevators, doors, pipes and renovations happen in buildings; the rest anywhere.
    const indoor = /电梯|门禁|水管|装修/.test(TEMPLATES[code][template][0])
    specs.push({
      at: now - ageDays * DAY, code, template, placeId: pick(rng, indoor ? buildingIds : placeIds),
      filer: pick(rng, residents), anonymous: rng() < 0.3, outcome: randomOutcome(rng, ageDays), rated: rng() < 0.65,
      followers: rng() < 0.3 ? [pick(rng, residents), pick(rng, residents)] : []
    })
  }
  // Fixed requests the demo and the e2e journeys rely on (周婷, 王秀英 via 楼长 李建国, a queue item).
  specs.push(
    { at: now - 12 * DAY, code: 'noise', template: 0, placeId: 'b_1', filer: KEY_PEOPLE.resident, anonymous: false, outcome: 'closed', rated: true },
    { at: now - 5 * DAY, code: 'streetlight', template: 0, placeId: 'b_1', filer: KEY_PEOPLE.resident, anonymous: false, outcome: 'closed', rated: false },
    { at: now - 4 * DAY, code: 'sanitation', template: 0, placeId: 's_garbage', filer: KEY_PEOPLE.resident, anonymous: true, outcome: 'in_progress' },
    { at: now - 1 * DAY, code: 'facility', template: 0, placeId: 'b_3', filer: KEY_PEOPLE.leader, forWhom: KEY_PEOPLE.elderlyResident, anonymous: false, outcome: 'dispatched' },
    { at: now - 5 * HOUR, code: 'streetlight', template: 0, placeId: 's_plaza_3', filer: 'p_010', anonymous: false, outcome: 'submitted', followers: ['p_009', 'p_011'] }
  )
  specs.sort((a, b) => a.at - b.at)
  const filed: ServiceRequestRecord[] = []
  for (const spec of specs) {
    const person = (id: string) => db.persons.find((p) => p.id === id)
    const filer = person(spec.filer)
    if (!filer) continue
    const place = db.requestPlaces.find((p) => p.id === spec.placeId)
    const [text, answers] = TEMPLATES[spec.code][spec.template]
    const forWhom = spec.forWhom ? person(spec.forWhom) : undefined
    const r = fileRequest(db, spec.at, {
      categoryCode: spec.code, answers, description: text.replace('{p}', place?.name ?? '小区'), photos: [],
      location: { placeId: spec.placeId, placeName: place?.name ?? '', point: null, note: null },
      anonymous: spec.anonymous, filedBy: personRef(filer), onBehalfOf: forWhom ? personRef(forWhom) : null, channel: 'app'
    })
    r.followers = [...new Set(spec.followers ?? [])].filter((id) => id !== filer.id)
    advance(db, rng, r, spec, now, filed)
    filed.push(r)
  }
}
