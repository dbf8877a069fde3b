// Which way a text runs, by its first strong letter (as dir="auto" decides), for fields whose direction must
// follow something other than their own value: an empty field follows its placeholder.
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/
const STRONG = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/

export function textDir(text: string): 'rtl' | 'ltr' | undefined {
  const first = STRONG.exec(text)?.[0]
  return first === undefined ? undefined : RTL.test(first) ? 'rtl' : 'ltr'
}

/** The dir of an input: its value's, else its placeholder's, else the page's ("auto" leaves it to the browser). */
export const fieldDir = (value: string, placeholder: string): 'rtl' | 'ltr' | 'auto' =>
  value.trim() ? 'auto' : textDir(placeholder) ?? 'auto'

/** A text of another direction (e.g. a server's English message) isolated inside a sentence that may run
 *  right to left. */
export const isolate = (text: string) => `\u2068${text}\u2069`
