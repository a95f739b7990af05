// Typed calls of the 时间银行 endpoints. Pages reach these through the store, never directly.
import type { InputOf } from '../../types/contract/endpoint'
import { timebankEndpoints as e } from '../../types/contract/timebank'
import { call, type CallOptions } from '../core/api'

type E = typeof e

export const timebankApi = {
  balance: () => call(e.getTbBalance, {}),
  statement: (input: InputOf<E['listTbStatement']>) => call(e.listTbStatement, input),
  goods: (all = false) => call(e.listTbGoods, all ? { all: '1' } : {}),
  goodsItem: (id: string) => call(e.getTbGoods, { id }),
  createGoods: (input: InputOf<E['createTbGoods']>, o?: CallOptions) => call(e.createTbGoods, input, o),
  updateGoods: (input: InputOf<E['updateTbGoods']>, o?: CallOptions) => call(e.updateTbGoods, input, o),
  restock: (input: InputOf<E['restockTbGoods']>, o?: CallOptions) => call(e.restockTbGoods, input, o),
  redeem: (id: string, quantity: number, o?: CallOptions) => call(e.redeemTbGoods, { id, quantity }, o),
  myOrders: (input: InputOf<E['listMyTbOrders']> = {}) => call(e.listMyTbOrders, input),
  cancelOrder: (id: string) => call(e.cancelTbOrder, { id }),
  openOrders: () => call(e.listTbOrdersToHandOver, { limit: 50 }),
  handOver: (code: string, o?: CallOptions) => call(e.handOverTbOrder, { code }, o),
  offers: () => call(e.listTbOffers, {}),
  createOffer: (input: InputOf<E['createTbOffer']>, o?: CallOptions) => call(e.createTbOffer, input, o),
  withdrawOffer: (id: string) => call(e.withdrawTbOffer, { id }),
  book: (input: InputOf<E['bookTbOffer']>, o?: CallOptions) => call(e.bookTbOffer, input, o),
  postNeed: (input: InputOf<E['postTbNeed']>, o?: CallOptions) => call(e.postTbNeed, input, o),
  exchanges: (scope: 'mine' | 'open') => call(e.listTbExchanges, { scope }),
  exchange: (id: string) => call(e.getTbExchange, { id }),
  take: (id: string) => call(e.takeTbNeed, { id }),
  claim: (id: string, points: number) => call(e.claimTbExchange, { id, points }),
  accept: (id: string) => call(e.acceptTbExchange, { id }),
  dispute: (id: string, reason: string) => call(e.disputeTbExchange, { id, reason }),
  cancelExchange: (id: string) => call(e.cancelTbExchange, { id }),
  household: () => call(e.listTbHousehold, {}),
  gift: (input: InputOf<E['giftTbPoints']>, o?: CallOptions) => call(e.giftTbPoints, input, o),
  issue: (input: InputOf<E['issueTbPoints']>, o?: CallOptions) => call(e.issueTbPoints, input, o),
  reverse: (id: string, reason: string) => call(e.reverseTbTransfer, { id, reason }),
  ledger: (input: InputOf<E['listTbLedger']> = {}) => call(e.listTbLedger, input),
  accounts: () => call(e.listTbAccounts, {}),
  flags: () => call(e.listTbFlags, {}),
  report: (month?: string) => call(e.getTbReport, month ? { month } : {})
}
