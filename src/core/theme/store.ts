// 大字模式 (elder mode): the resident's choice (on / off / follow the system font size), persisted.
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStateStorage } from '../storage'

export type ElderPreference = 'system' | 'on' | 'off'

/** WeChat's fontSizeSetting is the system text size in px; 17 is standard, 20 and up is "large". */
export const LARGE_FONT_SETTING = 20

interface ThemeState {
  preference: ElderPreference
  /** The phone's text size is set to large (weapp only; H5 has no such setting). */
  systemLarge: boolean
  setPreference(preference: ElderPreference): void
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

export const useTheme = create<ThemeState>()(persist((set) => ({
  preference: 'system',
  systemLarge: readSystemLarge(),
  setPreference: (preference) => set({ preference, systemLarge: readSystemLarge() }),
  refreshSystem: () => set({ systemLarge: readSystemLarge() })
}), {
  name: 'linli.theme',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ preference: s.preference })
}))

export const selectElderMode = (s: Pick<ThemeState, 'preference' | 'systemLarge'>): boolean =>
  s.preference === 'on' || (s.preference === 'system' && s.systemLarge)

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
