// Taro storage as the StateStorage zustand's persist middleware expects.
import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

export const taroStateStorage: StateStorage = {
  getItem: (key) => {
    const value: unknown = Taro.getStorageSync(key)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (key, value) => Taro.setStorageSync(key, value),
  removeItem: (key) => Taro.removeStorageSync(key)
}
