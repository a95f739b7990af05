// The 邻里 backend contract: every endpoint of every domain, in one table.
// A domain adds itself here with one spread; names must be unique across domains.
import { identityEndpoints } from './identity'
import { messageEndpoints } from './messages'

export * from './common'
export * from './endpoint'
export * from './identity'
export * from './messages'

export const endpoints = {
  ...identityEndpoints,
  ...messageEndpoints
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
