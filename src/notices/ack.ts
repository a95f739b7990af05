// 我已知晓 from the notice detail page (a subpackage), kept out of the store that 首页 carries in
// the main package.
import { messageOf } from '../core/api'
import { claimReceipts, submitCall } from '../core/outbox'
import { currentOwner } from '../core/session/owner'
import { ensureOwner, useNotices } from './store'

export const ACK_KIND = 'notice-ack'

function setAcknowledged(id: string, acknowledged: boolean) {
  useNotices.setState((s) => {
    const n = s.byId[id]
    return {
      byId: n ? { ...s.byId, [id]: { ...n, acknowledged, read: n.read || acknowledged } } : s.byId,
      feed: { ...s.feed, items: s.feed.items.map((x) => (x.id === id ? { ...x, acknowledged, read: x.read || acknowledged } : x)) }
    }
  })
}

export type AckOutcome = { status: 'sent' } | { status: 'queued' } | { status: 'refused'; message: string }

/**
 * 我已知晓: shown as confirmed at once, sent through the outbox (so a confirmation made offline goes
 * out when the phone is back online, with no page open). One key per person and notice: a double tap
 * or a resend is the same confirmation.
 */
export async function acknowledgeNotice(id: string): Promise<AckOutcome> {
  ensureOwner()
  const title = useNotices.getState().byId[id]?.title ?? ''
  setAcknowledged(id, true)
  const outcome = await submitCall(ACK_KIND, `ack-${currentOwner() ?? 'anon'}-${id}`, { method: 'POST', path: `/notices/${encodeURIComponent(id)}/ack`, body: {} }, `确认知晓：${title}`)
  // The receipt is this answer; nothing else waits for it.
  claimReceipts(ACK_KIND)
  if (outcome.status === 'refused') {
    setAcknowledged(id, false)
    return { status: 'refused', message: messageOf(outcome.error) }
  }
  return { status: outcome.status }
}

