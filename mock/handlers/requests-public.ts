// Read-only 民生诉求 endpoints: catalogue, places, 秒回, similar open requests, 公示 and the month's figures.
import {
  distanceMeters, nearestPlace, OUTSIDE_COMMUNITY_MESSAGE, REQUEST_CATEGORIES, SIMILAR_RADIUS_M,
  type RequestStats, type requestEndpoints, type SimilarRequest
} from '../../types/contract'
import type { Db } from '../db'
import type { Handlers } from '../domain'
import { fail, failField } from '../errors'
import { paginate } from '../paging'
import { openRequests } from './requests-machine'
import { beijingMonth, placesOf, requestsOf, type ServiceRequestRecord } from './requests-store'
import { satisfactionOf, toPublic } from './requests-view'

type PublicHandlers = Pick<Handlers<typeof requestEndpoints>,
  'listRequestCategories' | 'listRequestPlaces' | 'locateRequestPlace' | 'listPublicServiceRequests' |
  'getServiceRequestStats' | 'findSimilarServiceRequests' | 'matchQuickAnswers'>

const newestFirst = (a: ServiceRequestRecord, b: ServiceRequestRecord) => b.createdAt.localeCompare(a.createdAt)

/** Where a record is: its GPS point, else its place's location. */
function pointOf(db: Db, r: ServiceRequestRecord) {
  return r.location.point ?? placesOf(db).find((p) => p.id === r.location.placeId)?.location ?? null
}

const median = (xs: number[]) => {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10)

/** The month's figures; months are calendar months in UTC+8. */
export function monthStats(db: Db, month: string): RequestStats {
  const all = requestsOf(db)
  const inMonth = (iso: string | null) => !!iso && beijingMonth(Date.parse(iso)) === month
  const filed = all.filter((r) => inMonth(r.createdAt))
  const closed = all.filter((r) => r.status === 'closed' && inMonth(r.closedAt))
  const countable = filed.filter((r) => r.status !== 'declined' && r.status !== 'duplicate')
  const ratedEvents = all.filter((r) => r.rating && inMonth(r.rating.at))
  const scores = ratedEvents.map((r) => satisfactionOf(r) as number)
  return {
    month,
    filed: filed.length,
    closed: closed.length,
    resolutionRate: countable.length ? Math.round((countable.filter((r) => r.status === 'closed').length / countable.length) * 1000) / 1000 : null,
    medianHoursToClose: round1(median(closed.map((r) => (Date.parse(r.closedAt as string) - Date.parse(r.createdAt)) / 3600_000))),
    meanSatisfaction: round1(scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null),
    rated: ratedEvents.length
  }
}

export const publicHandlers: PublicHandlers = {
  listRequestCategories: () => REQUEST_CATEGORIES,

  listRequestPlaces: (_input, { db }) => placesOf(db),

  locateRequestPlace: ({ lat, lng }, { db }) => {
    const match = nearestPlace(placesOf(db), { lat, lng })
    if (!match) fail('INVALID_STATE', OUTSIDE_COMMUNITY_MESSAGE, { fields: { point: OUTSIDE_COMMUNITY_MESSAGE } })
    return match
  },

  listPublicServiceRequests: (query, { db }) => {
    // Declined and duplicate requests are left out: the first may hold what should not be public.
    const shown = requestsOf(db).filter((r) => r.status !== 'declined' && r.status !== 'duplicate').sort(newestFirst)
    const page = paginate(shown, query)
    return { ...page, items: page.items.map(toPublic) }
  },

  getServiceRequestStats: ({ month }, { db, now }) => monthStats(db, month ?? beijingMonth(now)),

  findSimilarServiceRequests: ({ categoryCode, placeId, lat, lng }, ctx) => {
    const me = ctx.member().id
    const place = placesOf(ctx.db).find((p) => p.id === placeId)
    if (!place) failField('placeId', '地点不存在，请重新选择')
    const here = lat !== undefined && lng !== undefined ? { lat, lng } : place.location
    const out: SimilarRequest[] = []
    for (const r of openRequests(ctx.db)) {
      if (r.categoryCode !== categoryCode) continue
      const there = pointOf(ctx.db, r)
      const d = there ? Math.round(distanceMeters(here, there)) : null
      if (r.location.placeId !== placeId && (d === null || d > SIMILAR_RADIUS_M)) continue
      out.push({ ...toPublic(r), distanceMeters: d, mine: r.filedBy.personId === me || r.onBehalfOf?.personId === me, following: r.followers.includes(me) })
    }
    return out.sort((a, b) => (a.distanceMeters ?? 0) - (b.distanceMeters ?? 0)).slice(0, 5)
  },

  matchQuickAnswers: ({ text }, { db }) => {
    const t = text.trim()
    if (!t) return []
    return (db.quickAnswers ?? []).filter((qa) => qa.keywords.some((k) => t.includes(k)))
  }
}
