// weapp: the 证明 drawn on the page's <Canvas type="2d">, turned into a PNG and saved to the
// album after asking for scope.writePhotosAlbum. A refusal is answered in words with a way to
// the settings page (WeChat does not ask twice once refused).
import Taro from '@tarojs/taro'
import { ensurePrivacyConsent } from '../core/privacy'
import { drawCertificate, type CertLayout, type Ctx2d } from './certificate'

export const CERT_CANVAS_ID = 'vol-cert-canvas'
/** Pixels per layout unit: an 800-wide layout becomes a sharp 1600-pixel image. */
const SCALE = 2

export type SaveResult = { ok: true } | { ok: false; denied: boolean; message: string }

export const ALBUM_DENIED = '没有保存到相册的权限。请在设置中打开「保存到相册」后再试。'

const errText = (e: unknown) => String((e as { errMsg?: string })?.errMsg ?? e)

interface CanvasNode { width: number; height: number; getContext(kind: '2d'): Ctx2d & { scale(x: number, y: number): void } }

function canvasNode(): Promise<CanvasNode> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery().select(`#${CERT_CANVAS_ID}`).fields({ node: true, size: true }).exec((res: { node?: CanvasNode }[] | null) => {
      const node = res?.[0]?.node
      if (node) resolve(node)
      else reject(new Error('证明图片生成失败，请稍后重试'))
    })
  })
}

/** Draws the layout and returns the temp PNG's path. */
export async function renderCertificate(layout: CertLayout): Promise<string> {
  const canvas = await canvasNode()
  canvas.width = layout.width * SCALE
  canvas.height = layout.height * SCALE
  const ctx = canvas.getContext('2d')
  ctx.scale(SCALE, SCALE)
  drawCertificate(ctx, layout)
  const res = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png', x: 0, y: 0, width: canvas.width, height: canvas.height, destWidth: canvas.width, destHeight: canvas.height } as Taro.canvasToTempFilePath.Option)
  return res.tempFilePath
}

/** 'ok' when saving may go ahead; asks once, and says no without asking after an earlier refusal. */
export async function albumPermission(): Promise<'ok' | 'denied'> {
  try {
    const setting = await Taro.getSetting()
    const granted = setting.authSetting['scope.writePhotosAlbum']
    if (granted === true) return 'ok'
    if (granted === false) return 'denied'
    await Taro.authorize({ scope: 'scope.writePhotosAlbum' })
    return 'ok'
  } catch {
    return 'denied'
  }
}

export async function saveCertificateImage(layout: CertLayout): Promise<SaveResult> {
  if (!(await ensurePrivacyConsent('photo'))) return { ok: false, denied: false, message: '需要同意隐私保护指引后才能保存图片' }
  if ((await albumPermission()) === 'denied') return { ok: false, denied: true, message: ALBUM_DENIED }
  let path: string
  try {
    path = await renderCertificate(layout)
  } catch (e) {
    return { ok: false, denied: false, message: e instanceof Error ? e.message : '证明图片生成失败，请稍后重试' }
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: path })
    return { ok: true }
  } catch (e) {
    const why = errText(e)
    if (/auth|deny|denied|permission/i.test(why)) return { ok: false, denied: true, message: ALBUM_DENIED }
    if (/cancel/i.test(why)) return { ok: false, denied: false, message: '已取消保存' }
    return { ok: false, denied: false, message: '保存失败，请稍后重试' }
  }
}

/** Opens the mini-program's settings so a refused album permission can be turned on. */
export function openAlbumSettings(): void {
  void Taro.openSetting({}).catch(() => undefined)
}
