// The workshop's actions over HTTP (POST /api/boards/:id/actions), and the message that explains a refusal.
import type { ApiError } from '../../../../shared/api.js'
import { ActionRequest, check } from '../../../../shared/requests.js'
import type { Action } from '../../../../shared/workshop.js'
import { ApiCallError } from '../../lib/api.js'
import type { MessageKey } from '../../i18n/en.js'

/** Sends an action, checked first against the schema the server checks it with (an ApiCallError if refused). */
export async function postAction(boardId: string, token: string, action: Action): Promise<{ serverNow: number }> {
  const checked = check(ActionRequest, action)
  if (!checked.ok) throw new ApiCallError('invalid_action', checked.message)
  let res: Response
  try {
    res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(action),
    })
  } catch {
    throw new ApiCallError('network', 'network')
  }
  const data = (await res.json().catch(() => null)) as { ok: true; serverNow: number } | ApiError | null
  if (!res.ok || !data || 'error' in data) {
    const err = data && 'error' in data ? data.error : { code: `http_${res.status}`, message: res.statusText }
    throw new ApiCallError(err.code, err.message)
  }
  return { serverNow: data.serverNow }
}

const KNOWN = [
  'wrong_phase', 'voting_closed', 'over_budget', 'over_item_cap', 'nothing_to_take_back', 'unknown_item', 'facilitator_only',
  'unauthorized', 'network', 'participant_not_found', 'cannot_remove_self', 'observer',
  'wrong_round', 'not_in_round', 'over_kind_budget', 'no_results',
] as const

/** The friendly message for a refusal code from the server (or from the same check done here first). */
export function refusalMessage(code: string): MessageKey {
  return (KNOWN as readonly string[]).includes(code) ? (`refused.${code}` as MessageKey) : 'refused.other'
}
