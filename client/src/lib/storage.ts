// localStorage that never throws: private modes and full quotas must not break the board.
const PREFIX = 'touchpoint:'

export function load(key: string): string | null {
  try {
    return localStorage.getItem(PREFIX + key)
  } catch {
    return null
  }
}

export function remove(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key)
  } catch {
    // Nothing to forget where nothing could be kept.
  }
}

export function save(key: string, value: string): void {
  try {
    localStorage.setItem(PREFIX + key, value)
  } catch {
    // Not remembered across visits; the current session still works.
  }
}
