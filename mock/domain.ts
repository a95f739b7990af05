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
  /**
   * Time-driven moves (a support window expiring, hours becoming final after 公示, an order released
   * after 7 days), run before every request is handled. The mock has no scheduler: each domain
   * catches up on what is due at `now`. Returns true when it changed the database (then it is saved).
   * Must be idempotent and cheap when nothing is due.
   */
  tick?: (db: Db, env: TickEnv) => boolean
}

export interface TickEnv {
  now: number
  /** A new id with the given prefix (the same counters as HandlerContext.nextId). */
  nextId(prefix: string): string
}

export function defineDomain<T extends EndpointTable>(domain: MockDomain<T>): MockDomain<T> {
  return domain
}
