// The seeded demo community: 幸福里社区, 2 小区, 8 楼栋 × 2 单元 × 6 层 × 2 户, ~60 residents,
// 楼长, volunteers, 2 staff and the dispatch departments. Deterministic for a given seed.
import type { Db, PersonRecord } from './db'
import { DB_VERSION } from './db'
import { createRng, pick, type Rng } from './rng'

export const SEED = 20261129
const CENTER = { lat: 22.5431, lng: 114.0579 }
const FLOORS = 6
const ROOMS_PER_FLOOR = 2

export const roomId = (building: number, unit: number, room: string) => `r_${building}_${unit}_${room}`

/** People the demo, the tests and the e2e journeys refer to by id. */
export const KEY_PEOPLE = {
  elderlyResident: 'p_001', // 王秀英, 78, 桂花苑 3栋2单元502
  leader: 'p_002', // 李建国, 楼长 of 3栋 and 4栋
  volunteer: 'p_003', // 张伟, 锦绣园 5栋1单元101
  staff: 'p_004', // 陈静, 社区网格员
  director: 'p_005', // 刘洋, 社区居委会主任
  leaderJinxiu: 'p_006', // 赵敏, 楼长 of 5栋
  resident: 'p_008' // 周婷, 桂花苑 1栋1单元201
} as const

type Seeded = Omit<PersonRecord, 'id' | 'phone' | 'tenure'> & { id?: string }

const FIXED: Seeded[] = [
  { name: '王秀英', gender: 'F', birthYear: 1948, roomId: roomId(3, 2, '502'), extraRoles: [], leaderOf: [], staffTitle: null },
  { name: '李建国', gender: 'M', birthYear: 1962, roomId: roomId(3, 1, '301'), extraRoles: ['building_leader'], leaderOf: ['b_3', 'b_4'], staffTitle: null },
  { name: '张伟', gender: 'M', birthYear: 1990, roomId: roomId(5, 1, '101'), extraRoles: ['volunteer'], leaderOf: [], staffTitle: null },
  { name: '陈静', gender: 'F', birthYear: 1988, roomId: null, extraRoles: ['staff'], leaderOf: [], staffTitle: '社区网格员' },
  { name: '刘洋', gender: 'M', birthYear: 1979, roomId: null, extraRoles: ['staff'], leaderOf: [], staffTitle: '社区居委会主任' },
  { name: '赵敏', gender: 'F', birthYear: 1970, roomId: roomId(5, 2, '402'), extraRoles: ['building_leader', 'volunteer'], leaderOf: ['b_5'], staffTitle: null },
  { name: '孙志强', gender: 'M', birthYear: 1958, roomId: roomId(1, 1, '102'), extraRoles: ['building_leader'], leaderOf: ['b_1', 'b_2'], staffTitle: null },
  { name: '周婷', gender: 'F', birthYear: 1995, roomId: roomId(1, 1, '201'), extraRoles: [], leaderOf: [], staffTitle: null },
  { name: '吴桂兰', gender: 'F', birthYear: 1941, roomId: roomId(2, 1, '101'), extraRoles: [], leaderOf: [], staffTitle: null },
  { name: '郑国华', gender: 'M', birthYear: 1945, roomId: roomId(6, 2, '202'), extraRoles: [], leaderOf: [], staffTitle: null },
  { name: '黄丽娟', gender: 'F', birthYear: 1985, roomId: roomId(7, 1, '302'), extraRoles: ['building_leader', 'volunteer'], leaderOf: ['b_7', 'b_8'], staffTitle: null },
  { name: '何晓东', gender: 'M', birthYear: 2000, roomId: roomId(8, 2, '601'), extraRoles: ['volunteer'], leaderOf: [], staffTitle: null }
]

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高']
const GIVEN_F = ['秀兰', '桂英', '玉梅', '丽', '静', '敏', '燕', '娜', '婷', '欣怡', '雨桐', '淑芬', '美玲', '春花']
const GIVEN_M = ['建华', '国强', '志明', '伟', '强', '磊', '军', '洋', '勇', '浩然', '子轩', '德胜', '永福', '宏伟']

export const RESIDENT_COUNT = 60

function phoneFor(rng: Rng): string {
  let digits = ''
  for (let i = 0; i < 8; i++) digits += Math.floor(rng() * 10)
  return `13${Math.floor(rng() * 10)}${digits}`
}

export function seedCommunity(): Db {
  const rng = createRng(SEED)
  const db: Db = {
    version: DB_VERSION,
    seq: {},
    community: { id: 'c_1', name: '幸福里社区', center: CENTER },
    estates: [{ id: 'e_1', name: '桂花苑' }, { id: 'e_2', name: '锦绣园' }],
    buildings: [],
    units: [],
    rooms: [],
    persons: [],
    departments: [
      { id: 'd_property', name: '物业' },
      { id: 'd_urban', name: '城管' },
      { id: 'd_water', name: '水务' },
      { id: 'd_traffic', name: '交通' },
      { id: 'd_community', name: '社区' }
    ],
    accounts: [],
    sessions: [],
    idempotency: {}
  }
  for (let b = 1; b <= 8; b++) {
    const estateId = b <= 4 ? 'e_1' : 'e_2'
    // Buildings sit on a small grid, ~60 m apart, around the community centre.
    const col = (b - 1) % 4
    const row = b <= 4 ? 0 : 1
    db.buildings.push({
      id: `b_${b}`, estateId, name: `${b}栋`,
      location: { lat: +(CENTER.lat + row * 0.0012 - 0.0006).toFixed(6), lng: +(CENTER.lng + col * 0.0006 - 0.0009).toFixed(6) }
    })
    for (let u = 1; u <= 2; u++) {
      db.units.push({ id: `u_${b}_${u}`, buildingId: `b_${b}`, name: `${u}单元` })
      for (let f = 1; f <= FLOORS; f++) {
        for (let r = 1; r <= ROOMS_PER_FLOOR; r++) {
          const name = `${f}0${r}`
          db.rooms.push({ id: roomId(b, u, name), unitId: `u_${b}_${u}`, name, areaDm: roomArea(b, u, f, r), ownerIds: [] })
        }
      }
    }
  }

  const taken = new Set<string>()
  FIXED.forEach((p, i) => {
    if (p.roomId) taken.add(p.roomId)
    db.persons.push({ ...p, id: `p_${String(i + 1).padStart(3, '0')}`, phone: phoneFor(rng), tenure: null })
  })
  let n = FIXED.length
  while (db.persons.filter((p) => p.roomId).length < RESIDENT_COUNT) {
    const room = pick(rng, db.rooms)
    if (taken.has(room.id)) continue
    taken.add(room.id)
    // One to two people per household; a fifth of them 60 or older.
    const household = rng() < 0.4 ? 2 : 1
    for (let k = 0; k < household; k++) {
      n++
      const gender = rng() < 0.5 ? 'F' : 'M'
      const elderly = rng() < 0.2
      db.persons.push({
        id: `p_${String(n).padStart(3, '0')}`,
        name: pick(rng, SURNAMES) + pick(rng, gender === 'F' ? GIVEN_F : GIVEN_M),
        gender,
        birthYear: elderly ? 1938 + Math.floor(rng() * 22) : 1962 + Math.floor(rng() * 44),
        phone: phoneFor(rng),
        roomId: room.id,
        extraRoles: rng() < 0.12 ? ['volunteer'] : [],
        leaderOf: [],
        staffTitle: null,
        tenure: null
      })
    }
  }
  db.seq.p = n
  assignOwnership(db)
  return db
}

/** 专有部分面积 (0.1 m²): 01 rooms ~89 m², 02 rooms ~107 m², varying a little by building and floor. */
function roomArea(b: number, u: number, f: number, r: number): number {
  return (r === 1 ? 886 : 1069) + ((b * 7 + u * 3 + f) % 5) * 13
}

/**
 * The census learns who owns what (after the people are drawn, so the seeded people stay as
 * they were): every occupied room is owned by its household, except TENANT_ROOM, whose
 * household rents it from 李建国 — the one owner of two rooms.
 */
export const TENANT_ROOM = roomId(4, 2, '102')
function assignOwnership(db: Db) {
  const tenantRoom = db.rooms.find((r) => r.id === TENANT_ROOM)
  for (const person of db.persons) {
    if (!person.roomId) continue
    person.tenure = person.roomId === TENANT_ROOM ? 'tenant' : 'owner'
    const room = db.rooms.find((r) => r.id === person.roomId)
    if (room && person.tenure === 'owner') room.ownerIds.push(person.id)
  }
  if (tenantRoom) tenantRoom.ownerIds = [KEY_PEOPLE.leader]
}
