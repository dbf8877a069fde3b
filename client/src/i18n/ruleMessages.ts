// A refusal of the rule table (shared/rules.ts) said in the person's language: why a control is disabled.
import type { Refusal } from '../../../shared/rules.js'
import type { Phase } from '../../../shared/workshop.js'
import type { MessageKey } from './en.js'
import { t } from './i18n.js'

/** The reason for a refused note change (`what` = delete for the delete button), in the current language. */
export function ruleReason(r: Refusal | { code: string }, phase: Phase, what: 'change' | 'delete' = 'change'): string {
  switch (r.code) {
    case 'phase':
      return t('rule.phase', { phase: t(`phase.${phase}` as MessageKey) })
    case 'locked':
      return t('rule.locked')
    case 'not_author':
      return t(what === 'delete' ? 'rule.not_author.delete' : 'rule.not_author')
    case 'observer':
      return t('rule.observer')
    case 'stage_gone':
      return t('rule.stage_gone')
    default:
      return t('rule.other')
  }
}
