// The balance on its own: 我的 (main package) shows it with only this schema, not the whole time
// bank's; timebank.ts spreads it into timebankEndpoints.
import * as z from 'zod/mini'
import './common' // z.config: the Chinese fallback messages, before this schema ever parses
import { endpoint } from './endpoint'
import type { TbBalance } from './timebank-model'

export const timebankBalanceEndpoints = {
  getTbBalance: endpoint<TbBalance>()({
    method: 'GET', path: '/timebank/balance', input: z.object({}), access: 'user',
    summary: 'The caller\'s available, pending (公示中) and held points, this year\'s earned and spent.'
  }),
}
