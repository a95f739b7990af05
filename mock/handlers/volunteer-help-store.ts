// 邻里互助 records and the one view every caller gets (the address only for claimer and requester).
import { HELP_DISPUTE_MS, type HelpKind, type HelpStatus, type HelpTask, type Id, type IsoTime } from '../../types/contract'
import type { HandlerContext } from '../context'
import type { PersonRecord } from '../db'
import { maskName, redactView } from '../redact'
import { houseAddress } from './identity'

export interface HelpTaskRecord {
  id: Id
  kind: HelpKind
  detail: string
  whenText: string
  status: HelpStatus
  requesterId: Id
  /** The 楼长 who filed it on the requester's behalf. */
  filedById: Id | null
  roomId: Id
  buildingId: Id
  claimerId: Id | null
  minutes: number | null
  createdAt: IsoTime
  claimedAt: IsoTime | null
  doneAt: IsoTime | null
  confirmedAt: IsoTime | null
  autoConfirmed: boolean
  dispute: string | null
  settlement: string | null
  credited: boolean
}

const name = (ctx: HandlerContext, id: Id | null) => (id ? ctx.db.persons.find((p) => p.id === id)?.name ?? '' : '')

/** The requester, the 楼长 who filed it, or any 楼长 of the requester's building. */
export function speaksForRequester(ctx: HandlerContext, t: HelpTaskRecord, person: PersonRecord): boolean {
  return person.id === t.requesterId || person.id === t.filedById || (ctx.roles.includes('building_leader') && person.leaderOf.includes(t.buildingId))
}

function distance(ctx: HandlerContext, viewer: PersonRecord, buildingId: Id): number | null {
  const home = viewer.roomId ? houseAddress(ctx.db, viewer.roomId) : null
  const from = home && ctx.db.buildings.find((b) => b.id === home.buildingId)
  const to = ctx.db.buildings.find((b) => b.id === buildingId)
  if (!from || !to) return null
  const dy = (to.location.lat - from.location.lat) * 111_000
  const dx = (to.location.lng - from.location.lng) * 111_000 * Math.cos((from.location.lat * Math.PI) / 180)
  return Math.round(Math.sqrt(dx * dx + dy * dy))
}

export function helpTaskOf(ctx: HandlerContext, t: HelpTaskRecord, viewer: PersonRecord): HelpTask {
  const staff = ctx.roles.includes('staff')
  const forRequester = speaksForRequester(ctx, t, viewer)
  const isClaimer = t.claimerId === viewer.id
  const house = houseAddress(ctx.db, t.roomId)
  const seesName = forRequester || isClaimer || staff
  const volunteer = ctx.roles.includes('volunteer')
  const disputable = (t.status === 'done' || t.status === 'confirmed') && !!t.doneAt && ctx.now - Date.parse(t.doneAt) <= HELP_DISPUTE_MS
  return redactView({
    id: t.id, kind: t.kind, detail: t.detail, whenText: t.whenText, status: t.status,
    requesterName: seesName ? name(ctx, t.requesterId) : maskName(name(ctx, t.requesterId)),
    buildingLabel: house ? `${house.estateName} ${house.buildingName}` : '',
    address: isClaimer || viewer.id === t.requesterId ? house?.label ?? null : null,
    filedByLeader: t.filedById ? `${name(ctx, t.filedById)}（楼长代为申请）` : null,
    claimerName: t.claimerId ? (forRequester || isClaimer || staff ? name(ctx, t.claimerId) : maskName(name(ctx, t.claimerId))) : null,
    minutes: t.minutes, createdAt: t.createdAt, claimedAt: t.claimedAt, doneAt: t.doneAt, confirmedAt: t.confirmedAt,
    autoConfirmed: t.autoConfirmed, dispute: t.dispute, settlement: t.settlement,
    distanceM: distance(ctx, viewer, t.buildingId),
    can: {
      claim: t.status === 'open' && volunteer && viewer.id !== t.requesterId && viewer.id !== t.filedById,
      release: t.status === 'claimed' && isClaimer,
      complete: t.status === 'claimed' && isClaimer,
      confirm: t.status === 'done' && forRequester && !isClaimer,
      dispute: disputable && forRequester && !isClaimer,
      settle: t.status === 'disputed' && staff,
      cancel: (t.status === 'open' || t.status === 'claimed') && (viewer.id === t.requesterId || viewer.id === t.filedById)
    }
  })
}
