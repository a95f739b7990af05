// What a person chose and typed on the bind page, kept for the browser session so a refresh (or
// WeChat reloading the page) does not send them back to an empty form. Stored by id, not by
// picker index, so a census change cannot restore a different room. Cleared once bound.
import Taro from '@tarojs/taro'
import type { CommunityStructure } from '../../types/contract/identity'
import { EMPTY_CHOICE, levelsOf, type HouseChoice } from './components/house-picker'

const KEY = 'linli.bind-draft'

export interface BindDraft { estateId?: string; buildingId?: string; unitId?: string; roomId?: string; name: string }

// H5: sessionStorage (this tab, until it is closed). weapp: the app's storage.
const sessionStore = (): Storage | null =>
  (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.sessionStorage ? window.sessionStorage : null)

export function readBindDraft(): BindDraft | null {
  try {
    const s = sessionStore()
    const raw: unknown = s ? s.getItem(KEY) : Taro.getStorageSync(KEY)
    return typeof raw === 'string' && raw ? JSON.parse(raw) as BindDraft : null
  } catch {
    return null
  }
}

export function saveBindDraft(structure: CommunityStructure, choice: HouseChoice, name: string): void {
  const { estate, building, unit, room } = levelsOf(structure, choice)
  const draft: BindDraft = { estateId: estate?.id, buildingId: building?.id, unitId: unit?.id, roomId: room?.id, name }
  try {
    const s = sessionStore()
    if (s) s.setItem(KEY, JSON.stringify(draft))
    else Taro.setStorageSync(KEY, JSON.stringify(draft))
  } catch { /* storage full: the form still works */ }
}

export function clearBindDraft(): void {
  try {
    const s = sessionStore()
    if (s) s.removeItem(KEY)
    else Taro.removeStorageSync(KEY)
  } catch { /* nothing to clear */ }
}

/** The picker indexes of a saved draft in today's census; a level that no longer exists stops the walk. */
export function choiceFromDraft(structure: CommunityStructure, draft: BindDraft | null): HouseChoice {
  if (!draft) return EMPTY_CHOICE
  const estate = structure.estates.findIndex((e) => e.id === draft.estateId)
  if (estate < 0) return EMPTY_CHOICE
  const buildings = structure.estates[estate].buildings
  const building = buildings.findIndex((b) => b.id === draft.buildingId)
  if (building < 0) return { ...EMPTY_CHOICE, estate }
  const units = buildings[building].units
  const unit = units.findIndex((u) => u.id === draft.unitId)
  if (unit < 0) return { ...EMPTY_CHOICE, estate, building }
  const room = units[unit].rooms.findIndex((r) => r.id === draft.roomId)
  return { estate, building, unit, room: room < 0 ? null : room }
}
