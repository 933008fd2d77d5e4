/**
 * The hostile corpus: inputs a contributor, an attacker or a careless CI setup would give the wiki, each with
 * the verdict the build must reach. Most are files of tests/fixtures/hostile/<folder>/; the rest (symbolic
 * links, inputs of tens of kilobytes) are made in the tests' copy of the folder (`prepareCorpusFolder`), so
 * that no tool walking the repository meets a loop of links. tests/build/hostile.test.ts builds each folder
 * once and holds every verdict, tests/browser/hostile.spec.ts opens the published pages in Chromium; the
 * README's Security section reports the figures (`corpusFigures`), held to the truth by the build test.
 */
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './build-site.ts';

export type Verdict = 'rejected' | 'published' | 'reported';

export interface HostileInput {
  /** Its path in the folder. */
  file: string;
  verdict: Verdict;
  /** `rejected`: what the build prints for it, each error with its file and line (`reported`: its warning). */
  says?: RegExp[];
  /** Made by the test in its copy of the folder: `dir` is the content folder. */
  make?: (dir: string) => void;
}

export interface CorpusFolder {
  /** The setting the folder is built with. */
  trust: 'safe' | 'trusted';
  inputs: HostileInput[];
}

const article = (title: string, body: string) => `---\ntitle: ${title}\n---\n\n${body}\n`;
const write = (file: string, text: string) => (dir: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
};
const link = (file: string, target: string) => (dir: string) => {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  symlinkSync(target, join(dir, file));
};

/** An error of `file` at `line` (and any column), whose message holds `words`. */
const at = (file: string, line: number, words: string) => new RegExp(`^\\s*${escape(file)}:${line}(:\\d+)?: error: .*${escape(words)}`, 'm');
/** An error of `file` without a line (the file itself is the place: a link, a name). */
const of = (file: string, words: string) => new RegExp(`^\\s*${escape(file)}: error: .*${escape(words)}`, 'm');
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LONG_NAME = `${'a'.repeat(240)}.mdx`;

export const CORPUS: Record<string, CorpusFolder> = {
  rejected: {
    trust: 'safe',
    inputs: [
      // Code, under WIKI_TRUST=safe (the default)
      {
        file: 'import-fs.mdx',
        verdict: 'rejected',
        says: [at('import-fs.mdx', 5, '`import` from `node:fs` is not allowed'), at('import-fs.mdx', 7, 'is code, which is not allowed')],
      },
      { file: 'import-json.mdx', verdict: 'rejected', says: [at('import-json.mdx', 5, '`import` from `/etc/machine.json` is not allowed')] },
      {
        file: 'process-exit.mdx',
        verdict: 'rejected',
        says: [at('process-exit.mdx', 5, 'the expression `{process.exit(0)}` is code, which is not allowed: articles hold no code under WIKI_TRUST=safe')],
      },
      { file: 'export-const.mdx', verdict: 'rejected', says: [at('export-const.mdx', 5, '`export` is not allowed')] },
      { file: 'unknown-component.mdx', verdict: 'rejected', says: [at('unknown-component.mdx', 5, "`<Chart>` is not one of the wiki's components")] },
      { file: 'attribute-expression.mdx', verdict: 'rejected', says: [at('attribute-expression.mdx', 5, '`title={…}` on `<abbr>` is code')] },
      // HTML written into the page unchecked, or JSX inside expressions
      {
        file: 'set-html-meta-refresh.mdx',
        verdict: 'rejected',
        says: [at('set-html-meta-refresh.mdx', 5, '`set:html` on `<div>` writes its value into the page unchecked')],
      },
      { file: 'fragment-set-html.mdx', verdict: 'rejected', says: [at('fragment-set-html.mdx', 5, '`set:html` on `<Fragment>`')] },
      { file: 'dangerously-set-inner-html.mdx', verdict: 'rejected', says: [at('dangerously-set-inner-html.mdx', 5, '`dangerouslySetInnerHTML` on `<div>`')] },
      { file: 'expression-javascript-link.mdx', verdict: 'rejected', says: [at('expression-javascript-link.mdx', 5, 'the address `javascript:…` in `href`')] },
      { file: 'expression-iframe.mdx', verdict: 'rejected', says: [at('expression-iframe.mdx', 5, '`<iframe>` is not allowed in an article')] },
      {
        file: 'expression-meta-refresh.mdx',
        verdict: 'rejected',
        says: [at('expression-meta-refresh.mdx', 5, '`<meta>` is not allowed in an article, since it could send the reader to another site')],
      },
      { file: 'attribute-expression-script.mdx', verdict: 'rejected', says: [at('attribute-expression-script.mdx', 5, '`<script>` is not allowed')] },
      { file: 'spread-attributes.mdx', verdict: 'rejected', says: [at('spread-attributes.mdx', 5, 'spread attributes are not allowed on `<span>`')] },
      // Elements that load code, send the reader elsewhere or change the page
      { file: 'meta-refresh-element.mdx', verdict: 'rejected', says: [at('meta-refresh-element.mdx', 5, '`<meta>` is not allowed')] },
      {
        file: 'base-element.mdx',
        verdict: 'rejected',
        says: [at('base-element.mdx', 5, '`<base>` is not allowed in an article, since it would change where every link of the page leads')],
      },
      { file: 'link-element.mdx', verdict: 'rejected', says: [at('link-element.mdx', 5, '`<link>` is not allowed')] },
      { file: 'style-element.mdx', verdict: 'rejected', says: [at('style-element.mdx', 5, '`<style>` is not allowed')] },
      {
        file: 'form-element.mdx',
        verdict: 'rejected',
        says: [at('form-element.mdx', 5, '`<form>` is not allowed in an article, since it could send what the reader types to another site')],
      },
      { file: 'object-element.mdx', verdict: 'rejected', says: [at('object-element.mdx', 5, '`<object>` is not allowed')] },
      {
        file: 'svg-onload.mdx',
        verdict: 'rejected',
        says: [at('svg-onload.mdx', 5, '`<svg>` is not allowed'), at('svg-onload.mdx', 5, 'the event handler `onload` on `<svg>`')],
      },
      { file: 'event-handler-uppercase.mdx', verdict: 'rejected', says: [at('event-handler-uppercase.mdx', 5, 'the event handler `ONERROR` on `<img>`')] },
      // Addresses that run script, in any case or encoding, in any attribute
      { file: 'javascript-entities.mdx', verdict: 'rejected', says: [at('javascript-entities.mdx', 5, 'the address `javascript:…` in `href`')] },
      { file: 'javascript-percent.mdx', verdict: 'rejected', says: [at('javascript-percent.mdx', 5, 'the address `javascript:…`')] },
      {
        file: 'javascript-case-and-tab.mdx',
        verdict: 'rejected',
        says: [
          at('javascript-case-and-tab.mdx', 5, 'the address `javascript:…` would run script'),
          at('javascript-case-and-tab.mdx', 5, 'the address `javascript:…` in `href`'),
        ],
      },
      { file: 'data-url-link.mdx', verdict: 'rejected', says: [at('data-url-link.mdx', 5, 'the address `data:…`')] },
      { file: 'data-url-image.mdx', verdict: 'rejected', says: [at('data-url-image.mdx', 5, 'the address `data:…` in `src`')] },
      { file: 'vbscript-link.mdx', verdict: 'rejected', says: [at('vbscript-link.mdx', 5, 'the address `vbscript:…`')] },
      { file: 'srcset-javascript.mdx', verdict: 'rejected', says: [at('srcset-javascript.mdx', 5, 'the address `javascript:…` in `srcset`')] },
      { file: 'button-formaction.mdx', verdict: 'rejected', says: [at('button-formaction.mdx', 5, 'the address `javascript:…` in `formaction`')] },
      { file: 'video-poster.mdx', verdict: 'rejected', says: [at('video-poster.mdx', 5, 'the address `javascript:…` in `poster`')] },
      { file: 'footnote-javascript.mdx', verdict: 'rejected', says: [at('footnote-javascript.mdx', 7, 'the address `javascript:…`')] },
      { file: 'reference-definition-javascript.mdx', verdict: 'rejected', says: [at('reference-definition-javascript.mdx', 7, 'the address `javascript:…`')] },
      // Tabs whose site could take over the page (reverse tabnabbing)
      { file: 'target-blank.mdx', verdict: 'rejected', says: [at('target-blank.mdx', 5, 'add `rel="noopener noreferrer"`')] },
      { file: 'rel-opener.mdx', verdict: 'rejected', says: [at('rel-opener.mdx', 5, '`rel="opener"` on `<a>` lets the linked site take over this page')] },
      // Errors that had no place
      { file: 'footnote-jsx.mdx', verdict: 'rejected', says: [at('footnote-jsx.mdx', 7, '`<abbr>` inside a footnote')] },
      { file: 'html-comment.mdx', verdict: 'rejected', says: [at('html-comment.mdx', 5, 'MDX cannot read this')] },
      {
        file: 'missing-image.mdx',
        verdict: 'rejected',
        says: [at('missing-image.mdx', 5, '`./no-such-chip.png` is not in the content folder (no-such-chip.png): the image cannot be built')],
      },
      { file: 'long-alias.mdx', verdict: 'rejected', says: [at('long-alias.mdx', 3, 'has a name of 300 bytes')] },
      {
        file: LONG_NAME,
        verdict: 'rejected',
        says: [of(LONG_NAME, "the file's page id has a name of 240 bytes")],
        make: write(LONG_NAME, article('A long file name', 'Text.')),
      },
      {
        file: 'self-loop.mdx',
        verdict: 'rejected',
        says: [of('self-loop.mdx', 'leads round in a loop of links')],
        make: link('self-loop.mdx', 'self-loop.mdx'),
      },
      { file: 'dangling.mdx', verdict: 'rejected', says: [of('dangling.mdx', 'leads to nothing')], make: link('dangling.mdx', 'no-such-article.mdx') },
      { file: 'loop-folder/up', verdict: 'rejected', says: [of('loop-folder/up', 'leads back to a folder that holds it')], make: link('loop-folder/up', '..') },
      // Files from outside the content folder
      {
        file: 'outside-file.mdx',
        verdict: 'rejected',
        says: [of('outside-file.mdx', 'leads outside the content folder')],
        make: link('outside-file.mdx', '../outside/secret.mdx'),
      },
      {
        file: 'outside-folder',
        verdict: 'rejected',
        says: [of('outside-folder', 'leads outside the content folder')],
        make: link('outside-folder', '../outside'),
      },
      { file: 'outside-image.mdx', verdict: 'rejected', says: [at('outside-image.mdx', 5, 'the image `../outside/secret.png` is outside the content folder')] },
      { file: 'not-a-picture.mdx', verdict: 'rejected', says: [at('not-a-picture.mdx', 5, 'is not a picture the build can publish')] },
      // Silently wrong before (each at the line of its field)
      { file: 'updated-true.mdx', verdict: 'rejected', says: [at('updated-true.mdx', 3, '`updated` must be a date written as YYYY-MM-DD')] },
      { file: 'updated-zero.mdx', verdict: 'rejected', says: [at('updated-zero.mdx', 3, '`updated` must be a date')] },
      { file: 'updated-invalid-date.mdx', verdict: 'rejected', says: [at('updated-invalid-date.mdx', 3, '`updated` must be a date')] },
      { file: 'tag-punctuation.mdx', verdict: 'rejected', says: [at('tag-punctuation.mdx', 3, 'the tag "!!!" has no letter or digit')] },
      { file: 'tag-empty.mdx', verdict: 'rejected', says: [at('tag-empty.mdx', 3, 'the tag "" has no letter or digit')] },
      { file: 'title-nul.mdx', verdict: 'rejected', says: [at('title-nul.mdx', 2, 'U+0000 (NUL)')] },
      { file: 'title-escape.mdx', verdict: 'rejected', says: [at('title-escape.mdx', 2, 'U+001B (ESC)')] },
      { file: 'title-rtl-override.mdx', verdict: 'rejected', says: [at('title-rtl-override.mdx', 2, 'U+202E (right-to-left override)')] },
      { file: 'control-character.mdx', verdict: 'rejected', says: [at('control-character.mdx', 5, 'the invisible control character U+001B')] },
      { file: 'invalid-utf8.mdx', verdict: 'rejected', says: [at('invalid-utf8.mdx', 5, 'the file is not valid UTF-8 here (byte 0xE9)')] },
      { file: 'utf16.mdx', verdict: 'rejected', says: [at('utf16.mdx', 1, 'the file is UTF-16, not UTF-8')] },
      // Reading that would take minutes, or end in "Maximum call stack size exceeded"
      {
        file: 'deep-lists.mdx',
        verdict: 'rejected',
        says: [at('deep-lists.mdx', 5, 'lists and block quotes are nested more than 100 levels deep')],
        make: write('deep-lists.mdx', article('Deep lists', `${'- '.repeat(20_000)}x`)),
      },
      {
        file: 'deep-quotes.mdx',
        verdict: 'rejected',
        says: [at('deep-quotes.mdx', 5, 'lists and block quotes are nested more than 100 levels deep')],
        make: write('deep-quotes.mdx', article('Deep quotes', `${'> '.repeat(8_000)}x`)),
      },
      {
        file: 'deep-emphasis.mdx',
        verdict: 'rejected',
        says: [at('deep-emphasis.mdx', 5, 'emphasis and links are nested more than 100 levels deep')],
        make: write('deep-emphasis.mdx', article('Deep emphasis', `${'*a '.repeat(150)}x${' b*'.repeat(150)}`)),
      },
      {
        file: 'deep-elements.mdx',
        verdict: 'rejected',
        says: [at('deep-elements.mdx', 5, 'elements are nested more than 100 levels deep')],
        make: write('deep-elements.mdx', article('Deep elements', `${'<span>'.repeat(5_000)}x${'</span>'.repeat(5_000)}`)),
      },
      {
        file: 'quadratic-emphasis.mdx',
        verdict: 'rejected',
        says: [at('quadratic-emphasis.mdx', 5, 'this paragraph holds too many marks')],
        make: write('quadratic-emphasis.mdx', article('Emphasis that never closes', `<abbr title="x">y</abbr> ${'a* '.repeat(20_000)}`)),
      },
      {
        file: 'quadratic-wiki-links.mdx',
        verdict: 'rejected',
        says: [at('quadratic-wiki-links.mdx', 5, 'this paragraph holds too many marks')],
        make: write('quadratic-wiki-links.mdx', article('Wiki links that never close', '[[a '.repeat(10_000))),
      },
      {
        file: 'quadratic-closing-tags.mdx',
        verdict: 'rejected',
        says: [at('quadratic-closing-tags.mdx', 5, 'this paragraph holds too many marks')],
        make: write('quadratic-closing-tags.mdx', article('Closing tags that close nothing', `x${'</span>'.repeat(10_000)}`)),
      },
    ],
  },
  // Errors the references index finds, which it reports once the page index is whole.
  'rejected-references': {
    trust: 'safe',
    inputs: [
      {
        file: 'hostile.bib',
        verdict: 'rejected',
        says: [
          at('hostile.bib', 1, 'entry `@evil`: field `title` holds HTML (`<img…`)'),
          at('hostile.bib', 6, 'reference link `javascript:alert(1)` is not a web address'),
        ],
      },
      { file: 'bibliography-not-bib.mdx', verdict: 'rejected', says: [at('bibliography-not-bib.mdx', 3, '`./cites-hostile-bib.mdx` is not a BibTeX file')] },
    ],
  },
  // Under WIKI_TRUST=trusted (full MDX), mistakes are named before the compiler meets them, and HTML is checked all the same.
  trusted: {
    trust: 'trusted',
    inputs: [
      {
        file: 'duplicate-frontmatter-export.mdx',
        verdict: 'rejected',
        says: [at('duplicate-frontmatter-export.mdx', 5, '`export const frontmatter` repeats the frontmatter')],
      },
      { file: 'undefined-component.mdx', verdict: 'rejected', says: [at('undefined-component.mdx', 5, '`<Chart>` is not defined: import it')] },
      { file: 'duplicate-declaration.mdx', verdict: 'rejected', says: [at('duplicate-declaration.mdx', 7, '`total` is declared twice (first at line 5)')] },
      { file: 'set-html-trusted.mdx', verdict: 'rejected', says: [at('set-html-trusted.mdx', 5, '`set:html` on `<div>`')] },
      { file: 'esm-iframe.mdx', verdict: 'rejected', says: [at('esm-iframe.mdx', 5, '`<iframe>` is not allowed')] },
    ],
  },
  // An expression that throws while its page is rendered (full MDX): the build stops, naming the article and line.
  'trusted-render': {
    trust: 'trusted',
    inputs: [
      {
        file: 'throwing-expression.mdx',
        verdict: 'rejected',
        says: [at('throwing-expression.mdx', 7, 'the expression `{(() => { throw new Error("boom") })()}` failed while its page was rendered: boom')],
      },
    ],
  },
  published: {
    trust: 'safe',
    inputs: [
      { file: 'byte-order-mark.mdx', verdict: 'published' },
      { file: 'footnotes-same-title.mdx', verdict: 'published' },
      { file: 'escaped-markup.mdx', verdict: 'published' },
      { file: 'meta-refresh-in-code.mdx', verdict: 'published' },
      { file: 'uppercase-https.mdx', verdict: 'published' },
      { file: 'target-blank-noopener.mdx', verdict: 'published' },
      { file: 'headings-clash.mdx', verdict: 'published' },
      { file: 'tags-c.mdx', verdict: 'published' },
      { file: 'numeric-title.mdx', verdict: 'published' },
      { file: 'javascript-as-text.mdx', verdict: 'published' },
      { file: 'comment-expression.mdx', verdict: 'published' },
      { file: 'safe-html.mdx', verdict: 'published' },
      { file: 'bidi-text.mdx', verdict: 'published' },
      { file: 'cites-bibtex-markup.mdx', verdict: 'published' },
      { file: 'quotes-in-address.mdx', verdict: 'published' },
      { file: 'symlink-inside.mdx', verdict: 'published', make: link('symlink-inside.mdx', 'target.mdx') },
      {
        file: 'many-marks-in-many-paragraphs.mdx',
        verdict: 'published',
        make: write(
          'many-marks-in-many-paragraphs.mdx',
          article('Many marks', `${'Some *emphasis*, a [[target]] and [a link](https://example.org). '.repeat(20)}\n\n`.repeat(300)),
        ),
      },
      { file: '.draft.mdx', verdict: 'reported', says: [/^.*\.draft\.mdx: warning: not published: its name starts with `\.`/m] },
      {
        file: '.private/secret.mdx',
        verdict: 'reported',
        says: [/^.*\.private\/: warning: not published: 1 article \(secret\.mdx\) in a folder whose name starts with `\.`/m],
      },
    ],
  },
};

/** The figures the README's Security section reports: inputs tried, and how many of them had each verdict. */
export function corpusFigures(): { tried: number; rejected: number; published: number; reported: number } {
  const inputs = Object.values(CORPUS).flatMap((folder) => folder.inputs);
  const count = (verdict: Verdict) => inputs.filter((input) => input.verdict === verdict).length;
  return { tried: inputs.length, rejected: count('rejected'), published: count('published'), reported: count('reported') };
}

/**
 * A copy of the corpus folder `name` under `work`, with the inputs the tests make, beside a copy of
 * `outside/` (what the links that lead outside the content folder lead to). Returns the content folder.
 */
export function prepareCorpusFolder(name: string, work: string): string {
  const corpus = join(repoRoot, 'tests/fixtures/hostile');
  const dir = join(work, name, 'content');
  rmSync(join(work, name), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(corpus, name), dir, { recursive: true });
  cpSync(join(corpus, 'outside'), join(work, name, 'outside'), { recursive: true });
  for (const input of CORPUS[name]?.inputs ?? []) input.make?.(dir);
  return dir;
}
