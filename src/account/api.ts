// Account calls that are not session changes (those live in src/core/session/store.ts).
import { endpoints } from '../../types/contract'
import { call } from '../core/api'

export const fetchCommunityStructure = () => call(endpoints.getCommunityStructure, {})

/** Mock builds only: the seeded people the 演示身份 page can become. */
export const fetchDemoIdentities = () => call(endpoints.listDemoIdentities, {})
