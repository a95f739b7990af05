export { isCallPayload, type CallPayload, type CallPhoto } from './call'
export { isOwnItem, RECEIPTS_MAX, type OutboxReceipt, selectOutboxOf, selectOwnItems, useOutbox, type OutboxItem } from './store'
export {
  attempt, claimReceipts, configureOutbox, discard, flush, isRetryable, onOutboxSent, registerSender, retryDelay, retryNow, startOutbox, submit, submitCall,
  type OutboxConfig, type Sender, type SubmitOutcome
} from './runner'
