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
  /** The board does not exist; connecting never creates one. */
  unknownBoard: 4404,
  /** The frame is larger than MAX_MESSAGE_BYTES (ws itself answers 1009 before buffering it). */
  tooLarge: 1009,
  /** Storage failed; nothing unsaved was relayed. Reconnecting resends the client's state. */
  storageUnavailable: 4503,
  /** The server is shutting down; reconnect later. */
  goingAway: 1001,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
