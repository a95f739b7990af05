// The seeded 志愿服务 of 幸福里社区: upcoming activities with places, one full with a waitlist, one
// happening now (for the check-in demo), past ones with provisional and final hours; help tasks in
// every state; a student volunteer with a target; a resident paused for no-shows.
import { HELP_KIND_LABELS, unitsForMinutes, type Id, type SignupStatus } from '../../types/contract'
import type { Db } from '../db'
import type { SeedEnv } from '../domain'
import { credit } from './timebank-ledger'
import { vol, type ActivityRecord, type HoursRecord, type SignupRecord } from './volunteer-store'
import type { HelpTaskRecord } from './volunteer-help-store'

const H = 3600_000

/** Names of the two people this domain appends to the census (after every existing person). */
export const VOLUNTEER_SEED_NAMES = { student: '林小雨', paused: '马建军' } as const

export const seedPersonId = (db: Db, name: string): Id => db.persons.find((p) => p.name === name)?.id ?? ''

function nextId(db: Db, prefix: string) {
  const n = (db.seq[prefix] ?? 0) + 1
  db.seq[prefix] = n
  return `${prefix}_${String(n).padStart(4, '0')}`
}

/** A household member lives as the household does: with its owners, or renting with its tenants. */
const householdTenure = (db: Db, roomId: string) => db.persons.find((p) => p.roomId === roomId && p.tenure)?.tenure ?? 'owner'

function appendPeople(db: Db) {
  const add = (name: string, gender: 'M' | 'F', birthYear: number, roomId: string) => {
    const n = (db.seq.p ?? db.persons.length) + 1
    db.seq.p = n
    db.persons.push({ id: `p_${String(n).padStart(3, '0')}`, name, gender, birthYear, phone: `139${String(20261100 + n).slice(-8)}`, roomId, extraRoles: ['volunteer'], leaderOf: [], staffTitle: null, tenure: householdTenure(db, roomId) })
  }
  add(VOLUNTEER_SEED_NAMES.student, 'F', 2010, 'r_5_1_101')
  add(VOLUNTEER_SEED_NAMES.paused, 'M', 1976, 'r_6_1_302')
}

interface SlotSeed { from: number; hours: number; capacity: number }
interface SignupSeed { slot: number; person: Id; status?: SignupStatus; inAt?: number; outAt?: number; hours?: 'provisional' | 'final'; noShow?: string }

export function seedVolunteer(db: Db, { now }: SeedEnv) {
  appendPeople(db)
  const v = vol(db)
  const iso = (t: number) => new Date(t).toISOString()
  // Whole hours in China time keep the demo's slots readable (09:00, not 09:17).
  const base = Math.floor(now / H) * H
  const student = seedPersonId(db, VOLUNTEER_SEED_NAMES.student)
  const paused = seedPersonId(db, VOLUNTEER_SEED_NAMES.paused)

  const activity = (a: Pick<ActivityRecord, 'title' | 'description' | 'place' | 'organiserId' | 'postingAs' | 'buildingId'> & Partial<ActivityRecord>, slots: SlotSeed[], signups: SignupSeed[]) => {
    const record: ActivityRecord = {
      photoIds: [], audience: 'everyone', minAge: 0, status: 'published', cancelReason: null,
      signupOpensAt: iso(base - 10 * 24 * H), createdAt: iso(base - 10 * 24 * H), ...a,
      id: nextId(db, 'va'),
      slots: slots.map((s) => {
        // No secret here: seeding stays deterministic; the first code shown makes one (crypto).
        const id = nextId(db, 'vs')
        return { id, startAt: iso(base + s.from * H), endAt: iso(base + (s.from + s.hours) * H), capacity: s.capacity, remindedAt: s.from < 24 ? iso(now) : null }
      })
    }
    v.activities.push(record)
    for (const s of signups) {
      const slot = record.slots[s.slot]
      v.signupSeq += 1
      const inAt = s.inAt === undefined ? null : iso(Date.parse(slot.startAt) + s.inAt * 60_000)
      const outAt = s.outAt === undefined ? null : iso(Date.parse(slot.startAt) + s.outAt * 60_000)
      const minutes = s.inAt !== undefined && s.outAt !== undefined ? Math.floor((s.outAt - Math.max(0, s.inAt)) / 30) * 30 : 0
      const hours: HoursRecord | null = s.hours
        ? { minutes, state: s.hours, publicUntil: iso(Date.parse(outAt as string) + 3 * 24 * H), objection: null, resolution: null, finalAt: s.hours === 'final' ? iso(Date.parse(outAt as string) + 3 * 24 * H) : null }
        : null
      const signup: SignupRecord = {
        id: nextId(db, 'vr'), activityId: record.id, slotId: slot.id, personId: s.person, status: s.noShow ? 'no_show' : s.status ?? 'confirmed',
        seq: v.signupSeq, createdAt: iso(Date.parse(record.createdAt) + v.signupSeq * 60_000), offeredUntil: null,
        checkInAt: inAt, checkOutAt: outAt, checkOutRecorded: false, noShowReason: s.noShow ?? null,
        noShowAt: s.noShow ? iso(Date.parse(slot.startAt) + 20 * 60_000) : null, removedReason: null, hours
      }
      v.signups.push(signup)
      if (hours) {
        credit(db, {
          personId: s.person, amount: unitsForMinutes(minutes), final: hours.state === 'final', at: hours.finalAt ?? (outAt as string),
          source: { kind: 'volunteer_hours', id: signup.id, title: `志愿服务：${record.title}`, link: '/volunteer/pages/mine/index' }
        }, () => nextId(db, 'tx'))
      }
    }
    return record
  }

  const staff = 'p_004'
  activity({ title: '社区环境清洁日', description: '清理小区绿化带和楼道杂物，工具由社区提供，请穿方便活动的衣服。', place: '幸福里社区服务中心门口集合', organiserId: staff, postingAs: 'staff', buildingId: null },
    [{ from: 50, hours: 2, capacity: 10 }, { from: 53, hours: 2, capacity: 8 }], [{ slot: 0, person: 'p_012' }, { slot: 1, person: 'p_011' }])
  activity({ title: '敬老院陪伴读报', description: '到社区养老驿站为老人读报、聊天、陪下棋。', place: '幸福里养老驿站', organiserId: staff, postingAs: 'staff', buildingId: null, audience: 'adults' },
    [{ from: 74, hours: 2, capacity: 2 }], [{ slot: 0, person: 'p_006' }, { slot: 0, person: 'p_012' }, { slot: 0, person: 'p_011', status: 'waitlisted' }])
  activity({ title: '5栋楼道安全巡查', description: '检查楼道消防通道、灭火器和照明，记录问题交物业处理。', place: '锦绣园 5栋一楼大厅', organiserId: 'p_006', postingAs: 'building_leader', buildingId: 'b_5' },
    [{ from: -0.5, hours: 2, capacity: 6 }], [{ slot: 0, person: 'p_003' }, { slot: 0, person: 'p_012', inAt: -10 }])
  activity({ title: '地铁站文明引导', description: '在地铁站口引导乘客排队、文明乘车，适合学生志愿者。', place: '幸福里地铁站 B 口', organiserId: staff, postingAs: 'staff', buildingId: null, audience: 'students' },
    [{ from: 98, hours: 3, capacity: 5 }], [])
  activity({ title: '垃圾分类宣传', description: '在小区门口向居民讲解垃圾分类。', place: '桂花苑南门', organiserId: staff, postingAs: 'staff', buildingId: null },
    [{ from: -8 * 24, hours: 3, capacity: 6 }],
    [{ slot: 0, person: 'p_003', inAt: -5, outAt: 150, hours: 'final' }, { slot: 0, person: student, inAt: 0, outAt: 180, hours: 'final' }, { slot: 0, person: paused, noShow: '未到场，电话未接' }])
  activity({ title: '重阳节包饺子', description: '和独居老人一起包饺子、送饺子上门。', place: '幸福里社区食堂', organiserId: staff, postingAs: 'staff', buildingId: null },
    [{ from: -30 * 24, hours: 2, capacity: 6 }], [{ slot: 0, person: paused, noShow: '未到场，未提前请假' }, { slot: 0, person: student, inAt: 0, outAt: 120, hours: 'final' }])
  activity({ title: '社区图书角整理', description: '整理社区图书角的书籍并登记借阅。', place: '幸福里社区服务中心二楼', organiserId: staff, postingAs: 'staff', buildingId: null },
    [{ from: -26, hours: 2, capacity: 4 }], [{ slot: 0, person: 'p_003', inAt: 0, outAt: 95, hours: 'provisional' }])

  const profile = (personId: Id, patch: Partial<typeof v.profiles[string]>) => {
    v.profiles[personId] = { personId, student: false, guardianConsent: null, pausedAt: null, targetMinutes: null, ...patch }
  }
  profile(student, { student: true, guardianConsent: { name: '林建华', at: iso(base - 60 * 24 * H) }, targetMinutes: 20 * 60 })
  profile(paused, { pausedAt: iso(base - 8 * 24 * H + H) })

  const task = (t: Partial<HelpTaskRecord> & Pick<HelpTaskRecord, 'kind' | 'detail' | 'whenText' | 'requesterId' | 'roomId' | 'buildingId'>, agoHours: number) => {
    const record: HelpTaskRecord = {
      status: 'open', filedById: null, claimerId: null, minutes: null, claimedAt: null, doneAt: null, confirmedAt: null,
      autoConfirmed: false, dispute: null, settlement: null, credited: false, ...t, id: nextId(db, 'vh'), createdAt: iso(base - agoHours * H)
    }
    v.help.push(record)
    if (record.status === 'confirmed' && record.claimerId) {
      record.credited = true
      credit(db, {
        personId: record.claimerId, amount: unitsForMinutes(record.minutes ?? 0), final: true, at: record.confirmedAt as string,
        source: { kind: 'help_task', id: record.id, title: `邻里互助：${HELP_KIND_LABELS[record.kind]}`, link: `/volunteer/pages/help-detail/index?id=${record.id}` }
      }, () => nextId(db, 'tx'))
    }
  }
  task({ kind: 'medicine', detail: '帮忙去社区医院取降压药，医保卡在家里。', whenText: '明天上午', requesterId: 'p_001', roomId: 'r_3_2_502', buildingId: 'b_3' }, 3)
  task({ kind: 'lightbulb', detail: '厨房灯泡坏了，够不着。', whenText: '这两天都可以', requesterId: 'p_009', filedById: 'p_007', roomId: 'r_2_1_101', buildingId: 'b_2' }, 5)
  task({ kind: 'groceries', detail: '买一把青菜、两斤鸡蛋。', whenText: '今天下午', requesterId: 'p_010', roomId: 'r_6_2_202', buildingId: 'b_6', status: 'claimed', claimerId: 'p_011', claimedAt: iso(base - H) }, 4)
  task({ kind: 'haircut', detail: '上门理发，剪短一点。', whenText: '周末', requesterId: 'p_001', roomId: 'r_3_2_502', buildingId: 'b_3', status: 'done', claimerId: 'p_003', claimedAt: iso(base - 30 * H), doneAt: iso(base - 20 * H), minutes: 45 }, 40)
  task({ kind: 'hospital', detail: '陪同去医院复查。', whenText: '上周三上午', requesterId: 'p_009', roomId: 'r_2_1_101', buildingId: 'b_2', status: 'confirmed', claimerId: 'p_003', claimedAt: iso(base - 150 * H), doneAt: iso(base - 140 * H), confirmedAt: iso(base - 130 * H), minutes: 120 }, 160)
}
