// 发布范围: chips for what the caller may target (a 楼长's buildings and units; staff the 社区,
// 小区 and buildings). Choosing a building covers its units, so those show as chosen and locked.
import { Text, View } from '@tarojs/components'
import type { NoticeTarget, NoticeTargetOption } from '../../../types/contract/notices'
import { cx } from '../../core/ui'

const same = (a: NoticeTarget, b: NoticeTarget) => a.scope === b.scope && a.id === b.id

function ancestors(option: NoticeTargetOption, options: NoticeTargetOption[]): NoticeTargetOption[] {
  const out: NoticeTargetOption[] = []
  let parent = options.find((o) => o.id === option.parentId)
  while (parent) {
    out.push(parent)
    const next = parent.parentId
    parent = next ? options.find((o) => o.id === next) : undefined
  }
  return out
}

export function TargetPicker({ options, value, onChange, staffView }: {
  options: NoticeTargetOption[]
  value: NoticeTarget[]
  onChange: (targets: NoticeTarget[]) => void
  /** Staff see the 社区, 小区 and buildings; units would make the list too long to scan. */
  staffView: boolean
}) {
  const shown = staffView ? options.filter((o) => o.scope !== 'unit') : options
  const chosen = (o: NoticeTargetOption) => value.some((t) => same(t, o))
  const covered = (o: NoticeTargetOption) => ancestors(o, options).some(chosen)
  const toggle = (o: NoticeTargetOption) => {
    if (covered(o)) return
    if (chosen(o)) return onChange(value.filter((t) => !same(t, o)))
    // Picking a wider target drops the narrower ones inside it.
    const inside = (t: NoticeTarget) => {
      const opt = options.find((x) => same(x, t))
      return !!opt && ancestors(opt, options).some((a) => same(a, o))
    }
    onChange([...value.filter((t) => !inside(t)), { scope: o.scope, id: o.id }])
  }
  // Staff: the 社区 first, then each 小区 with its own buildings under its name (1栋…8栋 alone do not
  // say which 小区 they are in). 楼长: each building with its units.
  const groups: Array<{ heading: string | null; items: NoticeTargetOption[] }> = staffView
    ? [
        { heading: null, items: shown.filter((o) => o.scope === 'community') },
        ...shown.filter((o) => o.scope === 'estate').map((e) => ({ heading: e.label, items: [e, ...shown.filter((b) => b.scope === 'building' && b.parentId === e.id)] }))
      ].filter((g) => g.items.length)
    : shown.filter((o) => o.scope === 'building').map((b) => ({ heading: null, items: [b, ...shown.filter((u) => u.parentId === b.id)] }))
  return (
    <View className='notice-targets'>
      {groups.map(({ heading, items: group }) => (
        <View key={group[0]?.id ?? 'all'} className='notice-targets__group notice-chips'>
          {heading ? <Text className='notice-targets__heading'>{heading}</Text> : null}
          {group.map((o) => {
            const on = chosen(o) || covered(o)
            return (
              <Text
                key={`${o.scope}:${o.id}`}
                className={cx('notice-chip', 'notice-target', on && 'notice-chip--on', o.scope === 'unit' && 'notice-chip--unit')}
                aria-checked={on}
                onClick={() => toggle(o)}
              >
                {on ? '✓ ' : ''}{o.scope === 'unit' ? o.label.replace(/^.*栋/, '') : o.scope === 'building' && !staffView ? `${o.label}（整栋）` : o.scope === 'estate' ? `${o.label}（全小区）` : o.label}
              </Text>
            )
          })}
        </View>
      ))}
    </View>
  )
}
