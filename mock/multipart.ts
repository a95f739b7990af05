// A small multipart/form-data parser for the HTTP mock server (Taro.uploadFile sends the photo
// as the `file` field plus plain form fields). No dependency: split the buffer on the boundary.

export interface MultipartPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export function boundaryOf(contentType: string | undefined): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '')
  return match ? match[1] ?? match[2] : null
}

const CRLF2 = Buffer.from('\r\n\r\n')

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: MultipartPart[] = []
  let start = body.indexOf(delimiter)
  if (start < 0) throw new Error('multipart boundary not found')
  for (;;) {
    start += delimiter.length
    // `--` right after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) break
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2
    const next = body.indexOf(delimiter, start)
    if (next < 0) throw new Error('multipart body is truncated')
    const headerEnd = body.indexOf(CRLF2, start)
    if (headerEnd < 0 || headerEnd > next) throw new Error('multipart part without headers')
    const headers = body.subarray(start, headerEnd).toString('utf8')
    // The part's data ends with the CRLF that precedes the next delimiter.
    const dataEnd = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? ''
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
    if (name !== undefined) {
      parts.push({
        name,
        filename: /\bfilename="([^"]*)"/i.exec(disposition)?.[1],
        contentType: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim(),
        data: body.subarray(headerEnd + CRLF2.length, dataEnd)
      })
    }
    start = next
  }
  return parts
}

const MIME_BY_EXT: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }

/**
 * The body the embedded transport would send for the same upload: the form fields plus the
 * file as a `data:` URL, so mock handlers see one shape from both transports.
 */
export function uploadBody(parts: MultipartPart[]): Record<string, string> {
  const body: Record<string, string> = {}
  for (const part of parts) {
    if (part.filename === undefined) {
      body[part.name] = part.data.toString('utf8')
      continue
    }
    const ext = /\.([A-Za-z0-9]+)$/.exec(part.filename)?.[1]?.toLowerCase() ?? ''
    const declared = part.contentType && part.contentType !== 'application/octet-stream' ? part.contentType : undefined
    const mime = declared ?? MIME_BY_EXT[ext] ?? 'application/octet-stream'
    body.dataUrl = `data:${mime};base64,${part.data.toString('base64')}`
  }
  return body
}
