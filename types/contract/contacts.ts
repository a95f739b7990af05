// 社区联系人: who a resident can call — 居委会, 物业, 网格员 (public office numbers) and the 楼长 of
// their own building. Pages that send people "to someone" link here.
import * as z from 'zod/mini'
import type { Id } from './common'
import { endpoint } from './endpoint'

export type ContactKind = 'committee' | 'property' | 'grid' | 'leader'

export const CONTACT_KIND_LABELS: Record<ContactKind, string> = {
  committee: '居委会',
  property: '物业',
  grid: '网格员',
  leader: '楼长'
}

export interface CommunityContact {
  id: Id
  kind: ContactKind
  /** What the person or office is, as a resident says it: `幸福里社区居委会`, `3栋楼长`. */
  title: string
  /** A named person (网格员, 楼长); null for an office. */
  name: string | null
  /** Digits to dial (makePhoneCall / tel:), published for this purpose: office lines, and a 楼长's own number for the residents of their building. */
  phoneNumber: string
  /** When someone answers, e.g. 工作日 8:30–17:30; null when not fixed. */
  hours: string | null
  /** What to call them about, one line. */
  duty: string
}

export interface ContactList {
  contacts: CommunityContact[]
  /** The caller's building (`桂花苑 3栋`) when bound; null otherwise (then only office lines are listed). */
  building: string | null
}

/** `057186512301` → `0571-86512301`, `13812345678` → `138 1234 5678`: how a number is read aloud. */
export function formatPhoneNumber(digits: string): string {
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
  if (/^0\d{2,3}\d{7,8}$/.test(digits)) {
    const area = digits.startsWith('01') || digits.startsWith('02') ? 3 : 4
    return `${digits.slice(0, area)}-${digits.slice(area)}`
  }
  return digits
}

export const contactEndpoints = {
  listContacts: endpoint<ContactList>()({
    method: 'GET', path: '/contacts', input: z.object({}), access: 'public',
    summary: 'Community contacts: 居委会, 物业, 网格员 office lines for anyone; a bound resident also gets their estate\'s 物业 and their building\'s 楼长.'
  })
}
