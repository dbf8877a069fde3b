// The comments on one note, cluster or map item (discussion.ts), in a dialog: each with its author and when, the
// author's (and the facilitator's) edit and delete, and a field to add one. Ctrl or Cmd and Enter posts; what is
// typed stays in this browser until it is posted. It closes when notes go back to being written privately.
import { For, Show, createSignal, onCleanup } from 'solid-js'
import { LIMITS } from '../../../../shared/requests.js'
import type { Comment } from '../../../../shared/discussion.js'
import { Modal } from '../../ui/Modal.js'
import { announce } from '../../lib/announce.js'
import { locale, t } from '../../i18n/i18n.js'
import { useWorkshop } from './context.js'
import { discussionReason } from './discussion.js'
import { fullTime, isoTime, timeAgo } from './commentTime.js'
import './CommentThread.css'

const TICK_MS = 30_000

export function CommentThread(props: { targetId: string; name: string }) {
  const w = useWorkshop()
  const d = w.discussion
  const list = () => d.commentsOn(props.targetId)
  const [now, setNow] = createSignal(Date.now())
  const tick = setInterval(() => setNow(Date.now()), TICK_MS)
  onCleanup(() => clearInterval(tick))
  let field!: HTMLTextAreaElement

  function close() {
    const id = props.targetId // read before the dialog closes: afterwards it is gone
    d.closeThread()
    queueMicrotask(() => document.querySelector<HTMLElement>(`.comments-button[data-target-id="${CSS.escape(id)}"]`)?.focus())
  }
  function post(e?: Event) {
    e?.preventDefault()
    const refusal = d.addRefusal()
    if (refusal) return w.messages.say(discussionReason(refusal, 'comment'))
    if (d.post(props.targetId)) {
      field.value = ''
      announce(t('comment.posted'))
    }
    field.focus()
  }

  return (
    <Modal labelledBy="thread-heading" onCancel={close} class="comment-thread">
      <div class="thread-head">
        <h2 id="thread-heading">{t('comment.heading')}</h2>
        <button type="button" class="icon-button" aria-label={t('comment.close')} onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="thread-about" dir="auto">
        {props.name || t('note.empty')}
      </p>
      <Show when={list().length} fallback={<p class="hint">{t('comment.none')}</p>}>
        <ol class="comments" aria-label={t('comment.list', { count: list().length })} data-testid="comments">
          <For each={list()}>{(c) => <CommentRow comment={c} now={now()} onGone={() => field?.focus()} />}</For>
        </ol>
      </Show>
      <Show
        when={!d.addRefusal()}
        fallback={<p class="hint" role="status">{discussionReason(d.addRefusal()!, 'comment')}</p>}
      >
        <form class="comment-form" onSubmit={post}>
          <label for="comment-new">{t('comment.field')}</label>
          <textarea
            ref={field}
            id="comment-new"
            dir="auto"
            rows={2}
            maxLength={LIMITS.commentLength}
            placeholder={t('comment.placeholder')}
            value={d.field(props.targetId)}
            onInput={(e) => d.setField(props.targetId, e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && post(e)}
          />
          <div class="comment-form-actions">
            <span class="hint">{t('comment.postHint')}</span>
            <button type="submit" class="button small primary">
              {t('comment.post')}
            </button>
          </div>
        </form>
      </Show>
    </Modal>
  )
}

function CommentRow(props: { comment: Comment; now: number; onGone: () => void }) {
  const w = useWorkshop()
  const d = w.discussion
  const c = () => props.comment
  const [editing, setEditing] = createSignal(false)
  const mine = () => c().authorId === w.store.writer().personId
  const author = () => w.store.state.people[c().authorId]?.name || t('comment.someone')
  const when = () => fullTime(c().createdAt, locale().code)
  const mayEdit = () => !d.editRefusal(c())
  const mayDelete = () => !d.deleteRefusal(c())
  let editor!: HTMLTextAreaElement

  function save(e: Event) {
    e.preventDefault()
    if (d.edit(c(), editor.value)) announce(t('comment.saved'))
    setEditing(false)
    document.getElementById(`comment-${c().id}-edit`)?.focus()
  }
  function remove() {
    if (!d.remove(c())) return
    announce(t('comment.deleted'))
    props.onGone()
  }

  return (
    <li class="comment" classList={{ mine: mine() }} data-comment-id={c().id}>
      <p class="comment-meta">
        <bdi class="comment-author">{author()}</bdi>
        <Show when={mine()}>
          <span class="comment-you">{t('reaction.you')}</span>
        </Show>
        <time dateTime={isoTime(c().createdAt)} title={when()} aria-label={when()}>
          {timeAgo(c().createdAt, props.now, locale().code)}
        </time>
        <Show when={c().editedAt !== undefined}>
          <span class="comment-edited" title={fullTime(c().editedAt!, locale().code)}>
            {t('comment.edited')}
          </span>
        </Show>
      </p>
      <Show
        when={editing()}
        fallback={
          <p class="comment-text" dir="auto">
            {c().text}
          </p>
        }
      >
        <form class="comment-form" onSubmit={save}>
          <textarea
            ref={(el) => ((editor = el), queueMicrotask(() => el.focus()))}
            dir="auto"
            rows={2}
            maxLength={LIMITS.commentLength}
            aria-label={t('comment.editing', { name: author() })}
            value={c().text}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e)
              // Escape leaves the edit, not the dialog.
              if (e.key === 'Escape') {
                e.preventDefault()
                e.stopPropagation()
                setEditing(false)
              }
            }}
          />
          <div class="comment-form-actions">
            <button type="button" class="button small subtle" onClick={() => setEditing(false)}>
              {t('comment.cancel')}
            </button>
            <button type="submit" class="button small primary">
              {t('comment.save')}
            </button>
          </div>
        </form>
      </Show>
      <Show when={!editing() && (mayEdit() || mayDelete())}>
        <span class="comment-tools">
          <Show when={mayEdit()}>
            <button type="button" id={`comment-${c().id}-edit`} class="button small subtle" aria-label={t('comment.editOne', { name: author() })}
              onClick={() => setEditing(true)}>
              {t('comment.edit')}
            </button>
          </Show>
          <Show when={mayDelete()}>
            <button type="button" class="button small subtle" aria-label={t('comment.deleteOne', { name: author() })} onClick={remove}>
              {t('comment.delete')}
            </button>
          </Show>
        </span>
      </Show>
    </li>
  )
}
