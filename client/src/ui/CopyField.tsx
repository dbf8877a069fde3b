// A link shown in full with a copy button that says when it worked.
import { createSignal } from 'solid-js'
import { t } from '../i18n/i18n.js'
import './CopyField.css'

export function CopyField(props: { id: string; label: string; hint: string; value: string; copyLabel: string }) {
  const [copied, setCopied] = createSignal(false)
  let input!: HTMLInputElement
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.value)
    } catch {
      // No clipboard permission (or an insecure origin): select the text so Ctrl+C works.
      input.select()
      document.execCommand?.('copy')
    }
    setCopied(true)
    setTimeout(() => setCopied(false), 2000)
  }
  return (
    <div class="copy-field">
      <label for={props.id}>{props.label}</label>
      <p class="hint" id={`${props.id}-hint`}>
        {props.hint}
      </p>
      <div class="copy-row">
        <input
          ref={input}
          id={props.id}
          dir="ltr"
          readOnly
          value={props.value}
          aria-describedby={`${props.id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button" aria-label={props.copyLabel} onClick={copy}>
          <span aria-live="polite">{copied() ? t('copy.done') : t('copy.button')}</span>
        </button>
      </div>
    </div>
  )
}
