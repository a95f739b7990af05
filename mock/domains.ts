// Every domain the mock serves. A new domain adds one import and one entry here.
import { identityDomain } from './handlers/identity'
import { messagesDomain } from './handlers/messages'
import { noticesDomain } from './handlers/notices'
import { filesDomain } from './handlers/files'
import { requestsDomain } from './handlers/requests'
import { volunteerDomain } from './handlers/volunteer'
import { timebankDomain } from './handlers/timebank'
import { councilDomain } from './handlers/council'
import { contactsDomain } from './handlers/contacts'
import type { MockDomain } from './domain'

export const domains: MockDomain[] = [
  identityDomain as unknown as MockDomain,
  messagesDomain as unknown as MockDomain,
  noticesDomain as unknown as MockDomain,
  filesDomain as unknown as MockDomain,
  requestsDomain as unknown as MockDomain,
  volunteerDomain as unknown as MockDomain,
  timebankDomain as unknown as MockDomain,
  councilDomain as unknown as MockDomain,
  contactsDomain as unknown as MockDomain
]
