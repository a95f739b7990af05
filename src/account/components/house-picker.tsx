// 小区 → 楼栋 → 单元 → 房号 with the native Picker; each level opens once the one above is chosen.
import { Picker, Text, View } from '@tarojs/components'
import type { CommunityStructure } from '../../../types/contract/identity'
import { cx, Field } from '../../core/ui'

/** Chosen indexes per level; null = not chosen yet. */
export interface HouseChoice { estate: number | null; building: number | null; unit: number | null; room: number | null }

export const EMPTY_CHOICE: HouseChoice = { estate: null, building: null, unit: null, room: null }

export function levelsOf(structure: CommunityStructure, c: HouseChoice) {
  const estate = c.estate === null ? null : structure.estates[c.estate] ?? null
  const building = estate && c.building !== null ? estate.buildings[c.building] ?? null : null
  const unit = building && c.unit !== null ? building.units[c.unit] ?? null : null
  const room = unit && c.room !== null ? unit.rooms[c.room] ?? null : null
  return { estate, building, unit, room }
}

interface LevelProps {
  label: string
  className: string
  names: string[]
  value: number | null
  placeholder: string
  disabled: boolean
  error?: string | null
  onPick: (index: number) => void
}

function Level({ label, className, names, value, placeholder, disabled, error, onPick }: LevelProps) {
  const chosen = value === null ? null : names[value] ?? null
  return (
    <Field label={label} required error={error}>
      <Picker mode='selector' range={names} value={value ?? 0} disabled={disabled} className={className}
        onChange={(e) => onPick(Number(e.detail.value))}>
        <View className={cx('ll-picker', disabled && 'll-input--disabled')}>
          <Text className={cx('ll-picker__value', !chosen && 'll-picker__value--empty')}>{chosen ?? placeholder}</Text>
          <Text className='ll-picker__arrow'>›</Text>
        </View>
      </Picker>
    </Field>
  )
}

export interface HousePickerProps {
  structure: CommunityStructure
  choice: HouseChoice
  onChange: (choice: HouseChoice) => void
  /** Shown under 房号 (e.g. 请选择房号 or 该房号不存在). */
  roomError?: string | null
}

export function HousePicker({ structure, choice, onChange, roomError }: HousePickerProps) {
  const { estate, building, unit } = levelsOf(structure, choice)
  return (
    <View className='house-picker'>
      <Level label='小区' className='bind-estate' names={structure.estates.map((e) => e.name)} value={choice.estate}
        placeholder='请选择小区' disabled={false}
        onPick={(i) => onChange({ estate: i, building: null, unit: null, room: null })} />
      <Level label='楼栋' className='bind-building' names={estate?.buildings.map((b) => b.name) ?? []} value={choice.building}
        placeholder={estate ? '请选择楼栋' : '请先选择小区'} disabled={!estate}
        onPick={(i) => onChange({ ...choice, building: i, unit: null, room: null })} />
      <Level label='单元' className='bind-unit' names={building?.units.map((u) => u.name) ?? []} value={choice.unit}
        placeholder={building ? '请选择单元' : '请先选择楼栋'} disabled={!building}
        onPick={(i) => onChange({ ...choice, unit: i, room: null })} />
      <Level label='房号' className='bind-room' names={unit?.rooms.map((r) => r.name) ?? []} value={choice.room}
        placeholder={unit ? '请选择房号' : '请先选择单元'} disabled={!unit} error={roomError}
        onPick={(i) => onChange({ ...choice, room: i })} />
    </View>
  )
}
