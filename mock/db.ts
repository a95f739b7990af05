// The mock's whole state, one JSON-serialisable object. Domains add their collections by
// declaration merging (`declare module './db' { interface Db { ... } }`) and seed them in seed().
import type { GeoPoint, Id, IsoTime, Role } from '../types/contract'

/** Bump when the shape or the seed changes: stored databases of another version are re-seeded. */
export const DB_VERSION = 10

export interface EstateRecord { id: Id; name: string }
export interface BuildingRecord { id: Id; estateId: Id; name: string; location: GeoPoint }
export interface UnitRecord { id: Id; buildingId: Id; name: string }
export interface RoomRecord {
  id: Id
  unitId: Id
  name: string
  /** 专有部分面积 in 0.1 m² units (an integer: 893 = 89.3 m²). */
  areaDm: number
  /** Owners of record (业主); empty for a room the census knows no owner of. */
  ownerIds: Id[]
}

/** A person in the community census (residents) or on its staff. */
export interface PersonRecord {
  id: Id
  name: string
  gender: 'M' | 'F'
  birthYear: number
  phone: string
  roomId: Id | null
  /** Roles beyond `resident`, which follows from having a room. */
  extraRoles: Exclude<Role, 'resident'>[]
  leaderOf: Id[]
  staffTitle: string | null
  /** Owner (业主, or a member of the owning household) or tenant (租户) of `roomId`; null without a room. */
  tenure: 'owner' | 'tenant' | null
}

export interface AccountRecord { id: Id; openid: string; personId: Id | null; createdAt: IsoTime }
export interface SessionRecord { token: string; accountId: Id; expiresAt: IsoTime }
export interface DepartmentRecord { id: Id; name: string }

export interface IdempotencyRecord { hash: string; status: number; body: unknown; at: IsoTime }

export interface Db {
  version: number
  /** Per-prefix counters for new ids (`p` → p_0061, ...). */
  seq: Record<string, number>
  community: { id: Id; name: string; center: GeoPoint }
  estates: EstateRecord[]
  buildings: BuildingRecord[]
  units: UnitRecord[]
  rooms: RoomRecord[]
  persons: PersonRecord[]
  departments: DepartmentRecord[]
  accounts: AccountRecord[]
  sessions: SessionRecord[]
  idempotency: Record<string, IdempotencyRecord>
}
