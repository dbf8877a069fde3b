import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown } from '../../shared/export/escape.js'
import { toMarkdown } from '../../shared/export/markdown.js'
import { toPrintHtml } from '../../shared/export/printHtml.js'
import { toSvgCurve } from '../../shared/export/svgCurve.js'
import { hostileMap } from './fixtures/hostileMap.js'

/** The page without its style sheet and our one script, whose CSS selectors and code hold '>' and '<'. */
const markupOnly = (html: string) => html.replace(/<style>[^]*?<\/style>/, '').replace(/<script>[^]*?<\/script>/, '')
/** Everything between tags, i.e. the text a browser would show, with our own markup removed. */
const ownTags = /<\/?(?:!DOCTYPE|html|head|meta|title|style|body|main|header|h1|dl|div|dt|dd|strong|table|colgroup|col|thead|tbody|tr|th|td|ul|li|span|bdi|svg|desc|rect|line|polyline|circle|text|script)\b[^<>]*>/g

describe('HTML and SVG escaping', () => {
  it('escapes the five significant characters and drops characters XML forbids', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;')
    expect(escapeHtml('a\u0000b\u0007c\u000Bd\uD800e\tf\ng')).toBe('abcde\tf\ng')
    expect(escapeHtml('😀 پرسونا')).toBe('😀 پرسونا')
  })

  it('never lets a note\'s <script>, quotes or & through in the print page', () => {
    const html = toPrintHtml(hostileMap(), { dir: 'rtl', lang: 'fa" onload="x' })
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('"double"')
    expect(html).toContain('<html lang="fa&quot; onload=&quot;x" dir="rtl">')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;')
    // Only our own tags remain, and the single script is ours, the one before </body>.
    expect(markupOnly(html).replace(ownTags, '')).not.toMatch(/[<>]/)
    expect(html.match(/<script>/g)).toHaveLength(1)
    expect(html.indexOf('<script>')).toBeGreaterThan(html.lastIndexOf('</main>'))
  })

  it('escapes stage names, the title and the description in the SVG curve', () => {
    const svg = toSvgCurve(hostileMap(), 'ltr')
    expect(svg).not.toContain('<script>')
    expect(svg.replace(ownTags, '')).not.toMatch(/[<>]/)
    expect(svg).toContain('<title>Emotion curve — &lt;script&gt;')
    expect(svg).toContain('مرحله &lt;دوم&gt;')
  })

  it('lays stages out in reading order: the first stage on the right in rtl', () => {
    const xOf = (svg: string, text: string) => Number(svg.match(new RegExp(`x="([\\d.]+)"[^>]*>${text}<`))![1])
    const map = hostileMap('t')
    map.stages = [{ id: 's1', name: 'first' }, { id: 's2', name: 'second' }]
    expect(xOf(toSvgCurve(map, 'ltr'), 'first')).toBeLessThan(xOf(toSvgCurve(map, 'ltr'), 'second'))
    expect(xOf(toSvgCurve(map, 'rtl'), 'first')).toBeGreaterThan(xOf(toSvgCurve(map, 'rtl'), 'second'))
  })
})

describe('Markdown escaping', () => {
  it('keeps a note from opening a heading, a list, a quote, a link, an image, code or HTML', () => {
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    expect(escapeMarkdown('- item')).toBe('\\- item')
    expect(escapeMarkdown('+ item')).toBe('\\+ item')
    expect(escapeMarkdown('1. first')).toBe('1\\. first')
    expect(escapeMarkdown('> quote')).toBe('\\> quote')
    expect(escapeMarkdown('[click](javascript:alert(1))')).toBe('\\[click\\](javascript:alert(1))')
    expect(escapeMarkdown('![x](http://t/p.png)')).toBe('!\\[x\\](http://t/p.png)')
    expect(escapeMarkdown('<b>bold</b> &amp; `code` *em* _em_ ~~s~~ a|b')).toBe(
      '\\<b\\>bold\\</b\\> \\&amp; \\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ a\\|b')
  })

  it('turns line breaks into spaces, so a note cannot start a block of its own', () => {
    expect(escapeMarkdown('اول\n# دوم\r\n\n- سوم')).toBe('اول \\# دوم - سوم')
  })

  it('leaves ordinary Persian and Arabic punctuation alone', () => {
    expect(escapeMarkdown('هزینه ارسال چقدر است؟ (شیراز) — ۵۰٪ «تخفیف»، لطفاً.')).toBe(
      'هزینه ارسال چقدر است؟ (شیراز) — ۵۰٪ «تخفیف»، لطفاً.')
  })

  it('escapes every user field of the Markdown export', () => {
    const md = toMarkdown(hostileMap())
    expect(md).not.toMatch(/(^|[^\\])<(script|img)/m)
    expect(md).not.toMatch(/(^|[^\\])\[click/)
    expect(md.split('<script').length).toBe(md.split('\\<script\\>').length)
    expect(md.split('<script').length).toBeGreaterThan(5)
  })
})
