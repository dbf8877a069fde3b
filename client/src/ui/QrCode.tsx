// A QR code as an SVG, drawn from uqr's module matrix: one path of horizontal runs (a few hundred
// characters, not a rect per module), coloured by the design tokens, with the quiet zone the standard asks for.
import { createMemo } from 'solid-js'
import { encode } from 'uqr'
import './QrCode.css'

/** Four light modules around the code, as ISO/IEC 18004 asks, so it scans on any background. */
const QUIET_ZONE = 4

/** The dark modules of `text` as one SVG path, and the side of the square in modules. */
export function qrPath(text: string): { d: string; size: number } {
  // M: 15% of the code may be lost (glare on a projector, a finger on a phone) and a link stays small.
  const { data, size } = encode(text, { ecc: 'M', border: QUIET_ZONE })
  let d = ''
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue
      const start = x
      while (x + 1 < size && row[x + 1]) x++
      d += `M${start} ${y}h${x - start + 1}v1h${start - x - 1}z`
    }
  })
  return { d, size }
}

export function QrCode(props: { value: string; label: string; class?: string; testId?: string }) {
  const qr = createMemo(() => qrPath(props.value))
  return (
    <svg
      class={`qr ${props.class ?? ''}`}
      viewBox={`0 0 ${qr().size} ${qr().size}`}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      shape-rendering="crispEdges"
    >
      <rect class="qr-light" width={qr().size} height={qr().size} />
      <path class="qr-dark" d={qr().d} />
    </svg>
  )
}
