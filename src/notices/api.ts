// Typed calls of the 通知 and 消息 endpoints. Pages reach these through the stores, never directly.
import { messageEndpoints } from '../../types/contract/messages'
import { noticeEndpoints } from '../../types/contract/notices'
import { type InputOf } from '../../types/contract/endpoint'
import { call, type CallOptions } from '../core/api'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...messageEndpoints, ...noticeEndpoints }

type E = typeof endpoints

export const noticesApi = {
  scope: () => call(endpoints.getNoticeScope, {}),
  feed: (input: InputOf<E['listNoticeFeed']>) => call(endpoints.listNoticeFeed, input),
  mine: (input: InputOf<E['listMyNotices']>) => call(endpoints.listMyNotices, input),
  elderly: () => call(endpoints.listElderlyResidents, {}),
  get: (id: string) => call(endpoints.getNotice, { id }),
  publish: (input: InputOf<E['publishNotice']>, options: CallOptions) => call(endpoints.publishNotice, input, options),
  update: (input: InputOf<E['updateNotice']>, options: CallOptions) => call(endpoints.updateNotice, input, options),
  withdraw: (id: string) => call(endpoints.withdrawNotice, { id }),
  receipts: (id: string) => call(endpoints.getNoticeReceipts, { id }),
  remind: (id: string) => call(endpoints.remindNotice, { id }),
  /** Mock builds only: the 1,000-notice perf fixture; a fixed key makes a reload add it once. */
  seedFixture: (buildingId: string, count: number) =>
    call(endpoints.seedNoticeFixture, { buildingId, count }, { idempotencyKey: `feed-fixture-${buildingId}-${count}` })
}

export const messagesApi = {
  list: (input: InputOf<E['listMessages']>) => call(endpoints.listMessages, input),
  unread: () => call(endpoints.getUnreadMessageCount, {}),
  read: (id: string) => call(endpoints.markMessageRead, { id }),
  readAll: () => call(endpoints.markAllMessagesRead, {})
}
