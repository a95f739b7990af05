// Who a notice reaches: target → rooms → households (rooms with census residents), the caller's
// publishing scope, and the labels shown in feeds and receipts.
import type { Id, NoticeCategory, NoticeTarget, NoticeTargetOption, Role } from '../../types/contract'
import type { Db, PersonRecord } from '../db'
import { fail, failField } from '../errors'

export interface NoticeRecord {
  id: Id
  authorId: Id
  postingAs: 'building_leader' | 'staff'
  title: string
  body: string
  category: NoticeCategory
  pinned: boolean
  expiresOn: string | null
  photoIds: Id[]
  targets: NoticeTarget[]
  publishedAt: string
  editedAt: string | null
  withdrawnAt: string | null
  /** personId → first time they opened it (the author's own views are not receipts). */
  readBy: Record<Id, string>
  /** Asks residents for 我已知晓 (fixed at publish and edit from the category and the author's choice). */
  requiresAck: boolean
  /** personId → when they tapped 我已知晓. */
  ackedBy: Record<Id, string>
  remindedAt: string[]
}

declare module '../db' {
  interface Db {
    /** Optional so the census seed (which knows no domains) still type-checks; seed() creates it. */
    notices?: NoticeRecord[]
  }
}

/** Where a room sits: the chain a target can match at any level. */
export interface Place { roomId: Id; unitId: Id; buildingId: Id; estateId: Id }

export function placeOf(db: Db, roomId: Id | null): Place | null {
  if (!roomId) return null
  const room = db.rooms.find((r) => r.id === roomId)
  const unit = room && db.units.find((u) => u.id === room.unitId)
  const building = unit && db.buildings.find((b) => b.id === unit.buildingId)
  if (!room || !unit || !building) return null
  return { roomId: room.id, unitId: unit.id, buildingId: building.id, estateId: building.estateId }
}

/** Does a notice with these targets reach this place? A person with no room sees community-wide ones only. */
export function reaches(targets: readonly NoticeTarget[], place: Place | null): boolean {
  return targets.some((t) => t.scope === 'community' || (place !== null && (
    (t.scope === 'estate' && t.id === place.estateId) ||
    (t.scope === 'building' && t.id === place.buildingId) ||
    (t.scope === 'unit' && t.id === place.unitId))))
}

/** Households a notice is for: roomId → its residents (by id), minus the author's own household. */
export function householdsOf(db: Db, notice: Pick<NoticeRecord, 'targets' | 'authorId'>): Map<Id, PersonRecord[]> {
  const authorRoom = db.persons.find((p) => p.id === notice.authorId)?.roomId ?? null
  const households = new Map<Id, PersonRecord[]>()
  for (const person of db.persons) {
    if (!person.roomId || person.roomId === authorRoom) continue
    if (!reaches(notice.targets, placeOf(db, person.roomId))) continue
    const list = households.get(person.roomId) ?? []
    list.push(person)
    households.set(person.roomId, list)
  }
  return households
}

export { maskName } from '../redact'

/** `3栋2单元502` */
export function roomLabel(db: Db, roomId: Id): string {
  const place = placeOf(db, roomId)
  if (!place) return roomId
  const name = (list: { id: Id; name: string }[], id: Id) => list.find((x) => x.id === id)?.name ?? ''
  return name(db.buildings, place.buildingId) + name(db.units, place.unitId) + name(db.rooms, place.roomId)
}

function unitLabel(db: Db, unitId: Id): string {
  const unit = db.units.find((u) => u.id === unitId)
  const building = unit && db.buildings.find((b) => b.id === unit.buildingId)
  return unit && building ? building.name + unit.name : unitId
}

export function targetLabelOf(db: Db, target: NoticeTarget): string {
  switch (target.scope) {
    case 'community': return db.community.name
    case 'estate': return db.estates.find((e) => e.id === target.id)?.name ?? target.id
    case 'building': return db.buildings.find((b) => b.id === target.id)?.name ?? target.id
    case 'unit': return unitLabel(db, target.id)
  }
}

export const targetsLabel = (db: Db, targets: readonly NoticeTarget[]) => targets.map((t) => targetLabelOf(db, t)).join('、')

/** The building a target lies in (for 楼长 scope checks); null for an estate or the community. */
function buildingOfTarget(db: Db, target: NoticeTarget): Id | null {
  if (target.scope === 'building') return target.id
  if (target.scope === 'unit') return db.units.find((u) => u.id === target.id)?.buildingId ?? null
  return null
}

function targetExists(db: Db, t: NoticeTarget): boolean {
  if (t.scope === 'community') return t.id === db.community.id
  const list: { id: Id }[] = t.scope === 'estate' ? db.estates : t.scope === 'building' ? db.buildings : db.units
  return list.some((x) => x.id === t.id)
}

export const postingRoleOf = (roles: Role[]): NoticeRecord['postingAs'] | null =>
  roles.includes('staff') ? 'staff' : roles.includes('building_leader') ? 'building_leader' : null

export const OUT_OF_SCOPE = '只能向您负责的楼栋发布通知'

/** Checks the caller may post to every target; answers how they post (楼长 or staff). */
export function authorizeTargets(db: Db, person: PersonRecord, roles: Role[], targets: readonly NoticeTarget[]): NoticeRecord['postingAs'] {
  const postingAs = postingRoleOf(roles)
  if (!postingAs) fail('FORBIDDEN', '仅楼长或社区工作人员可以发布通知')
  for (const t of targets) {
    if (!targetExists(db, t)) failField('targets', '发布范围不存在，请重新选择')
    if (postingAs === 'staff') continue
    const building = buildingOfTarget(db, t)
    if (!building || !person.leaderOf.includes(building)) fail('FORBIDDEN', OUT_OF_SCOPE)
  }
  return postingAs
}

/** `3栋楼长` (the led buildings this notice goes to) or `社区工作人员`. */
export function roleLabelOf(db: Db, notice: Pick<NoticeRecord, 'postingAs' | 'targets'>, author: PersonRecord | undefined): string {
  if (notice.postingAs === 'staff') return '社区工作人员'
  const led = author?.leaderOf ?? []
  const inTargets = led.filter((b) => notice.targets.some((t) => buildingOfTarget(db, t) === b))
  const names = (inTargets.length ? inTargets : led).map((id) => db.buildings.find((b) => b.id === id)?.name ?? id)
  return `${names.join('、')}楼长`
}

/** What the target picker offers: a 楼长's buildings and their units; staff everything. */
export function scopeOptions(db: Db, person: PersonRecord, roles: Role[]): NoticeTargetOption[] {
  const postingAs = postingRoleOf(roles)
  if (!postingAs) return []
  const buildings = postingAs === 'staff' ? db.buildings : db.buildings.filter((b) => person.leaderOf.includes(b.id))
  const options: NoticeTargetOption[] = []
  if (postingAs === 'staff') {
    options.push({ scope: 'community', id: db.community.id, label: db.community.name, parentId: null })
    for (const e of db.estates) options.push({ scope: 'estate', id: e.id, label: e.name, parentId: db.community.id })
  }
  for (const b of buildings) {
    options.push({ scope: 'building', id: b.id, label: b.name, parentId: postingAs === 'staff' ? b.estateId : null })
    for (const u of db.units.filter((x) => x.buildingId === b.id)) {
      options.push({ scope: 'unit', id: u.id, label: b.name + u.name, parentId: b.id })
    }
  }
  return options
}
