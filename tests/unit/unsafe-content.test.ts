/** Links and elements that would run script in a reader's browser are build errors, with line and fix. */
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { isUnsafeUrl, unsafeContentDiagnostics, urlScheme } from '../../src/model/unsafe-content.ts';

const errorsIn = (source: string) =>
  unsafeContentDiagnostics(unified().use(remarkParse).use(remarkMdx).parse(source), 'a.mdx').map((d) => `${d.line}:${d.column} ${d.message}`);

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
  ])('leaves %j alone', (source) => {
    expect(errorsIn(source)).toEqual([]);
  });
});
