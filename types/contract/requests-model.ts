// 民生诉求 data model: what the endpoints in ./requests return.
import type { GeoPoint, Id, IsoTime } from './common'
import type { FileRef } from './files'
import type { CategoryCode, RequestStatus } from './requests-catalog'

/** A person as shown on a request; `personId` is null for filings from an Open311 client. */
export interface PersonRef { personId: Id | null; name: string }

export interface RequestLocation {
  placeId: Id
  placeName: string
  /** GPS point when located by GPS; null when picked by hand. */
  point: GeoPoint | null
  note: string | null
}

export type TimelineKind = 'submitted' | 'accepted' | 'declined' | 'duplicate' | 'dispatched' | 'note' | 'closed' | 'rated' | 'reopened'
export interface TimelineEvent {
  id: Id
  at: IsoTime
  kind: TimelineKind
  /** Status after this event. */
  status: RequestStatus
  /** e.g. 社区网格员 陈静, or the filer's name. */
  actorName: string
  note: string | null
  photos: FileRef[]
}

export interface RequestRating { speed: number; result: number; attitude: number; comment: string; at: IsoTime }

/** The full record, as its requester, its filer (楼长 代办) or staff see it. */
export interface ServiceRequest {
  id: Id
  /** 立案编号, issued at creation: LL + date (UTC+8) + daily sequence, e.g. LL20261129-0007. */
  caseNumber: string
  categoryCode: CategoryCode
  categoryName: string
  /** Extra-question answers by attribute code (singlevaluelist stores the key). */
  answers: Record<string, string>
  description: string
  photos: FileRef[]
  location: RequestLocation
  /** Anonymous to the public (公示); staff still see the filer. */
  anonymous: boolean
  /** Who filed it (the 楼长 when 代办). */
  filedBy: PersonRef
  /** The resident a 楼长 filed for; null when filed for oneself. */
  onBehalfOf: PersonRef | null
  channel: 'app' | 'open311'
  status: RequestStatus
  statusLabel: string
  department: { id: Id; name: string } | null
  declineReason: string | null
  /** For `duplicate`: the request this one repeats. */
  duplicateOf: { id: Id; caseNumber: string } | null
  timeline: TimelineEvent[]
  createdAt: IsoTime
  updatedAt: IsoTime
  expectedBy: IsoTime
  /** Still open and past expectedBy. */
  overdue: boolean
  closedAt: IsoTime | null
  rating: RequestRating | null
  /** Reopen allowed until then (closed, not reopened before, requester only); null otherwise. */
  reopenableUntil: IsoTime | null
  reopened: boolean
  followerCount: number
  /** The caller follows it (我也遇到了). */
  following: boolean
  /** Only for staff: how to reach the filer. */
  contact: { name: string; phone: string; address: string | null } | null
}

/** A request on the 公示 page: no names of anonymous filers, never any phone number. */
export interface PublicServiceRequest {
  id: Id
  caseNumber: string
  categoryName: string
  /** Phone-like runs of 7+ digits are replaced by 【号码已隐藏】. */
  description: string
  placeName: string
  status: RequestStatus
  statusLabel: string
  /** Masked name (周**) or 匿名居民. */
  filerName: string
  createdAt: IsoTime
  closedAt: IsoTime | null
  /** The closing result text, once closed. */
  result: string | null
  /** Mean of the three stars, one decimal; null when unrated. */
  satisfaction: number | null
  followerCount: number
}

/** A possible duplicate shown before submitting, with 我也遇到了. */
export interface SimilarRequest extends PublicServiceRequest { distanceMeters: number | null; mine: boolean; following: boolean }

export interface RequestStats {
  /** `YYYY-MM` (UTC+8). */
  month: string
  filed: number
  closed: number
  /** Requests filed this month and closed, over those filed minus declined and duplicates; 0..1, null when none. */
  resolutionRate: number | null
  /** Median hours from filing to closure over requests closed this month; null when none. */
  medianHoursToClose: number | null
  /** Mean of (speed+result+attitude)/3 over ratings given this month; null when none. */
  meanSatisfaction: number | null
  rated: number
}

export interface QuickAnswer { id: Id; keywords: string[]; title: string; answer: string }
export interface Department { id: Id; name: string }

export const REQUEST_SUBSCRIBE_TEMPLATE = 'tmpl_request_status'
export interface SubscriptionRecord { templateId: string; result: 'accept' | 'reject' | 'ban' | 'filter'; requestId: Id | null; at: IsoTime }
