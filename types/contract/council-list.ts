// The 议事 list on its own: the 议事 tab (main package) loads proposals with only this schema, not
// every council endpoint's; council.ts spreads it into councilEndpoints.
import * as z from 'zod/mini'
import { pageQueryShape, type Page } from './common'
import { PROPOSAL_STAGES, type ProposalSummary } from './council-model'
import { endpoint } from './endpoint'

export const listProposalsInput = z.object({
  ...pageQueryShape,
  stage: z.optional(z.enum(PROPOSAL_STAGES, { error: '阶段筛选不正确' })),
  /** active = in progress (gathering … evaluating); done = archived, rejected, expired, …; mine = raised by me. */
  view: z._default(z.enum(['active', 'done', 'mine', 'all'], { error: '列表类型不正确' }), 'active')
})

export const councilListEndpoints = {
  listProposals: endpoint<Page<ProposalSummary>>()({
    method: 'GET', path: '/council/proposals', input: listProposalsInput, access: 'user',
    summary: 'Proposals the caller can see (in their scope; staff see all), newest first, with 还差 N 户支持.'
  }),
}
