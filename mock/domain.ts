// What a domain of the mock provides: handlers for its endpoints and, optionally, seed data.
import type { EndpointTable, OutputOf, ParsedInputOf } from '../types/contract'
import type { HandlerContext } from './context'
import type { Db } from './db'
import type { Rng } from './rng'

export type Handler<E> = (input: ParsedInputOf<E>, ctx: HandlerContext) => OutputOf<E> | Promise<OutputOf<E>>
export type Handlers<T extends EndpointTable> = { [K in keyof T]: Handler<T[K]> }

export interface SeedEnv {
  /** The clock at seeding time; seeded timestamps are relative to it. */
  now: number
  rng: Rng
}

export interface MockDomain<T extends EndpointTable = EndpointTable> {
  name: string
  endpoints: T
  handlers: Handlers<T>
  seed?: (db: Db, env: SeedEnv) => void
}

export function defineDomain<T extends EndpointTable>(domain: MockDomain<T>): MockDomain<T> {
  return domain
}
