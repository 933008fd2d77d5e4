/** The Content-Security-Policy helpers: hashes, what a built page runs, and the site-wide policy for _headers. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  cspHash,
  directiveSources,
  headersFile,
  inlineEventHandlers,
  inlineScriptsOfComponent,
  inlineScriptsOfPage,
  pagePolicy,
  pageSecurityProblems,
  parsePage,
  sitePolicy,
} from '../../src/postbuild/csp.ts';

const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;

describe('csp', () => {
  it('hashes text as CSP expects (sha256, base64)', () => {
    expect(cspHash('alert(1)')).toBe(`sha256-${createHash('sha256').update('alert(1)').digest('base64')}`);
    expect(cspHash('alert(1)')).not.toBe(cspHash('alert(1) '));
  });

  it('reads the inline scripts of a component exactly as written', () => {
    expect(inlineScriptsOfComponent('---\n---\n<script is:inline>\n  a();\n</script>\n<script>import "./b.ts";</script>')).toEqual(['\n  a();\n']);
  });

  it('reads the inline scripts of a page, not those with src nor JSON data', () => {
    const html = '<script>a()</script><script type="module">b()</script><script src="/c.js"></script><script type="application/ld+json">{}</script>';
    expect(inlineScriptsOfPage(html)).toEqual(['a()', 'b()']);
    // Escaped text from content inside an attribute is not a script.
    expect(inlineScriptsOfPage('<section data-candidates="[{&quot;title&quot;:&quot;<script>alert(1)</script>&quot;}]"></section>')).toEqual([]);
  });

  it('reads a page as a browser does: text elements hold no scripts, and a `>` in an attribute value does not end the tag', () => {
    expect(inlineScriptsOfPage('<title><script>a()</script></title><textarea><script>b()</script></textarea><style>p{}</style><script>c()</script>')).toEqual([
      'c()',
    ]);
    expect(inlineScriptsOfPage('<script>if (a < b && "</p>") go();</script>')).toEqual(['if (a < b && "</p>") go();']);
    expect(inlineEventHandlers('<a title="a > b" onclick="x()">')).toEqual(['onclick']);
    expect(inlineEventHandlers('<!-- <a onclick="x()"> --><p>ok</p>')).toEqual([]);
    expect(pagePolicy('<meta name="x"><meta HTTP-EQUIV="Content-Security-Policy" content="a">')).toBe('a');
  });

  it('ends a stylesheet and a script where a browser ends them, whatever looks like a tag inside', () => {
    // Passed over in one step, not read character by character: the same ends as the tokenizer's.
    expect(inlineScriptsOfPage('<style>a</stylex><script>no()</script></style><script>yes()</script>')).toEqual(['yes()']);
    expect(inlineScriptsOfPage('<style>a</STYLE\n><script>yes()</script>')).toEqual(['yes()']);
    expect(inlineScriptsOfPage('<style>a</style\r\n><script>yes()</script>')).toEqual(['yes()']);
    expect(inlineEventHandlers('<style>a</styles><img src=x onerror=alert(1)></style><img onload=go()>')).toEqual(['onload']);
    expect(inlineScriptsOfPage('<style>runs to the end <script>no()</script>')).toEqual([]);
    expect(inlineScriptsOfPage('<script>a()</scriptx>b()</SCRIPT\t><script>c()</script/>')).toEqual(['a()</scriptx>b()', 'c()']);
    expect(inlineScriptsOfPage('<script>never ends')).toEqual(['never ends']);
  });

  it('gives a script the text a browser hashes: line breaks as line feeds, NUL replaced, escaped text read as the tokenizer reads it', () => {
    expect(inlineScriptsOfPage('<script>a\r\nb\rc\0d</script>')).toEqual(['a\nb\nc\uFFFDd']);
    // After `<!--`, `<script>` nests: the first `</script>` does not end the element.
    expect(inlineScriptsOfPage('<script><!--<script>x</script>y</script>z--></script><img onerror=1>')).toEqual(['<!--<script>x</script>y']);
    expect(inlineEventHandlers('<script><!--<script>x</script><img onerror=1></script><img onload=1>')).toEqual(['onload']);
    expect(inlineScriptsOfPage('<script>\u{1F600}</script>')).toEqual(['\u{1F600}']);
  });

  it.each([
    ['<img src="x" onerror="alert(1)">', ['onerror']],
    ['<body onload=go()>', ['onload']],
    ['<a href="/x" ONCLICK=\'x()\'>', ['onclick']],
    ['<meta content="&lt;img src=x onerror=alert(1)&gt;">', []],
    ['<p>Text about onclick= handlers</p>', []],
    ['<div data-once="1">', []],
  ])('finds inline event handlers in %j', (html, expected) => {
    expect(inlineEventHandlers(html)).toEqual(expected);
  });

  it('finds a page without policy, an inline script it does not allow, and an event handler', () => {
    const allowed = cspHash('ok()');
    expect(pageSecurityProblems('<html><body></body></html>')).toEqual(['the page has no Content-Security-Policy meta tag']);
    expect(pageSecurityProblems(page(`script-src 'self' '${allowed}'`, '<script>ok()</script>'))).toEqual([]);
    const problems = pageSecurityProblems(page(`script-src 'self' '${allowed}'`, '<script>evil()</script><button onclick="x()">'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('"evil()…"');
    expect(problems[1]).toContain('`onclick`');
  });

  it('reads the policy of a page and its directives', () => {
    const policy = pagePolicy(page("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'", ''));
    expect(policy).toBe("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    expect(directiveSources(policy ?? '', 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directiveSources(policy ?? '', 'style-src')).toEqual([]);
  });

  it('joins the policies of all pages into one for _headers, with frame-ancestors', () => {
    const policy = sitePolicy(["default-src 'self'; script-src 'self' 'sha256-a'", "default-src 'self'; script-src 'self' 'sha256-b'"]);
    expect(policy).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; frame-ancestors 'self'");
    expect(headersFile(policy)).toBe(
      `/*\n  Content-Security-Policy: ${policy}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
    );
  });
});

describe('the check of built pages on two threads', () => {
  it('finds the same policies and problems, in the same order, as one thread', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkBuiltPages, PAGES_FOR_A_WORKER } = await import('../../src/postbuild/security-check.ts');
    const dir = mkdtempSync(join(tmpdir(), 'csp-pages-'));
    const policy = "default-src 'self'; script-src 'self'";
    const files = Array.from({ length: PAGES_FOR_A_WORKER + 10 }, (_, i) => {
      const file = join(dir, `page-${String(i).padStart(5, '0')}.html`);
      // Every 97th page has an inline handler, every 101st no policy at all.
      const meta = i % 101 === 0 ? '' : `<meta http-equiv="content-security-policy" content="${policy}; style-src 'sha256-${i}'">`;
      writeFileSync(file, `<!doctype html><html><head>${meta}</head><body><p${i % 97 === 0 ? ' onclick="x()"' : ''}>Page ${i}</p></body></html>`);
      return file;
    });
    const shared = await checkBuiltPages(files, dir, 2);
    const alone = await checkBuiltPages(files, dir, 1);
    expect(shared).toEqual(alone);
    expect(shared.policies).toHaveLength(files.length);
    expect(shared.policies.filter((policy) => policy !== null)).toHaveLength(files.length - Math.ceil(files.length / 101));
    expect(shared.policies[0]).toBeNull(); // page 0 has none
    expect(shared.policies[1]).toContain("'sha256-1'");
    // A page without a policy reports that alone.
    const handlers = files.filter((_, i) => i % 97 === 0 && i % 101 !== 0).length;
    expect(handlers).toBeGreaterThan(5);
    expect(shared.problems.filter((p) => p.includes('onclick'))).toHaveLength(handlers);
    expect(shared.problems[0]).toMatch(/^page-00000\.html: /);
  });
});

describe('the check of a rebuilt site', () => {
  it('reads the policies of pages an earlier build checked, and checks changed pages again', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { checkBuiltPages, checkSitePages } = await import('../../src/postbuild/security-check.ts');
    const dir = mkdtempSync(join(tmpdir(), 'csp-rebuilt-'));
    const checked = { file: join(dir, 'cache/checked.json'), code: 'code-1' };
    const page = (i: number, body = `<p>Page ${i}</p>`) =>
      `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'sha256-${i % 2}'"></head><body>${body}</body></html>`;
    const files = Array.from({ length: 6 }, (_, i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, page(i));
      return file;
    });
    const first = await checkSitePages(files, dir, checked, 1);
    expect(first).toEqual(await checkBuiltPages(files, dir, 1));
    expect(first.problems).toEqual([]);
    expect(first.policies[4]).toContain("'sha256-0'");
    expect(first.policies[5]).toContain("'sha256-1'");
    // Two distinct policies, stored once each.
    expect((JSON.parse(readFileSync(checked.file, 'utf8')) as { policies: string[] }).policies).toHaveLength(2);
    expect(await checkSitePages(files, dir, checked, 1)).toEqual(first);

    // A page checked before is not checked again: what the file says of it is what the check returns.
    const memo = JSON.parse(readFileSync(checked.file, 'utf8')) as { version: string; policies: string[]; pages: Record<string, number> };
    writeFileSync(checked.file, JSON.stringify({ ...memo, policies: memo.policies.map((policy) => `${policy}; remembered`) }));
    expect((await checkSitePages(files, dir, checked, 1)).policies[0]).toMatch(/; remembered$/);
    // …unless the file comes from other code of the check.
    expect(await checkSitePages(files, dir, { ...checked, code: 'code-2' }, 1)).toEqual(first);

    // A page that changed is checked: an inline handler added to it is found.
    writeFileSync(files[2]!, page(2, '<p onclick="x()">Page 2</p>'));
    const after = await checkSitePages(files, dir, checked, 1);
    expect(after.problems).toHaveLength(1);
    expect(after.problems[0]).toMatch(/^page-2\.html: .*onclick/);
    // …and, while it has the problem, checked again by every build.
    expect((await checkSitePages(files, dir, checked, 1)).problems).toEqual(after.problems);
  });
});

describe('runs passed over', () => {
  /** Pieces that change or end the tokenizer's states, and plain runs between them. */
  const PIECES = [
    '<',
    '>',
    '&',
    '&amp;',
    '&lt;',
    '&#x3c;',
    '&#0;',
    '&notin;',
    '&not',
    '"',
    "'",
    '=',
    '/',
    '\0',
    '\r',
    '\n',
    '\r\n',
    '\t',
    ' ',
    '\u{1F600}',
    '\uD800',
    'text ',
    'javascript:alert(1)',
    '<!--',
    '-->',
    '<!',
    '<![CDATA[',
    ']]>',
    '<?x',
    '</',
    '<script>',
    '</script>',
    '<script src=x>',
    '<style>',
    '</style>',
    '<textarea>',
    '</textarea>',
    '<title>',
    '<svg>',
    '</svg>',
    '<math>',
    '</math>',
    '<a href="',
    '<a href=',
    "<a href='",
    '<img ',
    ' onerror="',
    ' onclick=',
    ' style="',
    ' target="_blank"',
    ' rel="noopener"',
    '<meta http-equiv="content-security-policy" content="',
    '<meta http-equiv="refresh" content="0;url=',
    '<iframe>',
    '<base href="',
    '<body>',
    '<plaintext>',
    '<xmp>',
    '<noscript>',
    '<p class="a b">',
  ];
  /** A page of 1 to 80 pieces, from a seeded generator (the same pages every run). */
  const randomPages = (count: number): string[] => {
    let seed = 2026;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 80) }, () => PIECES[Math.floor(next() * PIECES.length)]).join(''));
  };
  const both = (html: string) => [JSON.stringify(parsePage(html)), JSON.stringify(parsePage(html, false))];

  it('read every page as the tokenizer reads it a character at a time: 3,000 random pages of hostile pieces', () => {
    const differ = randomPages(3000).filter((html) => {
      const [passed, read] = both(html);
      return passed !== read;
    });
    expect(differ).toEqual([]);
  });

  it('read the same attribute values, scripts and problems as the tokenizer, line ends and characters outside the BMP included', () => {
    const html = page(
      "script-src 'self'",
      '<a href="java\rscript:x" title="a\r\nb &amp; c \u{1F600}\0 d" onclick="go()">x</a>\r\n<p>text & more &lt;script&gt;</p><script>a()</script><img src="data:text/html,x">',
    );
    const [passed, read] = both(html);
    expect(passed).toBe(read);
    expect(parsePage(html).eventHandlers).toEqual(['onclick']);
    expect(parsePage(html).unsafe).toHaveLength(2);
  });
});

describe('the second line: what the article checks refuse, found again on the built pages', () => {
  const problemsOf = (body: string, head = '') => pageSecurityProblems(page("script-src 'self'", body).replace('</head>', `${head}</head>`));

  it.each([
    [
      '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
      'a `<meta http-equiv="refresh">` in the page\'s body sends the reader to `https://evil.example/`',
    ],
    ['<div><meta http-equiv=REFRESH content="0; URL=/wiki/x/"></div>', "in the page's body sends the reader to `/wiki/x/`"],
    ['<base href="https://evil.example/">', 'a `<base>` element changes where every link of the page leads'],
    ['<iframe src="https://evil.example/"></iframe>', 'a `<iframe>` element would load another page'],
    ['<a href="javascript:alert(1)">x</a>', 'an address `javascript:…` in `href` of `<a>`'],
    ['<a href="&#106;avascript:alert(1)">x</a>', 'an address `javascript:…` in `href` of `<a>`'],
    ['<a href=" %6Aavascript:alert(1)">x</a>', 'an address `javascript:…`'],
    // The colon percent-encoded too: read as the decoded address reads.
    ['<a href="javascript%3Aalert(1)">x</a>', 'an address `javascript:…` in `href` of `<a>`'],
    ['<img src="x.png" srcset="data:text/html,x 2x" alt="">', 'an address `data:…` in `srcset` of `<img>`'],
    ['<a href="https://e.example/" target="_blank">x</a>', '`<a target="_blank">` without `rel="noopener"`'],
    ['<a href="https://e.example/" rel="opener">x</a>', '`rel="opener"` on `<a>`'],
    ['<svg><a href="javascript:alert(1)">x</a></svg>', 'an address `javascript:…` in `href` of `<a>`'],
  ])('%s', (body, problem) => {
    const problems = problemsOf(body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(problems[0]).toContain('the article checks (src/model/unsafe-content.ts) should have refused it');
  });

  it('leaves alone what the wiki writes itself: a redirect in the head to a page of the site, pictures as data, safe links', () => {
    expect(
      problemsOf(
        '<img src="data:image/png;base64,AAAA" alt=""><a href="https://e.example/" target="_blank" rel="noopener noreferrer">x</a><a href="/wiki/x/">y</a>',
        '<meta http-equiv="refresh" content="0; url=/wiki/nvidia/">',
      ),
    ).toEqual([]);
    expect(problemsOf('', '<meta http-equiv="refresh" content="0; url=https://evil.example/">')).toEqual([
      expect.stringContaining('a `<meta http-equiv="refresh">` sends the reader off the site, to `https://evil.example/`'),
    ]);
  });
});
