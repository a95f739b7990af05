// The list filters a person chose (我的诉求's tab, the staff queue's status), kept on the device so
// a reload of the page comes back to the same tab.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { REQUEST_GROUPS, REQUEST_STATUSES, type RequestGroup, type RequestStatus } from '../../types/contract/requests-catalog'
import { taroStateStorage } from '../core/storage'

interface FilterState {
  mine: RequestGroup | null
  staff: RequestStatus | null
  setMine(group: RequestGroup | null): void
  setStaff(status: RequestStatus | null): void
}

export const useRequestFilters = create<FilterState>()(persist((set) => ({
  mine: null,
  staff: 'submitted',
  setMine: (mine) => set({ mine }),
  setStaff: (staff) => set({ staff })
}), {
  name: 'linli.requests.filters',
  version: 1,
  storage: createJSONStorage(() => taroStateStorage),
  partialize: (s) => ({ mine: s.mine, staff: s.staff }),
  // A stored value from another version of the app that is no longer a tab falls back to the default.
  merge: (stored, current) => {
    const s = (stored ?? {}) as Partial<FilterState>
    return {
      ...current,
      mine: s.mine && REQUEST_GROUPS.includes(s.mine) ? s.mine : null,
      staff: s.staff === null || (s.staff && REQUEST_STATUSES.includes(s.staff)) ? s.staff ?? null : current.staff
    }
  }
}))
