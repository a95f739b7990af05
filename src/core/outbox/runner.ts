// Sends outbox items: at once on submit, then with exponential backoff and jitter, immediately when
// the network comes back and when the app returns to the foreground.
import Taro from '@tarojs/taro'
import { ApiError, backoffDelay, isApiError, messageOf } from '../api'
import { isOnline, onNetworkChange } from '../network'
import { currentOwner, onIdentityChange } from '../session/owner'
import { isCallPayload, sendCall, type CallPayload } from './call'
import { isOwnItem, useOutbox, type OutboxItem } from './store'

export type Sender<P = unknown, R = unknown> = (payload: P, key: string) => Promise<R>
export type SentListener = (item: OutboxItem, result: unknown) => void
export type SubmitOutcome<R = unknown> =
  | { status: 'sent'; result: R }
  /** Kept for later: no network, a timeout or a server hiccup. */
  | { status: 'queued'; error: ApiError | null }
  /** Refused for good (validation, permission, state): fix and submit again. */
  | { status: 'refused'; error: ApiError }

export interface OutboxConfig { now: () => number; random: () => number; retryBaseMs: number; retryMaxMs: number }

const config: OutboxConfig = { now: () => Date.now(), random: Math.random, retryBaseMs: 2_000, retryMaxMs: 5 * 60_000 }
const senders = new Map<string, Sender>()
const sentListeners = new Set<SentListener>()
const inflight = new Map<string, Promise<SubmitOutcome>>()
let timer: ReturnType<typeof setTimeout> | null = null

export function configureOutbox(patch: Partial<OutboxConfig>): void {
  Object.assign(config, patch)
}

export function registerSender<P, R>(kind: string, sender: Sender<P, R>): void {
  senders.set(kind, sender as Sender)
  schedule()
}

/** Hears every item sent, including ones sent later in the background. */
export function onOutboxSent(listener: SentListener): () => void {
  sentListeners.add(listener)
  return () => { sentListeners.delete(listener) }
}

/** Data items are sent by core itself; other items by the sender their feature registered. */
function senderOf(item: OutboxItem): Sender | undefined {
  if (isCallPayload(item.payload)) {
    return (payload, key) => sendCall(payload as CallPayload, key, (next) => useOutbox.getState().patch(key, { payload: next }))
  }
  return senders.get(item.kind)
}

/** Worth trying again later: no answer, overloaded or broken server, or rate limited. */
export const isRetryable = (e: ApiError) => e.isNetwork || e.status >= 500 || e.status === 429

/** Delay before try number `attempts + 1`, exponential with up to 50% jitter. */
export const retryDelay = (attempts: number) =>
  backoffDelay(Math.max(0, attempts - 1), { retryBaseMs: config.retryBaseMs, retryMaxMs: config.retryMaxMs, random: config.random })

const toApiError = (e: unknown) => (isApiError(e) ? e : new ApiError(400, { code: 'VALIDATION', message: e instanceof Error && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : messageOf(e) }))

/** Sends one item now, unless it is already on its way (then waits for that try). */
export function attempt(key: string): Promise<SubmitOutcome> {
  const running = inflight.get(key)
  if (running) return running
  const work = (async (): Promise<SubmitOutcome> => {
    const store = useOutbox.getState()
    const item = store.items.find((i) => i.key === key)
    const sender = item && senderOf(item)
    // Another person's item waits for them: it is never sent with this person's token.
    if (!item || !sender || !isOwnItem(item, currentOwner())) return { status: 'queued', error: null }
    store.setSending(key, true)
    try {
      const result = await sender(item.payload, key)
      useOutbox.getState().remove(key)
      if (isCallPayload(item.payload)) useOutbox.getState().addReceipt({ key, kind: item.kind, result, at: config.now() })
      sentListeners.forEach((l) => l(item, result))
      return { status: 'sent', result }
    } catch (e) {
      const error = toApiError(e)
      const attempts = item.attempts + 1
      if (isRetryable(error)) {
        useOutbox.getState().patch(key, { attempts, lastError: error.message, nextAt: config.now() + retryDelay(attempts), failed: false })
        return { status: 'queued', error }
      }
      useOutbox.getState().patch(key, { attempts, lastError: error.message, failed: true })
      return { status: 'refused', error }
    } finally {
      useOutbox.getState().setSending(key, false)
      inflight.delete(key)
      schedule()
    }
  })()
  inflight.set(key, work)
  return work
}

/**
 * Files a submission: stores it under its idempotency key, then tries at once. A second submit
 * with the same key (a double tap) joins the first. A refused submission leaves the outbox: the
 * resident is on the form and corrects it there.
 */
export async function submit<P, R>(kind: string, key: string, payload: P, label: string): Promise<SubmitOutcome<R>> {
  const store = useOutbox.getState()
  if (!inflight.has(key)) {
    const existing = store.items.find((i) => i.key === key)
    store.put({ key, kind, payload, label, owner: currentOwner(), attempts: existing?.attempts ?? 0, nextAt: config.now(), lastError: null, failed: false, createdAt: existing?.createdAt ?? config.now() })
  }
  const outcome = await attempt(key)
  if (outcome.status === 'refused') useOutbox.getState().remove(key)
  return outcome as SubmitOutcome<R>
}

/**
 * Files a data item (endpoint + body + photos) that core sends by itself, now and after a restart
 * with no feature page open. The result also stays as a receipt until `claimReceipts(kind)`.
 */
export function submitCall<R>(kind: string, key: string, call: CallPayload['call'], label: string): Promise<SubmitOutcome<R>> {
  return submit<CallPayload, R>(kind, key, { call }, label)
}

/** The results of data items of one kind sent while no page of that feature was listening. */
export function claimReceipts<R>(kind: string): Array<{ key: string; result: R }> {
  return useOutbox.getState().claimReceipts(kind).map((r) => ({ key: r.key, result: r.result as R }))
}

/** 重试: try one item now, even a failed one. */
export function retryNow(key: string): Promise<SubmitOutcome> {
  useOutbox.getState().patch(key, { failed: false, nextAt: config.now() })
  return attempt(key)
}

export function discard(key: string): void {
  useOutbox.getState().remove(key)
}

/** Tries every item that is due (or all, when `all`), one after another. */
export async function flush(all = false): Promise<void> {
  if (!isOnline()) return
  const owner = currentOwner()
  const due = useOutbox.getState().items.filter((i) => !i.failed && !!senderOf(i) && isOwnItem(i, owner) && (all || i.nextAt <= config.now()))
  for (const item of due) await attempt(item.key)
}

function schedule() {
  if (timer) clearTimeout(timer)
  timer = null
  const owner = currentOwner()
  const waiting = useOutbox.getState().items.filter((i) => !i.failed && !!senderOf(i) && !inflight.has(i.key) && isOwnItem(i, owner))
  if (!waiting.length) return
  const next = Math.min(...waiting.map((i) => i.nextAt))
  timer = setTimeout(() => { timer = null; void flush() }, Math.max(0, next - config.now()))
}

let stopRunner: (() => void) | null = null

/** Starts the background runner once; safe to call from every page that files something. */
export function startOutbox(): () => void {
  if (stopRunner) return stopRunner
  const offNetwork = onNetworkChange((online) => { if (online) void flush(true) })
  const onShow = () => { void flush(true) }
  Taro.onAppShow?.(onShow)
  // The runner starts with the first page that can send (after a restart, say 我的诉求): items kept
  // from before go out now, not when their backoff, counted from the last session, runs out.
  void flush(true)
  schedule()
  stopRunner = () => {
    offNetwork()
    Taro.offAppShow?.(onShow)
    if (timer) clearTimeout(timer)
    timer = null
    stopRunner = null
  }
  return stopRunner
}

// A person signing in again gets their kept items sent now (while the runner runs); the timer
// only ever waits for the signed-in person's items.
onIdentityChange(() => {
  if (stopRunner) void flush(true)
  else schedule()
})
