// The 邻里 backend contract: every endpoint of every domain, in one table.
// A domain adds itself here with one spread; names must be unique across domains.
import { identityEndpoints } from './identity'

export * from './common'
export * from './endpoint'
export * from './identity'

export const endpoints = {
  ...identityEndpoints
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
