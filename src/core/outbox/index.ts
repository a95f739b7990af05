export { isOwnItem, selectOutboxOf, selectOwnItems, useOutbox, type OutboxItem } from './store'
export {
  attempt, configureOutbox, discard, flush, isRetryable, onOutboxSent, registerSender, retryDelay, retryNow, startOutbox, submit,
  type OutboxConfig, type Sender, type SubmitOutcome
} from './runner'
