import Taro from '@tarojs/taro'
import { isChunkLoadError, showChunkFailure } from '../h5-shell'

describe('a page whose code cannot be fetched (H5)', () => {
  afterEach(() => {
    document.getElementById('ll-chunk-offline')?.remove()
    jest.restoreAllMocks()
  })

  it('recognises webpack\'s chunk failures and nothing else', () => {
    const chunk = Object.assign(new Error('Loading chunk 412 failed.\n(missing: http://x/js/412.js)'), { name: 'ChunkLoadError' })
    expect(isChunkLoadError(chunk)).toBe(true)
    expect(isChunkLoadError(Object.assign(new Error('Loading CSS chunk 7 failed.'), { code: 'CSS_CHUNK_LOAD_FAILED' }))).toBe(true)
    expect(isChunkLoadError(new Error('Cannot read properties of undefined'))).toBe(false)
    expect(isChunkLoadError(null)).toBe(false)
  })

  it('says 此页面需要联网打开一次 with 重试 and 返回; 返回 goes back to the page on screen', () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}] as ReturnType<typeof Taro.getCurrentPages>)
    const back = jest.spyOn(window.history, 'back').mockImplementation(() => undefined)
    showChunkFailure()
    const dialog = document.getElementById('ll-chunk-offline') as HTMLElement
    expect(dialog.getAttribute('role')).toBe('alertdialog')
    expect(dialog.querySelector('h2')?.textContent).toBe('此页面需要联网打开一次')
    expect(Array.from(dialog.querySelectorAll('button')).map((b) => b.textContent)).toEqual(['重试', '返回'])
    expect(document.activeElement?.textContent).toBe('重试')
    ;(dialog.querySelector('.ll-chunk-offline__back') as HTMLElement).click()
    expect(back).toHaveBeenCalledTimes(1)
    expect(document.getElementById('ll-chunk-offline')).toBeNull()
  })

  it('offers 返回首页 when the app was opened offline on that page', () => {
    jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([])
    const reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' })
    showChunkFailure()
    const back = document.querySelector('.ll-chunk-offline__back') as HTMLElement
    expect(back.textContent).toBe('返回首页')
    back.click()
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
  })
})
