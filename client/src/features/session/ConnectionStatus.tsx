// The connection state in plain words, with a shape as well as a colour.
import type { ConnectionState as Status } from './connection.js'
import { t } from '../../i18n/i18n.js'
import './ConnectionStatus.css'

const KEYS = {
  connecting: 'status.connecting',
  connected: 'status.connected',
  reconnecting: 'status.reconnecting',
  offline: 'status.offline',
  notFound: 'status.reconnecting',
  tooLarge: 'status.tooLarge',
  deleted: 'status.reconnecting',
} as const

export function ConnectionStatus(props: { status: Status }) {
  return (
    <p class={`connection connection-${props.status}`} role="status" data-status={props.status}>
      <span class="connection-dot" aria-hidden="true" />
      <span class="visually-hidden">{t('status.label')}: </span>
      {t(KEYS[props.status])}
    </p>
  )
}
