// Exports fetched with this person's token and saved through a Blob link, and imports of a board's JSON.
import type { CreateBoardResponse } from '../../../../shared/api.js'
import { ApiCallError } from '../../lib/api.js'


export const EXPORT_FORMATS = ['md', 'csv', 'json', 'html', 'pdf', 'png', 'svg'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The file name the server chose (RFC 6266: the UTF-8 `filename*` first, else the ASCII `filename`). */
export function filenameFrom(header: string | null, fallback: string): string {
  const star = header && /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim())
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = header && /filename="([^"]*)"/i.exec(header)
  return (plain && plain[1]) || fallback
}

async function failure(res: Response): Promise<ApiCallError> {
  const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null
  return new ApiCallError(data?.error?.code ?? `http_${res.status}`, data?.error?.message ?? res.statusText)
}

export async function fetchExport(boardId: string, token: string, format: ExportFormat, lang: string) {
  let res: Response
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/export?format=${format}&lang=${encodeURIComponent(lang)}`, {
      headers: { authorization: `Bearer ${token}` },
    })
  } catch {
    throw new ApiCallError('network', 'network')
  }
  if (!res.ok) throw await failure(res)
  return { blob: await res.blob(), filename: filenameFrom(res.headers.get('content-disposition'), `journey-map.${format}`) }
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later, not now: the download starts asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** The print page, made to open the print dialog once it has laid itself out. */
export function printable(html: string): Blob {
  const script = '<script>addEventListener("load", () => setTimeout(() => print(), 300))</script>'
  const out = /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${script}</body>`) : html + script
  return new Blob([out], { type: 'text/html' })
}

export async function importBoardJson(json: string): Promise<CreateBoardResponse> {
  let res: Response
  try {
    res = await fetch('/api/boards/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body: json })
  } catch {
    throw new ApiCallError('network', 'network')
  }
  if (!res.ok) throw await failure(res)
  return (await res.json()) as CreateBoardResponse
}
