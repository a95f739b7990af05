// 社区联系人. Office lines are a fixed directory (public numbers, not census data); the 楼长 of the
// caller's building comes from the census and is listed only to residents bound in that building.
import { contactEndpoints, type CommunityContact, type ContactList } from '../../types/contract/contacts'
import type { Db, PersonRecord } from '../db'
import { defineDomain } from '../domain'
import { redactView } from '../redact'

const OFFICE_HOURS = '工作日 8:30–17:30'

/** The directory: one 居委会, one 网格员 service line, and each estate's 物业服务中心. */
const OFFICES: (CommunityContact & { estateId?: string })[] = [
  { id: 'ct_committee', kind: 'committee', title: '幸福里社区居委会', name: null, phoneNumber: '057186512300', hours: OFFICE_HOURS, duty: '登记住户信息、开证明、反映问题' },
  { id: 'ct_grid', kind: 'grid', title: '社区网格员', name: '陈静', phoneNumber: '057186512301', hours: OFFICE_HOURS, duty: '上门走访、帮老人办事、登记住户' },
  { id: 'ct_property_e_1', estateId: 'e_1', kind: 'property', title: '桂花苑物业服务中心', name: null, phoneNumber: '057186512310', hours: '24 小时', duty: '报修、停水停电、门禁与电梯' },
  { id: 'ct_property_e_2', estateId: 'e_2', kind: 'property', title: '锦绣园物业服务中心', name: null, phoneNumber: '057186512320', hours: '24 小时', duty: '报修、停水停电、门禁与电梯' }
]

function buildingOf(db: Db, person: PersonRecord | null) {
  const unit = person?.roomId ? db.units.find((u) => db.rooms.some((r) => r.id === person.roomId && r.unitId === u.id)) : undefined
  return unit ? db.buildings.find((b) => b.id === unit.buildingId) ?? null : null
}

export function contactsFor(db: Db, person: PersonRecord | null): ContactList {
  const building = buildingOf(db, person)
  const estate = building ? db.estates.find((e) => e.id === building.estateId) ?? null : null
  const offices = OFFICES.filter((o) => !building || !o.estateId || o.estateId === building.estateId)
    .map(({ estateId: _estate, ...o }) => o)
  const leaders: CommunityContact[] = building
    ? db.persons.filter((p) => p.leaderOf.includes(building.id)).map((p) => ({
      id: `ct_leader_${p.id}`, kind: 'leader', title: `${building.name}楼长`, name: p.name, phoneNumber: p.phone, hours: null,
      duty: '楼里的事、代老人报事、通知转达'
    }))
    : []
  return { contacts: [...leaders, ...offices], building: building && estate ? `${estate.name} ${building.name}` : null }
}

export const contactsDomain = defineDomain({
  name: 'contacts',
  endpoints: contactEndpoints,
  handlers: {
    // Every outward view goes through the one redaction; `phoneNumber` is a structural key, kept on purpose.
    listContacts: (_input, ctx) => redactView(contactsFor(ctx.db, ctx.person))
  }
})
