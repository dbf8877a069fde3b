// The name and version of the JSON board format, apart so that the request schemas (shared/requests.ts) and
// the reader of the format (json.ts, which checks imports against LIMITS) can both use them without a cycle.
export const BOARD_FORMAT = 'touchpoint-board'
export const BOARD_FORMAT_VERSION = 1
