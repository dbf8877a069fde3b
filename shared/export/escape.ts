// Escaping of user text (note texts, cluster and stage names, the frame) for every export that has markup.
// Notes are written by anyone with the board's link, so an export must show them as text, never run them.

/** Text for HTML and SVG, in content and in quoted attributes alike. Characters that XML forbids (most C0
 *  controls, lone surrogates) are dropped, so that a standalone SVG stays well-formed whatever was typed. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Inline Markdown text, for a list item, a heading or a table cell. Line breaks become spaces (a note cannot
 *  start a block of its own); characters that open emphasis, code, links, images, HTML, entities or table
 *  cells are backslash-escaped; and so is what would make the start of the text a heading, a list or a quote.
 *  Ordinary punctuation is left alone, so the Markdown stays readable as plain text. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>&|~#]/g, '\\$&')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}
