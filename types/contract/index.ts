// The 邻里 backend contract: every endpoint of every domain, in one table.
// A domain adds itself here with one spread; names must be unique across domains.
import { identityEndpoints } from './identity'
import { messageEndpoints } from './messages'
import { noticeEndpoints } from './notices'
import { fileEndpoints } from './files'
import { requestEndpoints } from './requests'
import { volunteerEndpoints } from './volunteer'
import { timebankEndpoints } from './timebank'
import { councilEndpoints } from './council'
import { contactEndpoints } from './contacts'

export * from './common'
export * from './endpoint'
export * from './identity'
export * from './messages'
export * from './notices'
export * from './files'
export * from './requests'
export * from './volunteer'
export * from './timebank'
export * from './council'
export * from './contacts'

export const endpoints = {
  ...identityEndpoints,
  ...messageEndpoints,
  ...noticeEndpoints,
  ...fileEndpoints,
  ...requestEndpoints,
  ...volunteerEndpoints,
  ...timebankEndpoints,
  ...councilEndpoints,
  ...contactEndpoints
}

export type Endpoints = typeof endpoints
export type EndpointName = keyof Endpoints
