// The board's language, which its exports follow (their words and direction) whatever each reader's interface
// language: set when the board was made, from its maker's interface, and changed here by the facilitator. The
// rule table decides who may write it (the meta root is the facilitator's); anyone else sees no control.
import { Show, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { boardLang } from '../../../../shared/boardLang.js'
import { valueRefusal, type Writer } from '../../../../shared/rules.js'
import { isBoardLang, setBoardLang, type BoardLang } from '../../../../shared/schema.js'
import { readSession } from '../../../../shared/sessionDoc.js'
import { t } from '../../i18n/i18n.js'
import { createYStore } from '../../lib/yStore.js'
import { LocaleOptions } from '../../ui/LocaleOptions.js'
import './BoardLanguage.css'

/** The board's language as a signal: the stored one, else the guess a board made before had (shared/boardLang). */
export function createBoardLang(doc: Y.Doc): Accessor<BoardLang> {
  const { state, dispose } = createYStore(doc, { lang: boardLang(doc) }, [
    { types: [doc.getMap('meta')], refresh: (set) => set('lang', boardLang(doc)) },
  ])
  onCleanup(dispose)
  return () => state.lang
}

export function BoardLanguage(props: { doc: Y.Doc; lang: Accessor<BoardLang>; who: Accessor<Pick<Writer, 'personId' | 'role'> | null> }) {
  const mayWrite = () => {
    const who = props.who()
    return !!who && valueRefusal({ ...who, session: readSession(props.doc) }, 'meta', 'lang') === null
  }
  return (
    <Show when={mayWrite()}>
      <span class="board-lang">
        {/* The hint sits outside the label, so that the label names the control and no more. */}
        <label for="board-lang">{t('map.lang.label')}</label>
        <select
          id="board-lang"
          value={props.lang()}
          aria-describedby="board-lang-hint"
          onChange={(e) => {
            const v = e.currentTarget.value
            if (isBoardLang(v) && mayWrite()) setBoardLang(props.doc, v)
          }}
        >
          <LocaleOptions />
        </select>
        <span id="board-lang-hint" class="visually-hidden">
          {t('map.lang.hint')}
        </span>
      </span>
    </Show>
  )
}
