// Typed calls of the 民生诉求 endpoints. Pages reach these through the stores, never directly.
import { noticeEndpoints } from '../../types/contract/notices'
import { requestEndpoints } from '../../types/contract/requests'
import { type InputOf } from '../../types/contract/endpoint'
import { call, type CallOptions } from '../core/api'

// Only this feature's endpoints (not the aggregated table): a page carries the schemas it uses.
const endpoints = { ...noticeEndpoints, ...requestEndpoints }

type E = typeof endpoints

export const requestsApi = {
  categories: () => call(endpoints.listRequestCategories, {}),
  places: () => call(endpoints.listRequestPlaces, {}),
  locate: (lat: number, lng: number) => call(endpoints.locateRequestPlace, { lat, lng }, { retries: 0 }),
  departments: () => call(endpoints.listDispatchDepartments, {}),
  create: (input: InputOf<E['createServiceRequest']>, options: CallOptions) => call(endpoints.createServiceRequest, input, options),
  mine: (input: InputOf<E['listMyServiceRequests']>) => call(endpoints.listMyServiceRequests, input),
  publicList: (input: InputOf<E['listPublicServiceRequests']>) => call(endpoints.listPublicServiceRequests, input),
  stats: () => call(endpoints.getServiceRequestStats, {}),
  similar: (input: InputOf<E['findSimilarServiceRequests']>) => call(endpoints.findSimilarServiceRequests, input, { retries: 0 }),
  quickAnswers: (text: string) => call(endpoints.matchQuickAnswers, { text }, { retries: 0 }),
  recordSubscription: (input: InputOf<E['recordRequestSubscription']>) => call(endpoints.recordRequestSubscription, input),
  /** 代办: the residents a 楼长 may file for (the contract's list from the notices domain). */
  elderly: () => call(endpoints.listElderlyResidents, {}),
  staffQueue: (input: InputOf<E['listStaffServiceRequests']>) => call(endpoints.listStaffServiceRequests, input),
  get: (id: string) => call(endpoints.getServiceRequest, { id }),
  follow: (id: string) => call(endpoints.followServiceRequest, { id }),
  rate: (input: InputOf<E['rateServiceRequest']>) => call(endpoints.rateServiceRequest, input),
  reopen: (input: InputOf<E['reopenServiceRequest']>) => call(endpoints.reopenServiceRequest, input),
  accept: (input: InputOf<E['acceptServiceRequest']>) => call(endpoints.acceptServiceRequest, input),
  decline: (input: InputOf<E['declineServiceRequest']>) => call(endpoints.declineServiceRequest, input),
  duplicate: (input: InputOf<E['markServiceRequestDuplicate']>) => call(endpoints.markServiceRequestDuplicate, input),
  dispatch: (input: InputOf<E['dispatchServiceRequest']>) => call(endpoints.dispatchServiceRequest, input),
  note: (input: InputOf<E['addServiceRequestNote']>) => call(endpoints.addServiceRequestNote, input),
  close: (input: InputOf<E['closeServiceRequest']>) => call(endpoints.closeServiceRequest, input)
}
