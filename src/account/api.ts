// Account calls that are not session changes (those live in src/core/session/store.ts).
import { identityEndpoints } from '../../types/contract/identity'
import { call } from '../core/api'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...identityEndpoints }

export const fetchCommunityStructure = () => call(endpoints.getCommunityStructure, {})

/** Mock builds only: the seeded people the 演示身份 page can become. */
export const fetchDemoIdentities = () => call(endpoints.listDemoIdentities, {})
