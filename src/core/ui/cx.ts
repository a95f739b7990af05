/** Joins class names, skipping falsy ones: cx('ll-button', loading && 'is-loading'). */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}
