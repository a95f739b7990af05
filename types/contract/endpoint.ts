// How an endpoint is described: one object per operation, shared by the mock router and the client.
import type * as z from 'zod/mini'

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/**
 * `public` endpoints need no session; `user` endpoints need a valid session token.
 * Role and scope checks (楼长 only for own buildings, staff only, ...) live in the handlers.
 */
export type Access = 'public' | 'user'

export interface Endpoint<S extends z.ZodMiniType = z.ZodMiniType, O = unknown> {
  method: Method
  /** Path relative to the API root; `:name` segments are filled from the input of the same name. */
  path: string
  /** Validates path params + query (GET) or path params + body (POST/PUT/DELETE), merged. */
  input: S
  access: Access
  /** One line for the README and a real backend team. */
  summary: string
  /** Phantom field carrying the output type; never set at run time. */
  readonly __output?: O
}

/** What a caller passes (before schema defaults/coercion). */
export type InputOf<E> = E extends Endpoint<infer S, unknown> ? z.input<S> : never
/** What a handler receives (after validation). */
export type ParsedInputOf<E> = E extends Endpoint<infer S, unknown> ? z.output<S> : never
export type OutputOf<E> = E extends Endpoint<z.ZodMiniType, infer O> ? O : never

/** `endpoint<Output>()({ ... })`: the output type is explicit, the input type comes from the schema. */
export function endpoint<O>() {
  return <S extends z.ZodMiniType>(def: Omit<Endpoint<S, O>, '__output'>): Endpoint<S, O> => def
}

export type EndpointTable = Record<string, Endpoint<z.ZodMiniType, unknown>>
