// What a journey template starts a board with: its stages in order and the lanes it adds or names, in the
// interface language (the new board's language).
import { For, Show } from 'solid-js'
import type { BoardLang } from '../../../../shared/schema.js'
import type { JourneyTemplate } from '../../../../shared/templates.js'
import { t } from '../../i18n/i18n.js'
import './TemplatePreview.css'

export function TemplatePreview(props: { template: JourneyTemplate; lang: BoardLang }) {
  const lanes = () => [...Object.values(props.template.renames), ...props.template.adds.map((l) => l.name)].map((w) => w[props.lang])
  return (
    <section class="template-preview" aria-label={t('home.preview.label', { name: props.template.name[props.lang] })} data-template={props.template.id}>
      <h3>{t('home.preview.stages')}</h3>
      <ol class="preview-stages">
        <For each={props.template.stages[props.lang]}>{(name) => <li dir="auto">{name}</li>}</For>
      </ol>
      <Show when={lanes().length > 0}>
        <h3>{t('home.preview.lanes')}</h3>
        <ul class="preview-lanes">
          <For each={lanes()}>{(name) => <li dir="auto">{name}</li>}</For>
        </ul>
      </Show>
    </section>
  )
}
