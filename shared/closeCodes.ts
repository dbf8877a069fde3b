// WebSocket close codes the server uses, in one place so clients and tests name them rather than guess.
// 4000–4999 is the range RFC 6455 leaves to applications; the last three digits echo HTTP.
export const CloseCode = {
  /** A frame that is not a valid y-websocket message (empty, truncated, unknown type, bad update). */
  malformed: 4400,
  /** The token is missing, wrong, or was revoked (also when the facilitator removed this person). */
  unauthorized: 4401,
  /** The client wrote what its role or the phase does not allow; nothing of it was kept. The client must
   *  drop its local copy and load the board again. */
  forbidden: 4403,
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
