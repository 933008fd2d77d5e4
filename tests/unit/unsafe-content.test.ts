/** Links and elements that would run script in a reader's browser are build errors, with line and fix. */
import { describe, expect, it } from 'vitest';
import { remarkTree } from '../../src/model/parse-article.ts';
import { isUnsafeUrl, unsafeContentDiagnostics, urlScheme } from '../../src/model/unsafe-content.ts';

/** Read as the pre-pass reads an article with MDX of its own (remark: MDX, GFM with footnotes). */
const errorsIn = (source: string) => unsafeContentDiagnostics(remarkTree(source), 'a.mdx').map((d) => `${d.line}:${d.column} ${d.message}`);

describe('urlScheme reads the scheme as a browser does', () => {
  it.each([
    ['https://example.org', 'https'],
    ['JavaScript:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['java\tscript:alert(1)', 'javascript'],
    ['java\nscript:alert(1)', 'javascript'],
    ['\u0001javascript:alert(1)', 'javascript'],
    ['data:text/html,<b>', 'data'],
    ['/wiki/nvidia/', ''],
    ['#history', ''],
    ['../nvidia/', ''],
    ['nvidia:history', 'nvidia'],
    // Character references and percent-escapes hide no scheme.
    ['&#106;avascript:alert(1)', 'javascript'],
    ['&#x6A;avascript&colon;alert(1)', 'javascript'],
    ['%6Aavascript:alert(1)', 'javascript'],
    ['java%0Ascript:alert(1)', 'javascript'],
    ['&#0000106;&#0000097;vascript:alert(1)', 'javascript'],
    ['DATA:text/html,x', 'data'],
  ])('%j → %j', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });

  it.each([
    ['javascript:alert(1)', true],
    ['vbscript:msgbox', true],
    ['data:image/svg+xml,<svg onload=alert(1)>', true],
    ['file:///etc/passwd', true],
    ['https://example.org/javascript:', false],
    ['mailto:editor@example.org', false],
    ['/special/wanted/', false],
  ])('%j unsafe: %s', (url, unsafe) => {
    expect(isUnsafeUrl(url)).toBe(unsafe);
  });
});

describe('unsafeContentDiagnostics', () => {
  it.each([
    ['[x](javascript:alert(1))', '1:1 the address `javascript:…`'],
    ['![x](data:image/png;base64,AAAA)', '1:1 the address `data:…`'],
    ['Text [ref][r].\n\n[r]: VBScript:msgbox', '3:1 the address `vbscript:…`'],
    ['<script>alert(1)</script>', '1:1 `<script>` is not allowed in an article'],
    ['Inline <iframe src="https://example.org" /> frame.', '1:8 `<iframe>` is not allowed'],
    ['<a href="javascript:alert(1)">x</a>', '1:1 the address `javascript:…` in `href`'],
    ['<img src="x" onError="alert(1)" />', '1:1 the event handler `onError` on `<img>`'],
    ['<a href={url}>x</a>', '1:1 `href` on `<a>` must be written as text'],
    ['<span {...props}>x</span>', '1:1 `{…}` spread attributes are not allowed'],
    // Everything that writes HTML into the page unchecked.
    ['<div set:html="<meta http-equiv=refresh content=0;url=https://evil.example/>" />', '1:1 `set:html` on `<div>` writes its value into the page unchecked'],
    ['<span set:text="x" />', '1:1 `set:text` on `<span>` writes its value'],
    ['<div dangerouslySetInnerHTML="x" />', '1:1 `dangerouslySetInnerHTML` on `<div>`'],
    ['<div is:raw>x</div>', '1:1 `is:raw` on `<div>`'],
    // JSX inside expressions and `export` blocks, read from the JavaScript tree MDX gives them.
    ['Text {<a href="javascript:alert(1)">x</a>} end.', '1:7 the address `javascript:…` in `href`'],
    ['{<iframe src="https://evil.example" />}', '1:2 `<iframe>` is not allowed'],
    ['{[1].map(() => <Fragment set:html="<script>1</script>" />)}', '1:16 `set:html` on `<Fragment>`'],
    ['export const X = () => <embed src="https://evil.example/x.swf" />', '1:24 `<embed>` is not allowed'],
    ['<abbr title={<script>alert(1)</script>}>x</abbr>', '1:14 `<script>` is not allowed'],
    // Elements that send the reader elsewhere or change the page.
    [
      '<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
      '1:1 `<meta>` is not allowed in an article, since it could send the reader to another site',
    ],
    ['<base href="https://evil.example/" />', '1:1 `<base>` is not allowed in an article, since it would change where every link of the page leads'],
    ['<form action="https://evil.example/"><input name="p" /></form>', '1:1 `<form>` is not allowed'],
    // Addresses in any encoding, in any address attribute.
    ['<a href="&#106;avascript:alert(1)">x</a>', '1:1 the address `javascript:…` in `href`'],
    ['<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>', '1:1 the address `javascript:…` in `href`'],
    ['[x](%6Aavascript:alert(1))', '1:1 the address `javascript:…`'],
    ['<img srcset="/a.png 1x, javascript:alert(1) 2x" alt="" />', '1:1 the address `javascript:…` in `srcset`'],
    ['<video poster="data:image/svg+xml,x" />', '1:1 the address `data:…` in `poster`'],
    ['<blockquote cite="vbscript:x">q</blockquote>', '1:1 the address `vbscript:…` in `cite`'],
    ['[^a]\n\n[^a]: [x](javascript:alert(1))', '3:7 the address `javascript:…`'],
    // Tabs whose site could take over this page (reverse tabnabbing).
    [
      '<a href="https://e.example" target="_blank">x</a>',
      '1:1 `target` on `<a>` opens a new tab whose site could take over this page (reverse tabnabbing): add `rel="noopener noreferrer"`',
    ],
    ['<a href="https://e.example" target="other" rel="noreferrer">x</a>', '1:1 `target` on `<a>` opens a new tab'],
    ['<a href="https://e.example" rel="opener">x</a>', '1:1 `rel="opener"` on `<a>` lets the linked site take over this page'],
  ])('%j → %s', (source, start) => {
    const errors = errorsIn(source);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.startsWith(start), errors[0]).toBe(true);
  });

  it.each([
    '[x](https://example.org) and [y](/wiki/nvidia/) and [z](#history)',
    '`<script>alert(1)</script>` in code',
    '```html\n<script>alert(1)</script>\n```',
    '<abbr title="High Bandwidth Memory">HBM</abbr>',
    'Text with \\<script> escaped.',
    '<a href="https://e.example" target="_blank" rel="noopener noreferrer">x</a>',
    '<a href="#top" target="_self">x</a>',
    '{/* a comment */}',
    '```mdx\n<div set:html="<meta http-equiv=refresh>" />\n```',
    'The text javascript:alert(1) is only text.',
  ])('leaves %j alone', (source) => {
    expect(errorsIn(source)).toEqual([]);
  });
});
