// Seeded notices for the demo (a few per building, 小区 and 社区) and the 1,000-notice perf fixture.
import { chinaDate, needsAck, type Id, type NoticeCategory, type NoticeTarget } from '../../types/contract'
import type { Db } from '../db'
import { householdsOf, type NoticeRecord } from './notices-audience'
import { pushMessage } from './messages'

const HOUR = 3600_000
const DAY = 24 * HOUR

export const noticeLink = (id: Id) => `/notices/pages/detail/index?id=${id}`

function nextNoticeId(db: Db): Id {
  const n = (db.seq.n ?? 0) + 1
  db.seq.n = n
  return `n_${String(n).padStart(4, '0')}`
}

export interface NewNotice {
  authorId: Id
  postingAs: NoticeRecord['postingAs']
  title: string
  body: string
  category: NoticeCategory
  targets: NoticeTarget[]
  publishedAt: string
  pinned?: boolean
  requiresAck?: boolean
  expiresOn?: string | null
  photoIds?: Id[]
}

export function insertNotice(db: Db, input: NewNotice): NoticeRecord {
  db.notices ??= []
  const record: NoticeRecord = {
    id: nextNoticeId(db),
    authorId: input.authorId,
    postingAs: input.postingAs,
    title: input.title,
    body: input.body,
    category: input.category,
    pinned: input.pinned ?? false,
    expiresOn: input.expiresOn ?? null,
    photoIds: input.photoIds ?? [],
    targets: input.targets,
    publishedAt: input.publishedAt,
    editedAt: null,
    withdrawnAt: null,
    readBy: {},
    requiresAck: needsAck(input.category, input.requiresAck),
    ackedBy: {},
    remindedAt: []
  }
  db.notices.push(record)
  return record
}

export const excerptOf = (body: string, max = 60) => {
  const line = body.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max)}…` : line
}

/** Tells every resident the notice is for (its author excepted) through the message center. */
export function announce(db: Db, notice: NoticeRecord, at: string) {
  const personIds = [...householdsOf(db, notice).values()].flat().map((p) => p.id)
  return pushMessage(db, { personIds, kind: 'notice', title: notice.title, body: excerptOf(notice.body, 120), link: noticeLink(notice.id), at, ref: notice.id })
}

interface SeedRow extends Omit<NewNotice, 'publishedAt' | 'expiresOn'> {
  hoursAgo: number
  /** Days from today; negative = already expired. */
  expiresInDays?: number
  readers?: Id[]
  /** Readers who also tapped 我已知晓 (important notices only). */
  ackers?: Id[]
  withdrawn?: boolean
}

const building = (id: Id): NoticeTarget => ({ scope: 'building', id })
const STAFF = 'p_004'
const DIRECTOR = 'p_005'

const ROWS: SeedRow[] = [
  { authorId: DIRECTOR, postingAs: 'staff', category: 'safety', pinned: true, hoursAgo: 50, targets: [{ scope: 'community', id: 'c_1' }],
    title: '冬季消防安全提示', body: '天气转冷，请大家注意用火用电安全：\n1. 不在楼道堆放杂物，保持消防通道畅通；\n2. 电动自行车不进楼、不入户充电；\n3. 外出前关闭燃气阀门。\n如发现隐患，请联系社区网格员。' },
  { authorId: STAFF, postingAs: 'staff', category: 'activity', hoursAgo: 26, expiresInDays: 10, targets: [{ scope: 'community', id: 'c_1' }],
    title: '社区长者饭堂开放报名', body: '幸福里社区长者饭堂下周一起开放，60 岁以上居民凭身份证在社区服务中心报名，每餐 8 元。行动不便的老人可由楼长代为报名。', readers: ['p_001'] },
  { authorId: STAFF, postingAs: 'staff', category: 'property', hoursAgo: 72, targets: [{ scope: 'estate', id: 'e_1' }],
    title: '桂花苑地下车库清洗', body: '本周六 8:00–12:00 桂花苑地下车库清洗，请车主在周五晚前将车辆移至地面临时车位。' },
  { authorId: STAFF, postingAs: 'staff', category: 'property', hoursAgo: 30, targets: [{ scope: 'estate', id: 'e_2' }],
    title: '锦绣园门禁系统升级', body: '锦绣园门禁将于周三升级为人脸识别，请住户于周二前到物业服务中心登记照片。' },
  { authorId: 'p_002', postingAs: 'building_leader', category: 'outage', pinned: true, hoursAgo: 3, expiresInDays: 2, targets: [building('b_3')],
    title: '3栋明天上午停水', body: '因二次供水水箱清洗，3栋明天 9:00–13:00 停水，请提前储水。高层老人如需帮忙提水，请联系楼长李建国。', readers: ['p_001', 'p_015', 'p_017'], ackers: ['p_015'] },
  { authorId: 'p_002', postingAs: 'building_leader', category: 'safety', hoursAgo: 20, targets: [{ scope: 'unit', id: 'u_3_2' }],
    title: '2单元楼道灯已报修', body: '2单元 4 楼至 6 楼楼道灯不亮，已报物业维修，预计后天修好，夜间上下楼请注意安全。' },
  { authorId: 'p_002', postingAs: 'building_leader', category: 'activity', hoursAgo: 24 * 6, expiresInDays: -2, targets: [building('b_3'), building('b_4')],
    title: '3栋4栋垃圾分类宣传', body: '上周六的垃圾分类宣传活动已结束，感谢大家参与。' },
  { authorId: 'p_002', postingAs: 'building_leader', category: 'other', hoursAgo: 40, targets: [building('b_4')],
    title: '4栋电梯年检', body: '4栋电梯本周四进行年度检验，检验期间电梯停用约 2 小时，请合理安排出行。' },
  { authorId: 'p_002', postingAs: 'building_leader', category: 'other', hoursAgo: 45, withdrawn: true, targets: [building('b_3')],
    title: '3栋电梯维保时间调整', body: '（已撤回）电梯维保时间待物业确认。' },
  { authorId: 'p_007', postingAs: 'building_leader', category: 'outage', hoursAgo: 8, expiresInDays: 1, targets: [building('b_1'), building('b_2')],
    title: '1栋2栋周五停电检修', body: '供电局周五 14:00–17:00 检修线路，1栋、2栋停电，请提前关闭大功率电器。' },
  { authorId: 'p_006', postingAs: 'building_leader', category: 'activity', hoursAgo: 12, targets: [building('b_5')],
    title: '5栋邻里茶话会', body: '本周日下午 3 点在 5栋架空层举办邻里茶话会，欢迎大家带上孩子一起来。' },
  { authorId: 'p_011', postingAs: 'building_leader', category: 'property', hoursAgo: 16, targets: [building('b_7'), building('b_8')],
    title: '7栋8栋外墙清洗', body: '下周一至周三外墙清洗，请关好窗户，阳台衣物及时收回。' }
]

/** Deterministic demo notices; timestamps are relative to the seeding clock. */
export function seedNotices(db: Db, now: number) {
  db.notices ??= []
  for (const row of ROWS) {
    const at = new Date(now - row.hoursAgo * HOUR).toISOString()
    const notice = insertNotice(db, {
      ...row, publishedAt: at,
      expiresOn: row.expiresInDays === undefined ? null : chinaDate(now + row.expiresInDays * DAY)
    })
    if (row.withdrawn) {
      notice.withdrawnAt = new Date(now - (row.hoursAgo - 1) * HOUR).toISOString()
      continue
    }
    const messages = announce(db, notice, at)
    for (const reader of row.readers ?? []) {
      const readAt = new Date(Date.parse(at) + HOUR).toISOString()
      notice.readBy[reader] = readAt
      messages.filter((m) => m.personId === reader).forEach((m) => { m.readAt = readAt })
      if (row.ackers?.includes(reader) && notice.requiresAck) notice.ackedBy[reader] = readAt
    }
  }
}

const FIXTURE_CATEGORIES: NoticeCategory[] = ['outage', 'safety', 'activity', 'property', 'other']

/**
 * The perf fixture: `count` short notices to one building, 10 minutes apart, posted by its 楼长
 * (or staff). Not in the demo seed: it adds ~200 KB to the stored database. No messages are sent.
 */
export function seedFeedFixture(db: Db, buildingId: Id, count: number, now: number): number {
  const leader = db.persons.find((p) => p.leaderOf.includes(buildingId))
  const name = db.buildings.find((b) => b.id === buildingId)?.name ?? buildingId
  for (let i = 0; i < count; i++) {
    insertNotice(db, {
      authorId: leader?.id ?? STAFF,
      postingAs: leader ? 'building_leader' : 'staff',
      category: FIXTURE_CATEGORIES[i % FIXTURE_CATEGORIES.length],
      title: `${name}测试通知 #${i + 1}`,
      body: `第 ${i + 1} 条测试通知，用于检验首页通知列表在大量数据下的流畅度。`,
      targets: [building(buildingId)],
      publishedAt: new Date(now - (i + 1) * 10 * 60_000).toISOString()
    })
  }
  return count
}
