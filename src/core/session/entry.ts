// H5: where the first screen really is. A person who is not a member would open 首页 only for its
// gate (use-require-member) to send them on — two page chunks in a row before anything useful
// shows. Deciding before the router starts loads the one page they will see.
import { BIND_URL, WELCOME_URL } from './use-require-member'

/** Route paths that mean "the app's entry" (none, or 首页 itself). */
const ENTRY_PATHS = new Set(['', '/', '/pages/home/index'])

/**
 * `route` is the location's hash (hash router) or its pathname (browser router).
 * The page a non-member should start on when they open the app's entry, or null to start where the
 * URL says (a member, or a deep link: that page's own gate decides).
 */
export function entryRedirect(route: string, session: { token: string | null; isMember: boolean }): string | null {
  const path = route.replace(/^#/, '').split('?')[0].replace(/\/index\.html$/, '/')
  if (!ENTRY_PATHS.has(path) || session.isMember) return null
  return session.token ? BIND_URL : WELCOME_URL
}
