/**
 * Construct by construct, what a reader of the built article sees against what DokuWiki shows for the same
 * page (its own XHTML, saved as syntax.reference.html): headings, paragraphs, formatting, links, images,
 * smileys, footnotes, lists, tables, code, quotes, rules and line breaks. Each construct DokuWiki renders is
 * one item, found in the article in document order:
 * - `exact`: the reader sees the same (same text, same target, same place);
 * - `approximated`: shown otherwise, and the import report lists that kind of construct as approximated;
 * - `reported`: broken in the source or not converted, and listed so in the report;
 * - `lost`: shown otherwise and reported nowhere. The fidelity test wants none.
 */
import type { Element, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

export type Outcome = 'exact' | 'approximated' | 'reported' | 'lost';

export interface ItemResult {
  readonly construct: string;
  readonly outcome: Outcome;
  /** What DokuWiki shows, and what the article shows when it differs. */
  readonly detail: string;
}

type Node = Root | RootContent;

function isElement(node: Node, tagName?: string): node is Element {
  return node.type === 'element' && (tagName === undefined || node.tagName === tagName);
}

function classes(node: Element): string[] {
  const value: unknown = node.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

function hasClass(node: Element, name: string): boolean {
  return classes(node).includes(name);
}

/** Elements below `node` (not `node` itself), in document order, not descending into those `skip` matches. */
function all(node: Node, match: (element: Element) => boolean, skip: (element: Element) => boolean = () => false): Element[] {
  const found: Element[] = [];
  const walk = (current: Node) => {
    if (!('children' in current)) return;
    for (const child of current.children) {
      if (!isElement(child)) continue;
      if (match(child)) found.push(child);
      if (!skip(child)) walk(child);
    }
  };
  walk(node);
  return found;
}

function ancestorsOf(root: Node, target: Element): Element[] {
  const path: Element[] = [];
  const walk = (current: Node): boolean => {
    if (current === target) return true;
    if (!('children' in current)) return false;
    for (const child of current.children) {
      if (!isElement(child)) continue;
      path.push(child);
      if (walk(child)) return true;
      path.pop();
    }
    return false;
  };
  walk(root);
  return path.slice(0, -1);
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

type Skip = (element: Element, siblings: readonly RootContent[], index: number) => boolean;

/**
 * Text as a reader sees it: smileys by what stands for them, footnote marks and heading anchors left out, and
 * the elements `skip` accepts (a list item's code or nested lists, say).
 */
function readerText(node: Node, smileys: ReadonlyMap<string, string>, skip: Skip = () => false): string {
  if (node.type === 'text') return node.value;
  if (!('children' in node)) return '';
  const inner = () =>
    node.children
      .map((child, index) => (isElement(child) && skip(child, node.children, index) ? '' : readerText(child, smileys, skip)))
      .join('');
  if (!isElement(node)) return inner();
  if (node.tagName === 'img' && hasClass(node, 'smiley')) return smileys.get(String(node.properties.alt)) ?? String(node.properties.alt);
  if (node.tagName === 'sup' && (hasClass(node, 'reference') || all(node, (child) => hasClass(child, 'fn_top')).length > 0)) return '';
  if (hasClass(node, 'heading-anchor')) return '';
  if (node.tagName === 'br') return '\n';
  return inner();
}

/** A named code block's file name, which the article writes in a paragraph of its own just above the code. */
function isCodeCaption(siblings: readonly RootContent[], index: number): boolean {
  const node = siblings[index];
  const next = siblings.slice(index + 1).find((sibling) => !(sibling.type === 'text' && sibling.value.trim() === ''));
  if (node === undefined || !isElement(node, 'p') || next === undefined || !isElement(next, 'pre')) return false;
  const content = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  return content.length === 1 && isElement(content[0] as Node, 'code');
}

/** A list item's own text: not its nested lists, nor its code blocks with their file names. */
const NOT_OWN_TEXT: Skip = (element, siblings, index) => ['ul', 'ol', 'pre', 'dl'].includes(element.tagName) || isCodeCaption(siblings, index);

/**
 * What plugins the page calls put on DokuWiki's page when it is shown: the RSS feed (`{{rss>…}}`, a `ul.rss`)
 * and the list of installed plugins (`~~INFO:syntaxplugins~~`, a list of links to dokuwiki.org/plugin:…).
 * The article keeps the calls as code, and the report says so.
 */
function pluginOutputs(page: Page): Element[] {
  return all(page.body, (element) => {
    if (element.tagName !== 'ul') return false;
    if (hasClass(element, 'rss')) return true;
    const items = element.children.filter((child): child is Element => isElement(child, 'li'));
    return items.length > 0 && items.every((item) => href(all(item, (inner) => inner.tagName === 'a')[0] ?? item).startsWith('https://www.dokuwiki.org/plugin:'));
  });
}

function inPluginOutput(page: Page, element: Element): boolean {
  const outputs = pluginOutputs(page);
  return [element, ...ancestorsOf(page.body, element)].some((candidate) => outputs.includes(candidate));
}

export interface Page {
  /** The article's content (DokuWiki's whole output; the article body of the built page). */
  readonly body: Root | Element;
  /** The title (DokuWiki: the first heading; the built page: its h1). */
  readonly title: string;
  /** Footnote texts, in order. */
  readonly footnotes: readonly string[];
}

export function dokuwikiPage(tree: Root): Page {
  const [first] = all(tree, (element) => /^h[1-5]$/.test(element.tagName));
  return {
    body: tree,
    title: first === undefined ? '' : squash(toString(first)),
    footnotes: all(tree, (element) => hasClass(element, 'fn')).map((fn) => squash(toString(all(fn, (element) => hasClass(element, 'content'))[0] ?? fn))),
  };
}

export function builtPage(tree: Root): Page {
  const body = all(tree, (element) => hasClass(element, 'article-body'))[0];
  const title = all(tree, (element) => element.tagName === 'h1')[0];
  if (body === undefined || title === undefined) throw new Error('the built page has no article body or title');
  return {
    body,
    title: squash(toString(title)),
    footnotes: all(tree, (element) => hasClass(element, 'reference-text')).map((text) => squash(toString(text))),
  };
}

export interface Context {
  /** DokuWiki's smiley (as written) → what the article shows for it. */
  readonly smileys: ReadonlyMap<string, string>;
  /** The construct names of the import report, by kind (`approximated` → `colspan`, …). */
  readonly report: ReadonlyMap<string, ReadonlySet<string>>;
  /** A DokuWiki page id → the address of its article in the built site, or of its Wanted pages entry. */
  readonly pageUrl: (id: string, exists: boolean) => string;
}

/** Every construct of DokuWiki's page, looked up in the built article. */
export function compare(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  return [
    ...headings(dokuwiki, built),
    ...paragraphs(dokuwiki, built, context),
    ...formatting(dokuwiki, built, context),
    ...links(dokuwiki, built, context),
    ...images(dokuwiki, built, context),
    ...smileys(dokuwiki, built, context),
    ...acronyms(dokuwiki, built, context),
    ...footnotes(dokuwiki, built),
    ...lists(dokuwiki, built, context),
    ...tables(dokuwiki, built, context),
    ...codeBlocks(dokuwiki, built),
    ...quotes(dokuwiki, built, context),
    ...counted('rule', dokuwiki, built, (element) => element.tagName === 'hr'),
    ...lineBreaks(dokuwiki, built),
    ...unconverted(dokuwiki, context),
  ];
}

function result(construct: string, outcome: Outcome, detail: string): ItemResult {
  return { construct, outcome, detail };
}

/** Differs: approximated if the report lists one of `reportedAs` as approximated, else lost. */
function differs(construct: string, context: Context, reportedAs: readonly string[], detail: string, kinds: readonly string[] = ['approximated']): ItemResult {
  const listed = kinds.some((kind) => reportedAs.some((name) => context.report.get(kind)?.has(name) === true));
  return result(construct, listed ? (kinds.includes('approximated') ? 'approximated' : 'reported') : 'lost', detail);
}

/** Take the first unused item of `candidates` that `same` accepts, so that items are matched in order, each once. */
function matcher<T>(candidates: readonly T[]): (same: (candidate: T) => boolean) => T | undefined {
  const used = new Set<number>();
  return (same) => {
    const at = candidates.findIndex((candidate, index) => !used.has(index) && same(candidate));
    if (at === -1) return undefined;
    used.add(at);
    return candidates[at];
  };
}

function headings(dokuwiki: Page, built: Page): ItemResult[] {
  const ours = all(built.body, (element) => /^h[2-6]$/.test(element.tagName)).map((heading) => ({
    level: Number(heading.tagName.slice(1)),
    text: squash(readerText(heading, new Map())),
  }));
  const take = matcher(ours);
  return all(dokuwiki.body, (element) => /^h[1-5]$/.test(element.tagName)).map((heading, index) => {
    const text = squash(toString(heading));
    const level = Number(heading.tagName.slice(1));
    if (index === 0) return result('heading', built.title === text ? 'exact' : 'lost', `title "${text}"`);
    const found = take((candidate) => candidate.text === text);
    if (found === undefined) return result('heading', 'lost', `h${level} "${text}" missing`);
    return result('heading', found.level === level ? 'exact' : 'lost', `h${level} "${text}"${found.level === level ? '' : ` is h${found.level}`}`);
  });
}

/** Block text DokuWiki shows in a paragraph; the article may show it in a paragraph, list item or table cell. */
function paragraphs(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const ours = all(built.body, (element) => element.tagName === 'p' || element.tagName === 'li')
    .map((block) => squash(readerText(block, context.smileys, NOT_OWN_TEXT)))
    .filter((text) => text !== '');
  const take = matcher(ours);
  return all(dokuwiki.body, (element) => element.tagName === 'p' && !inPluginOutput(dokuwiki, element))
    .filter((paragraph) => ancestorsOf(dokuwiki.body, paragraph).every((ancestor) => !hasClass(ancestor, 'footnotes')))
    .map((paragraph) => ({ paragraph, text: squash(readerText(paragraph, context.smileys)) }))
    .filter(({ text }) => text !== '')
    .map(({ paragraph, text }) => {
      if (take((candidate) => candidate === text) !== undefined) return result('paragraph', 'exact', text.slice(0, 60));
      // A Windows share link is kept as code, which the report says: the paragraph reads otherwise there.
      if (all(paragraph, (element) => hasClass(element, 'windows')).length > 0) {
        return differs('paragraph', context, ['Windows share link'], `"${text.slice(0, 60)}" with a Windows share link kept as code`, ['unconverted']);
      }
      return result('paragraph', 'lost', `"${text.slice(0, 80)}" not found`);
    });
}

const FORMATTING: readonly [string, (element: Element) => boolean][] = [
  ['strong', (element) => element.tagName === 'strong'],
  ['emphasis', (element) => element.tagName === 'em' && !hasClass(element, 'u')],
  ['underline', (element) => element.tagName === 'u' || (element.tagName === 'em' && hasClass(element, 'u'))],
  ['monospace', (element) => element.tagName === 'code'],
  ['subscript', (element) => element.tagName === 'sub'],
  ['superscript', (element) => element.tagName === 'sup' && !hasClass(element, 'reference') && all(element, (child) => hasClass(child, 'fn_top') || hasClass(child, 'fn_bot')).length === 0],
  ['deleted', (element) => element.tagName === 'del'],
];

function formatting(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const inCode = (page: Page, element: Element) => ancestorsOf(page.body, element).some((ancestor) => ancestor.tagName === 'pre' || ancestor.tagName === 'dt');
  return FORMATTING.flatMap(([kind, match]) => {
    const take = matcher(all(built.body, match).filter((element) => !inCode(built, element)).map((element) => squash(readerText(element, context.smileys))));
    return all(dokuwiki.body, match)
      .filter((element) => !inCode(dokuwiki, element) && !inPluginOutput(dokuwiki, element))
      .map((element) => squash(readerText(element, context.smileys)))
      .map((text) => {
        return result(kind, take((candidate) => candidate === text) === undefined ? 'lost' : 'exact', text);
      });
  });
}

function href(element: Element): string {
  return String(element.properties.href ?? '');
}

/** The heading text an in-page anchor (`#some_section`) leads to, on either page. */
function headingText(page: Page, anchor: string): string | null {
  const heading = all(page.body, (element) => /^h[1-6]$/.test(element.tagName) && element.properties.id === anchor)[0];
  return heading === undefined ? null : squash(readerText(heading, new Map()));
}

function links(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const ours = all(built.body, (element) => element.tagName === 'a' && !hasClass(element, 'heading-anchor') && !ancestorsOf(built.body, element).some((ancestor) => ancestor.tagName === 'sup'));
  const take = matcher(ours);
  const items: ItemResult[] = [];
  for (const link of all(dokuwiki.body, (element) => element.tagName === 'a')) {
    const text = squash(toString(link));
    const target = href(link);
    if (hasClass(link, 'fn_top') || hasClass(link, 'fn_bot')) continue; // footnotes, below
    if (inPluginOutput(dokuwiki, link)) continue; // plugin output, below
    // GeSHi's links from names in highlighted code to their documentation: part of the code block, below.
    if (ancestorsOf(dokuwiki.body, link).some((ancestor) => ancestor.tagName === 'pre')) continue;
    // DokuWiki links every picture to its media viewer (detail.php) or to the full-size file (fetch.php): part of
    // DokuWiki's interface, not of the page; the article's pictures link nowhere.
    if (hasClass(link, 'media') && !hasClass(link, 'mediafile') && all(link, (element) => element.tagName === 'img').length > 0 && /(detail|fetch)\.php/.test(target)) continue;
    if (hasClass(link, 'windows')) {
      items.push(differs('link (Windows share)', context, ['Windows share link'], `[[${link.properties.title}]]`, ['unconverted']));
      continue;
    }
    if (target.startsWith('/doku.php?do=export_code')) continue; // the download link of a named code block, below
    if (target.startsWith('#')) {
      const construct = 'link (section of this page)';
      const section = headingText(dokuwiki, target.slice(1));
      const found = take((candidate) => squash(toString(candidate)) === text && (href(candidate).includes('#') || section === null));
      if (found === undefined) {
        items.push(result(construct, 'lost', `${text} → ${target}`));
      } else if (section === null) {
        // DokuWiki's link leads nowhere: the section does not exist (reported as broken).
        items.push(differs(construct, context, ['section link'], `${text} → ${target}, a section the page does not have`, ['broken']));
      } else {
        const ourSection = headingText(built, decodeURIComponent(href(found).split('#')[1] ?? ''));
        items.push(result(construct, ourSection === section ? 'exact' : 'lost', `${text} → § ${section}`));
      }
      continue;
    }
    let construct = 'link (external)';
    let expected = target;
    if (hasClass(link, 'wikilink1') || hasClass(link, 'wikilink2')) {
      construct = 'link (wiki page)';
      const [id = '', anchor] = decodeURIComponent(target.replace(/^\/doku\.php\?id=/, '')).split('#');
      const section = anchor === undefined ? null : headingText(dokuwiki, anchor);
      const found = take((candidate) => squash(toString(candidate)) === text && href(candidate).startsWith(context.pageUrl(id, hasClass(link, 'wikilink1'))));
      if (found === undefined) {
        items.push(result(construct, 'lost', `${text} → ${target}`));
        continue;
      }
      const ourAnchor = href(found).split('#')[1];
      const ourSection = ourAnchor === undefined ? null : headingText(built, decodeURIComponent(ourAnchor));
      items.push(result(construct, section === ourSection ? 'exact' : 'lost', `${text} → ${id}${section === null ? '' : ` § ${section}`}`));
      continue;
    }
    if (hasClass(link, 'interwiki')) construct = 'link (interwiki)';
    if (target.startsWith('mailto:')) construct = 'link (e-mail)';
    if (hasClass(link, 'mediafile')) {
      construct = 'link (media file)';
      expected = `/media/${decodeURIComponent(target.replace(/^.*media=/, '')).replaceAll(':', '/')}`;
    }
    const found = take((candidate) => href(candidate) === expected && squash(toString(candidate)) === text);
    items.push(result(construct, found === undefined ? 'lost' : 'exact', `${text} → ${expected}`));
  }
  return items;
}

interface Picture {
  readonly file: string;
  readonly align: string | null;
  readonly width: string | null;
  readonly height: string | null;
  readonly title: string | null;
}

function dokuwikiPicture(image: Element): Picture {
  const src = decodeURIComponent(String(image.properties.src ?? '').replaceAll('&amp;', '&'));
  const media = /[?&]media=([^&]+)/.exec(src)?.[1] ?? src;
  const align = classes(image).find((name) => /^media(left|right|center)$/.test(name))?.replace('media', '') ?? null;
  return {
    file: media.split(/[:/]/).at(-1)?.replace(/\.[^.]+$/, '') ?? media,
    align,
    width: image.properties.width === undefined ? null : String(image.properties.width),
    height: image.properties.height === undefined ? null : String(image.properties.height),
    title: image.properties.title === undefined ? null : String(image.properties.title),
  };
}

function builtPicture(page: Page, image: Element): Picture {
  const src = String(image.properties.src ?? '');
  // The image pipeline renames a picture beside the article `/_astro/<name>.<hash>.webp`.
  const name = src.startsWith('/_astro/') ? (src.split('/').at(-1)?.split('.')[0] ?? src) : (src.split('/').at(-1)?.replace(/\.[^.]+$/, '') ?? src);
  const holder = [image, ...ancestorsOf(page.body, image).reverse()].find((element) => classes(element).some((value) => value.startsWith('align-')));
  return {
    file: name,
    align: holder === undefined ? null : (classes(holder).find((value) => value.startsWith('align-'))?.slice('align-'.length) ?? null),
    width: image.properties.width === undefined ? null : String(image.properties.width),
    height: image.properties.height === undefined ? null : String(image.properties.height),
    title: image.properties.title === undefined ? null : String(image.properties.title),
  };
}

function images(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const take = matcher(all(built.body, (element) => element.tagName === 'img').map((image) => builtPicture(built, image)));
  return all(dokuwiki.body, (element) => element.tagName === 'img' && !hasClass(element, 'smiley')).map((image) => {
    const expected = dokuwikiPicture(image);
    const describe = (picture: Picture) => `${picture.file}${picture.width === null ? '' : ` ${picture.width}${picture.height === null ? '' : `×${picture.height}`}`}${picture.align === null ? '' : ` ${picture.align}`}${picture.title === null ? '' : ` "${picture.title}"`}`;
    const found = take((candidate) => candidate.file === expected.file && candidate.align === expected.align && candidate.title === expected.title);
    if (found === undefined) return result('image', 'lost', `${describe(expected)} not found`);
    const sized = expected.width === null || (found.width === expected.width && (expected.height === null || found.height === expected.height));
    return sized ? result('image', 'exact', describe(expected)) : differs('image', context, ['image size'], `${describe(expected)} shown ${describe(found)}`);
  });
}

function smileys(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const text = readerText(built.body, context.smileys);
  return all(dokuwiki.body, (element) => element.tagName === 'img' && hasClass(element, 'smiley')).map((image) => {
    const alt = String(image.properties.alt);
    const shown = context.smileys.get(alt);
    return shown !== undefined && text.includes(shown) ? differs('smiley', context, ['smiley'], `${alt} as ${shown}`) : result('smiley', 'lost', alt);
  });
}

/** DokuWiki's acronyms, with their meaning on hover: the article shows the word (the report says so). */
function acronyms(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const text = readerText(built.body, context.smileys);
  return all(dokuwiki.body, (element) => element.tagName === 'abbr').map((abbr) => {
    const word = squash(toString(abbr));
    const detail = `${word} "${String(abbr.properties.title)}"`;
    return text.includes(word) ? differs('acronym', context, ['acronym'], `${detail} shown as plain text`) : result('acronym', 'lost', detail);
  });
}

function footnotes(dokuwiki: Page, built: Page): ItemResult[] {
  const take = matcher(built.footnotes);
  return dokuwiki.footnotes.map((text) => result('footnote', take((candidate) => candidate === text) === undefined ? 'lost' : 'exact', text.slice(0, 60)));
}

/** A list as an outline: `ul`/`ol`, and each item's own text (not its code) with its nested lists. */
function outline(list: Element, smileys: ReadonlyMap<string, string>): string {
  const items = list.children.filter((child): child is Element => isElement(child, 'li'));
  return `${list.tagName}[${items
    .map((item) => {
      const own = squash(readerText(item, smileys, NOT_OWN_TEXT));
      const nested = all(item, (element) => element.tagName === 'ul' || element.tagName === 'ol', (element) => element.tagName === 'ul' || element.tagName === 'ol');
      return `${own}${nested.map((inner) => outline(inner, smileys)).join('')}`;
    })
    .join(' | ')}]`;
}

function lists(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const top = (page: Page) =>
    all(page.body, (element) => element.tagName === 'ul' || element.tagName === 'ol', (element) => element.tagName === 'ul' || element.tagName === 'ol').filter(
      (list) => !pluginOutputs(page).includes(list),
    );
  const take = matcher(top(built).map((list) => outline(list, context.smileys)));
  return top(dokuwiki).map((list) => {
    const expected = outline(list, context.smileys);
    return result('list', take((candidate) => candidate === expected) === undefined ? 'lost' : 'exact', expected.slice(0, 80));
  });
}

interface Cell {
  readonly text: string;
  /** A header cell (`th`). */
  readonly header: boolean;
  /** A data cell whose whole text is bold: how the article writes a header cell outside the header row. */
  readonly bold: boolean;
  readonly align: string | null;
  readonly colspan: number;
  readonly rowspan: number;
}

function cellsOf(table: Element, smileys: ReadonlyMap<string, string>, page: 'dokuwiki' | 'built'): Cell[][] {
  return all(table, (element) => element.tagName === 'tr').map((row) =>
    row.children
      .filter((child): child is Element => isElement(child) && (child.tagName === 'td' || child.tagName === 'th'))
      .map((cell) => {
        const strongOnly = cell.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
        const bold = page === 'built' && strongOnly.length === 1 && isElement(strongOnly[0] as Node, 'strong');
        const align = page === 'dokuwiki' ? (classes(cell).find((name) => name.endsWith('align'))?.replace('align', '') ?? null) : cell.properties.align === undefined ? null : String(cell.properties.align);
        return {
          text: squash(readerText(cell, smileys)),
          header: cell.tagName === 'th',
          bold,
          align,
          colspan: Number(cell.properties.colSpan ?? 1),
          rowspan: Number(cell.properties.rowSpan ?? 1),
        };
      }),
  );
}

function tables(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const take = matcher(all(built.body, (element) => element.tagName === 'table').map((table) => cellsOf(table, context.smileys, 'built')));
  const items: ItemResult[] = [];
  for (const table of all(dokuwiki.body, (element) => element.tagName === 'table')) {
    const rows = cellsOf(table, context.smileys, 'dokuwiki');
    const firstText = rows.flat().find((cell) => cell.text !== '')?.text;
    const match = take((candidate) => candidate.flat().some((cell) => cell.text === firstText));
    if (match === undefined) {
      items.push(result('table', 'lost', `table starting "${firstText}" not found`));
      continue;
    }
    // The article adds an empty header row to a table without one (reported).
    const ourRows = match[0]?.every((cell) => cell.text === '') === true && rows[0]?.some((cell) => cell.text !== '') === true ? match.slice(1) : match;
    if (ourRows !== match) items.push(differs('table header row', context, ['table without header row'], `table starting "${firstText}": empty header row added`));
    const pending = new Map<number, number>(); // column → rows still spanned by a rowspan above
    rows.forEach((row, rowIndex) => {
      const ourRow = ourRows[rowIndex] ?? [];
      let column = 0;
      for (const cell of row) {
        while ((pending.get(column) ?? 0) > 0) {
          pending.set(column, (pending.get(column) ?? 0) - 1);
          items.push(differs('table cell span', context, ['rowspan (:::)'], `row ${rowIndex + 1}, column ${column + 1}: spanned from above, left empty`));
          column += 1;
        }
        const ours = ourRow[column];
        const where = `row ${rowIndex + 1}, column ${column + 1} "${cell.text}"`;
        if (ours === undefined || ours.text !== cell.text) {
          items.push(result('table cell', 'lost', `${where} shown as "${ours?.text ?? '(none)'}"`));
        } else if (cell.colspan > 1 || cell.rowspan > 1) {
          items.push(differs('table cell span', context, ['colspan', 'rowspan (:::)'], `${where} spans ${cell.colspan}×${cell.rowspan}`));
        } else if (cell.header && !ours.header && ours.bold) {
          items.push(differs('table cell', context, ['header cell in a row'], `${where}: a header cell, written in bold`));
        } else if (cell.header !== ours.header && cell.text !== '') {
          items.push(result('table cell', 'lost', `${where}: ${cell.header ? 'header' : 'data'} cell shown as ${ours.header ? 'header' : 'data'} cell`));
        } else if (cell.align !== ours.align && !(cell.align === null && ours.align === 'left') && !(cell.align === 'left' && ours.align === null)) {
          items.push(differs('table cell alignment', context, ['cell alignment'], `${where}: ${cell.align ?? 'none'} shown ${ours.align ?? 'none'}`));
        } else {
          items.push(result('table cell', 'exact', where));
        }
        if (cell.rowspan > 1) pending.set(column, cell.rowspan - 1);
        column += cell.colspan;
      }
      while ((pending.get(column) ?? 0) > 0) {
        pending.set(column, (pending.get(column) ?? 0) - 1);
        items.push(differs('table cell span', context, ['rowspan (:::)'], `row ${rowIndex + 1}, column ${column + 1}: spanned from above, left empty`));
        column += 1;
      }
    });
  }
  return items;
}

/**
 * A code block's text as the reader sees it. The site's code highlighting shows a no-break space as a space
 * (DokuWiki's own syntax page has some in a preformatted block), which looks the same.
 */
function codeText(pre: Element): string {
  return toString(pre).replace(/\n$/, '').replaceAll('\u00a0', ' ');
}

function codeBlocks(dokuwiki: Page, built: Page): ItemResult[] {
  const ours = all(built.body, (element) => element.tagName === 'pre').map((pre) => {
    const code = pre.children.find((child): child is Element => isElement(child, 'code'));
    const language = classes(code ?? pre).find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? null;
    return { text: codeText(pre), language: language === 'plaintext' ? null : language };
  });
  const take = matcher(ours);
  const items: ItemResult[] = [];
  for (const pre of all(dokuwiki.body, (element) => element.tagName === 'pre')) {
    const text = codeText(pre);
    const language = classes(pre).find((name) => name !== 'code' && name !== 'file') ?? null;
    const found = take((candidate) => candidate.text === text);
    if (found === undefined) items.push(result('code block', 'lost', `"${text.slice(0, 60)}" not found`));
    else items.push(result('code block', found.language === language ? 'exact' : 'lost', `${language ?? 'plain'}: ${text.slice(0, 40)}`));
    const caption = ancestorsOf(dokuwiki.body, pre).reverse().find((element) => element.tagName === 'dl');
    const name = caption === undefined ? null : squash(toString(all(caption, (element) => element.tagName === 'dt')[0] ?? caption));
    if (name !== null) {
      const shown = all(built.body, (element) => element.tagName === 'p').some((paragraph) => squash(toString(paragraph)) === name);
      items.push(result('code block file name', shown ? 'exact' : 'lost', name));
    }
  }
  return items;
}

function quotes(dokuwiki: Page, built: Page, context: Context): ItemResult[] {
  const depthOf = (page: Page, element: Element) => ancestorsOf(page.body, element).filter((ancestor) => ancestor.tagName === 'blockquote').length + 1;
  const innermost = (page: Page) =>
    all(page.body, (element) => element.tagName === 'blockquote')
      .filter((quote) => all(quote, (element) => element.tagName === 'blockquote').length === 0)
      .map((quote) => `${depthOf(page, quote)}: ${squash(readerText(quote, context.smileys))}`);
  const take = matcher(innermost(built));
  return innermost(dokuwiki).map((quote) => result('quote', take((candidate) => candidate === quote) === undefined ? 'lost' : 'exact', quote));
}

function counted(construct: string, dokuwiki: Page, built: Page, match: (element: Element) => boolean): ItemResult[] {
  const ours = all(built.body, match).length;
  return all(dokuwiki.body, match).map((_, index) => result(construct, index < ours ? 'exact' : 'lost', `${construct} ${index + 1}`));
}

function lineBreaks(dokuwiki: Page, built: Page): ItemResult[] {
  // DokuWiki writes <br/> for a \\ that ends a paragraph too, where it shows nothing: only those inside count.
  const inside = (page: Page) =>
    all(page.body, (element) => element.tagName === 'p').flatMap((paragraph) => {
      const children = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      return children.filter((child, index) => isElement(child, 'br') && index < children.length - 1);
    }).length;
  const ours = inside(built);
  return Array.from({ length: inside(dokuwiki) }, (_, index) => result('line break', index < ours ? 'exact' : 'lost', `line break ${index + 1}`));
}

/** Output of plugins the page calls (the RSS feed, the list of installed plugins): kept as code and reported. */
function unconverted(dokuwiki: Page, context: Context): ItemResult[] {
  return pluginOutputs(dokuwiki).map((output) =>
    hasClass(output, 'rss')
      ? differs('plugin output', context, ['{{rss>…}}'], 'RSS feed, which DokuWiki fetches when the page is shown', ['unconverted'])
      : differs('plugin output', context, ['~~INFO:syntaxplugins~~'], 'the list of plugins installed in the DokuWiki', ['unconverted']),
  );
}

export interface Summary {
  readonly construct: string;
  readonly exact: number;
  readonly approximated: number;
  readonly reported: number;
  readonly lost: number;
}

export function summarize(results: readonly ItemResult[]): Summary[] {
  const byConstruct = new Map<string, Summary>();
  for (const item of results) {
    const current = byConstruct.get(item.construct) ?? { construct: item.construct, exact: 0, approximated: 0, reported: 0, lost: 0 };
    byConstruct.set(item.construct, { ...current, [item.outcome]: current[item.outcome] + 1 });
  }
  return [...byConstruct.values()];
}

export function formatSummary(results: readonly ItemResult[]): string {
  const rows = summarize(results);
  const total = (key: keyof Omit<Summary, 'construct'>) => rows.reduce((sum, row) => sum + row[key], 0);
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [
    line(['construct', 'checked', 'exact', 'approximated', 'reported', 'lost']),
    line(['---', '--:', '--:', '--:', '--:', '--:']),
    ...rows.map((row) => line([row.construct, row.exact + row.approximated + row.reported + row.lost, row.exact, row.approximated, row.reported, row.lost])),
    line(['**all**', results.length, total('exact'), total('approximated'), total('reported'), total('lost')]),
  ].join('\n');
}
