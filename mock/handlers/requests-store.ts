// 民生诉求 records in the mock database and the one way to file one (app, Open311 and seed).
import {
  categoryOf, expectedHoursFor, nearestPlace, OUTSIDE_COMMUNITY_MESSAGE,
  type CategoryCode, type Id, type IsoTime, type Place, type PersonRef, type QuickAnswer,
  type RequestLocation, type RequestRating, type RequestStatus, type SubscriptionRecord, type TimelineKind
} from '../../types/contract'
import type { Db, PersonRecord } from '../db'
import { fail, failField } from '../errors'
import { houseAddress } from './identity'

export interface RequestEventRecord {
  id: Id
  at: IsoTime
  kind: TimelineKind
  status: RequestStatus
  actorName: string
  /** Person behind the event (null for system/Open311); used to skip notifying the actor. */
  actorId: Id | null
  note: string | null
  photos: Id[]
}

export interface ServiceRequestRecord {
  id: Id
  caseNumber: string
  categoryCode: CategoryCode
  answers: Record<string, string>
  description: string
  photos: Id[]
  location: RequestLocation
  anonymous: boolean
  filedBy: PersonRef
  onBehalfOf: PersonRef | null
  channel: 'app' | 'open311'
  /** Only for Open311 filings (app filers are reached through the census). */
  externalContact: { name: string; phone: string } | null
  status: RequestStatus
  departmentId: Id | null
  declineReason: string | null
  duplicateOfId: Id | null
  events: RequestEventRecord[]
  createdAt: IsoTime
  updatedAt: IsoTime
  expectedBy: IsoTime
  closedAt: IsoTime | null
  rating: RequestRating | null
  reopenedAt: IsoTime | null
  followers: Id[]
  open311Token: string | null
}

export interface RequestSubscriptionRecord extends SubscriptionRecord { personId: Id; sentAt: IsoTime | null }

declare module '../db' {
  interface Db {
    /** Optional so the census seed (which knows no domains) still type-checks; seed() creates them. */
    serviceRequests?: ServiceRequestRecord[]
    requestPlaces?: Place[]
    quickAnswers?: QuickAnswer[]
    requestSubscriptions?: RequestSubscriptionRecord[]
  }
}

export const requestsOf = (db: Db): ServiceRequestRecord[] => (db.serviceRequests ??= [])
export const placesOf = (db: Db): Place[] => db.requestPlaces ?? []

/** A record by id or by 立案编号 (staff type case numbers). */
export const findRequest = (db: Db, idOrCase: string) =>
  requestsOf(db).find((r) => r.id === idOrCase || r.caseNumber === idOrCase)

export const personRef = (p: PersonRecord): PersonRef => ({ personId: p.id, name: p.name })

/** The resident the request is for (the 代办 resident, else the filer). */
export const requesterId = (r: ServiceRequestRecord): Id | null => r.onBehalfOf?.personId ?? r.filedBy.personId

/** Requester and 代办 filer: the people who may rate, reopen and always see the request. */
export const partiesOf = (r: ServiceRequestRecord): Id[] =>
  [r.filedBy.personId, r.onBehalfOf?.personId].filter((x): x is Id => !!x)

const BEIJING_MS = 8 * 3600_000
/** `20261129` for a time, in UTC+8. */
export const beijingDay = (at: number) => new Date(at + BEIJING_MS).toISOString().slice(0, 10).replace(/-/g, '')
export const beijingMonth = (at: number) => new Date(at + BEIJING_MS).toISOString().slice(0, 7)

export function nextCaseNumber(db: Db, at: number): string {
  const day = beijingDay(at)
  const key = `case${day}`
  const n = (db.seq[key] ?? 0) + 1
  db.seq[key] = n
  return `LL${day}-${String(n).padStart(4, '0')}`
}

function nextSeq(db: Db, prefix: string): Id {
  const n = (db.seq[prefix] ?? 0) + 1
  db.seq[prefix] = n
  return `${prefix}_${String(n).padStart(4, '0')}`
}

/** Resolves a location input to a stored location; 400 for an unknown place, 422 outside. */
export function resolveLocation(db: Db, input: { placeId: string; point?: { lat: number; lng: number }; note?: string }, field = 'location'): RequestLocation {
  const place = placesOf(db).find((p) => p.id === input.placeId)
  if (!place) failField(`${field}.placeId`, '地点不存在，请重新选择')
  if (input.point && !nearestPlace(placesOf(db), input.point)) {
    fail('INVALID_STATE', OUTSIDE_COMMUNITY_MESSAGE, { fields: { [`${field}.point`]: OUTSIDE_COMMUNITY_MESSAGE } })
  }
  return { placeId: place.id, placeName: place.name, point: input.point ?? null, note: input.note?.trim() || null }
}

/** What filing needs: the filer's part of a record; the rest (status, times, timeline) follows. */
export type FileParams = Pick<ServiceRequestRecord,
  'categoryCode' | 'answers' | 'description' | 'photos' | 'location' | 'anonymous' | 'filedBy' | 'onBehalfOf' | 'channel'>
  & Partial<Pick<ServiceRequestRecord, 'externalContact' | 'open311Token'>>

/** Creates a submitted record with its 立案编号, expectedBy and first timeline event. */
export function fileRequest(db: Db, at: number, params: FileParams): ServiceRequestRecord {
  const category = categoryOf(params.categoryCode)
  if (!category) failField('categoryCode', '诉求类别不存在，请重新选择')
  const iso = new Date(at).toISOString()
  const id = nextSeq(db, 'sr')
  const filer = params.onBehalfOf ? `${params.filedBy.name}（代${params.onBehalfOf.name}）` : params.filedBy.name
  const record: ServiceRequestRecord = {
    ...params,
    id,
    caseNumber: nextCaseNumber(db, at),
    externalContact: params.externalContact ?? null,
    status: 'submitted',
    departmentId: null,
    declineReason: null,
    duplicateOfId: null,
    events: [{ id: `${id}-e1`, at: iso, kind: 'submitted', status: 'submitted', actorName: filer, actorId: params.filedBy.personId, note: null, photos: [] }],
    createdAt: iso,
    updatedAt: iso,
    expectedBy: new Date(at + expectedHoursFor(category, params.answers) * 3600_000).toISOString(),
    closedAt: null,
    rating: null,
    reopenedAt: null,
    followers: [],
    open311Token: params.open311Token ?? null
  }
  requestsOf(db).push(record)
  return record
}

/** How staff reach the filer: census phone and address, or what an Open311 client sent. */
export function contactOf(db: Db, r: ServiceRequestRecord) {
  if (r.externalContact) return { ...r.externalContact, address: null }
  const person = db.persons.find((p) => p.id === requesterId(r))
  if (!person) return null
  return { name: person.name, phone: person.phone, address: person.roomId ? houseAddress(db, person.roomId)?.label ?? null : null }
}
