// 字号 (text size): 标准 or 大字 (大字模式), the person's own choice, persisted on the device.
// Until they choose, a large WeChat text size (weapp only; H5 has none) starts the app in 大字;
// once they choose, their choice holds whatever the system says.
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStateStorage } from '../storage'

export type TextSize = 'standard' | 'large'

/** WeChat's fontSizeSetting is the system text size in px; 17 is standard, 20 and up is "large". */
export const LARGE_FONT_SETTING = 20

interface ThemeState {
  /** What the person chose; null until they choose (then the system text size decides). */
  choice: TextSize | null
  /** The phone's text size is set to large (weapp only; H5 has no such setting). */
  systemLarge: boolean
  setSize(size: TextSize): void
  /** Re-reads the system text size, e.g. when the app comes back to the foreground. */
  refreshSystem(): void
}

function systemInfo(): { fontSizeSetting?: number } {
  // getSystemInfoSync is deprecated on weapp (base library 2.20.1+); wx.getAppBaseInfo returns the
  // same fontSizeSetting, though Taro's type for it leaves the field out.
  if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP && typeof Taro.getAppBaseInfo === 'function') {
    return Taro.getAppBaseInfo() as unknown as { fontSizeSetting?: number }
  }
  return Taro.getSystemInfoSync()
}

export function readSystemLarge(): boolean {
  try {
    const info = systemInfo()
    return typeof info.fontSizeSetting === 'number' && info.fontSizeSetting >= LARGE_FONT_SETTING
  } catch {
    return false
  }
}

/** Version 1 stored preference 'on' | 'off' | 'system' (跟随系统字号, the old default). */
export function migrateTheme(persisted: unknown, version: number): { choice: TextSize | null } {
  const old = (persisted ?? {}) as { preference?: unknown; choice?: unknown }
  if (version < 2) return { choice: old.preference === 'on' ? 'large' : old.preference === 'off' ? 'standard' : null }
  return { choice: old.choice === 'large' || old.choice === 'standard' ? old.choice : null }
}

export const useTheme = create<ThemeState>()(persist((set) => ({
  choice: null,
  systemLarge: readSystemLarge(),
  setSize: (size) => set({ choice: size }),
  refreshSystem: () => set({ systemLarge: readSystemLarge() })
}), {
  name: 'linli.theme',
  version: 2,
  migrate: migrateTheme,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ choice: s.choice })
}))

export const selectElderMode = (s: Pick<ThemeState, 'choice' | 'systemLarge'>): boolean =>
  s.choice ? s.choice === 'large' : s.systemLarge

/** The size in effect: the person's choice, else what the system size suggests. */
export const selectTextSize = (s: Pick<ThemeState, 'choice' | 'systemLarge'>): TextSize =>
  selectElderMode(s) ? 'large' : 'standard'

/** True when pages should render in 大字模式. */
export const useElderMode = (): boolean => useTheme(selectElderMode)

// The resident may change the phone's text size while the app is in the background.
if (typeof Taro.onAppShow === 'function') {
  try {
    Taro.onAppShow(() => useTheme.getState().refreshSystem())
  } catch {
    // H5 builds without app lifecycle events: the setting is read at launch only.
  }
}
