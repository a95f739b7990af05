import { KEY_PEOPLE } from '../../../mock'
import { useOutbox } from '../../core/outbox'
import { useRequestDraft } from '../draft-store'
import { submitDraft } from '../submit'
import { startAs } from './harness'

type DraftModule = typeof import('../draft-store')

/** A fresh copy of the store module, as after the app was killed and opened again. */
function reopenApp(): DraftModule['useRequestDraft'] {
  let fresh: DraftModule['useRequestDraft'] | undefined
  jest.isolateModules(() => { fresh = (require('../draft-store') as DraftModule).useRequestDraft })
  return fresh as DraftModule['useRequestDraft']
}

const fill = () => {
  const d = useRequestDraft.getState()
  d.setCategory('streetlight')
  d.setAnswer('lamp_state', 'off')
  d.setDescription('1栋门口的路灯连续三晚不亮，晚上回家很黑')
  d.setPlace({ id: 'b_1', name: '1栋', source: 'manual', point: null, distanceMeters: null })
}

describe('request draft', () => {
  it('comes back after the app is killed, with text, answers, place and photos', () => {
    useRequestDraft.getState().clear()
    fill()
    useRequestDraft.getState().setNote('单元门左侧')
    useRequestDraft.getState().addPhoto({ id: 'ph1', localPath: 'blob:x/1', sendPath: null, status: 'uploading', progress: 40, file: null, error: null, originalBytes: 3_000_000, sentBytes: 250_000 })
    const key = useRequestDraft.getState().key

    const after = reopenApp().getState()
    expect(after).toMatchObject({ key, categoryCode: 'streetlight', answers: { lamp_state: 'off' }, note: '单元门左侧', place: { id: 'b_1' } })
    expect(after.description).toBe('1栋门口的路灯连续三晚不亮，晚上回家很黑')
    // An upload cut off by the kill cannot resume by itself: it waits for a tap.
    expect(after.photos[0]).toMatchObject({ id: 'ph1', status: 'failed', error: '上传中断，点按重试' })
  })

  it('drops answers that do not belong to a newly chosen category', () => {
    useRequestDraft.getState().clear()
    fill()
    useRequestDraft.getState().setCategory('noise')
    expect(useRequestDraft.getState().answers).toEqual({})
  })

  it('is cleared only once the request is filed, not while it waits offline', async () => {
    const backend = await startAs(KEY_PEOPLE.resident)
    fill()
    const key = useRequestDraft.getState().key
    backend.setFaults({ offline: true })
    expect((await submitDraft()).status).toBe('queued')
    expect(useRequestDraft.getState().key).toBe(key)
    expect(useRequestDraft.getState().description).not.toBe('')
    expect(useOutbox.getState().items.map((i) => i.key)).toEqual([key])

    backend.setFaults({ offline: false })
    const outcome = await submitDraft()
    expect(outcome.status).toBe('sent')
    expect(useRequestDraft.getState().description).toBe('')
    expect(useRequestDraft.getState().key).not.toBe(key)
    expect((backend.db().serviceRequests ?? []).filter((r) => r.description.startsWith('1栋门口的路灯连续三晚'))).toHaveLength(1)
  })

  it('hands a refusal back with field messages and keeps the draft', async () => {
    await startAs(KEY_PEOPLE.resident)
    fill()
    useRequestDraft.getState().setPlace({ id: 'nowhere', name: '火星', source: 'manual', point: null, distanceMeters: null })
    const outcome = await submitDraft()
    expect(outcome.status).toBe('refused')
    if (outcome.status === 'refused') expect(outcome.error.fields?.['location.placeId']).toBeTruthy()
    expect(useRequestDraft.getState().place?.id).toBe('nowhere')
    expect(useOutbox.getState().items).toEqual([])
  })

  it('keeps a 代办 draft apart from the own one, across a restart, and blanks it when it is filed in the background', async () => {
    const backend = await startAs(KEY_PEOPLE.leader)
    useRequestDraft.getState().setDescription('我自己的诉求')
    const own = useRequestDraft.getState().key
    useRequestDraft.getState().switchTo(KEY_PEOPLE.elderlyResident)
    expect(useRequestDraft.getState()).toMatchObject({ onBehalfOf: KEY_PEOPLE.elderlyResident, description: '' })
    fill()
    const forHer = useRequestDraft.getState().key
    backend.setFaults({ offline: true })
    expect((await submitDraft('王秀英')).status).toBe('queued')
    expect(useOutbox.getState().items[0]).toMatchObject({ key: forHer, label: '代王秀英 · 路灯照明 · 1栋' })

    // The leader turns to their own form; the app is killed and opened again.
    useRequestDraft.getState().switchTo(null)
    const after = reopenApp().getState()
    expect(after).toMatchObject({ key: own, onBehalfOf: null, description: '我自己的诉求' })
    expect(after.aside[KEY_PEOPLE.elderlyResident]).toMatchObject({ key: forHer, onBehalfOf: KEY_PEOPLE.elderlyResident })

    // The queued 代办 goes out while the own draft is on screen: only the 代办 one is blanked.
    backend.setFaults({ offline: false })
    useRequestDraft.getState().filed(forHer)
    expect(useRequestDraft.getState()).toMatchObject({ key: own, description: '我自己的诉求' })
    useRequestDraft.getState().switchTo(KEY_PEOPLE.elderlyResident)
    expect(useRequestDraft.getState()).toMatchObject({ onBehalfOf: KEY_PEOPLE.elderlyResident, description: '' })
    expect(useRequestDraft.getState().key).not.toBe(forHer)
  })
})
