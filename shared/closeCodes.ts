// WebSocket close codes the server uses, in one place so clients and tests name them rather than guess.
// 4000–4999 is the range RFC 6455 leaves to applications; the last three digits echo HTTP.
export const CloseCode = {
  /** A frame that is not a valid y-websocket message (empty, truncated, unknown type, bad update). */
  malformed: 4400,
  /** The token is missing, wrong, or was revoked (also when the facilitator removed this person). */
  unauthorized: 4401,
  /** The client sent what no honest client of its person could have (a server root, someone else's name,
   *  note or client id, an observer writing); nothing of it was kept. The client saves its own notes as
   *  drafts on the device, drops its local copy and loads the board again. (What a rule of the moment
   *  refuses, phase or lock, is not closed: the server reverts it and keeps the person's work as drafts.) */
  forbidden: 4403,
  /** An update built on something the server does not hold (missing dependencies). Nothing of it was
   *  kept; the client keeps everything, reconnects, and its sync resends what the server lacks. In the
   *  45xx range, which the stock y-websocket client retries (it stops for good at any 44xx). */
  resync: 4509,
  /** The connection sent more messages or bytes than its budget (MESSAGES_PER_SECOND, MESSAGE_BURST,
   *  BYTES_PER_SECOND, BYTE_BURST): a flood. What it sent before is judged as usual; the stock client does not
   *  reconnect after it. */
  tooManyMessages: 4429,
  /** The board does not exist; connecting never creates one. */
  unknownBoard: 4404,
  /** The board was deleted (by its facilitator, or as unused for BOARD_TTL_DAYS): gone for good, with every
   *  note, vote and person on it. Sent to everyone on it at once and to anyone who connects later; a 44xx,
   *  so the stock client stops retrying. */
  deleted: 4410,
  /** The message is larger than MAX_MESSAGE_BYTES (the first sync answer excepted, see below). */
  tooLarge: 1009,
  /** The client's first sync answer (its sync step 2: everything it wrote offline, sent by the stock
   *  client as one message) is larger than MAX_FIRST_SYNC_BYTES; nothing of it was kept, and the client
   *  keeps all of it. In the 44xx range on purpose, so the stock y-websocket client stops reconnecting:
   *  every retry would send the same bytes (more, if the person keeps writing) and be refused again,
   *  forever, which is what 1009 did. The person is told; their work stays on their device. */
  firstSyncTooLarge: 4413,
  /** Storage failed; nothing unsaved was relayed. Reconnecting resends the client's state. */
  storageUnavailable: 4503,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
