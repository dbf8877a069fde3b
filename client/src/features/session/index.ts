// Being on a board: the connections (board and private document), joining, the server's clock, and the
// dialogs around them.
export { connectBoard, type Connection, type ConnectionState } from './connection.js'
export { ConnectionStatus } from './ConnectionStatus.js'
export { JoinDialog } from './JoinDialog.js'
export { createMembership, type Membership } from './membership.js'
export { connectPrivate } from './privateConnection.js'
export { createServerClock } from './serverClock.js'
export { ShareDialog } from './ShareDialog.js'
export { ShareLinks } from './ShareLinks.js'
