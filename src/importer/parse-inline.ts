/**
 * DokuWiki inline markup → inline nodes. https://www.dokuwiki.org/wiki:syntax
 *
 * Works like DokuWiki's lexer, left to right: at each position the first construct that matches wins;
 * a formatting mark (`**`, `//`, `__`, `''`, `<sub>`, `<sup>`, `<del>`) or a footnote `((` opens only when
 * its closing mark follows somewhere in the text, and a construct left open at the end of the text closes
 * there. Nothing is dropped: whatever is not markup is text.
 */
import { findLinkEnd } from './scan.ts';
import { mediaPlugin, parseMedia } from './parse-link.ts';
import type { FormattingKind, Inline, MediaNode } from './types.ts';

export interface InlineContext {
  /** The original line number of an offset in the text being parsed. */
  readonly lineAt: (offset: number) => number;
  /**
   * Lower-case names of tags that have a closing tag somewhere in the page (`</wrap>`): `<wrap …>` is then
   * plugin syntax, not text.
   */
  readonly closedTags: ReadonlySet<string>;
}

interface Formatting {
  readonly kind: FormattingKind;
  readonly open: string;
  readonly close: string;
}

const FORMATTING: readonly Formatting[] = [
  { kind: 'strong', open: '**', close: '**' },
  { kind: 'emphasis', open: '//', close: '//' },
  { kind: 'underline', open: '__', close: '__' },
  { kind: 'monospace', open: "''", close: "''" },
  { kind: 'subscript', open: '<sub>', close: '</sub>' },
  { kind: 'superscript', open: '<sup>', close: '</sup>' },
  { kind: 'deleted', open: '<del>', close: '</del>' },
];

/** Tags DokuWiki itself knows; any other `<tag>` with a closing tag is plugin syntax. */
const KNOWN_TAGS = new Set(['sub', 'sup', 'del', 'nowiki', 'code', 'file', 'html', 'php']);

const EMAIL = /<([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>/y;
const URL_WITH_SCHEME = /(?:https?|ftps?|irc|ircs|news|telnet|gopher|wais|ldap|ed2k|file):\/\/[\w/#~:.?+=&%@!\-[\]]+/iy;
const URL_WWW = /www\.[\w-]+(?:\.[\w-]+)+[\w/#~:.?+=&%@!\-[\]]*/iy;
/** DokuWiki leaves these out of the end of a bare URL. */
const URL_TRAILING_PUNCTUATION = /[.:?\-;,]+$/;
const MACRO = /~~([A-Z][A-Z0-9_]*)(?::[^~\n]*)?~~/y;
const EMBEDDED = /<(html|php|HTML|PHP)>/y;
const INLINE_CODE = /<(code|file)\b([^>\n]*)>/y;
const TAG = /<(\/?)([A-Za-z][\w-]*)((?:\s[^<>\n]*)?)(\/?)>/y;

interface State {
  readonly text: string;
  pos: number;
  readonly context: InlineContext;
  /** Last index of each closing mark, so that "does it close later?" costs nothing. */
  readonly lastIndex: Map<string, number>;
}

function closesAfter(state: State, closer: string, from: number): boolean {
  let last = state.lastIndex.get(closer);
  if (last === undefined) {
    last = state.text.lastIndexOf(closer);
    state.lastIndex.set(closer, last);
  }
  return last >= from;
}

export function parseInline(text: string, context: InlineContext): Inline[] {
  const state: State = { text, pos: 0, context, lastIndex: new Map() };
  return parseSequence(state, null, new Set(), false).nodes;
}

interface Sequence {
  readonly nodes: Inline[];
  /** Whether the closing mark was found (false: the construct closes at the end of the text). */
  readonly closed: boolean;
}

function parseSequence(state: State, closer: string | null, active: ReadonlySet<FormattingKind>, inFootnote: boolean): Sequence {
  const nodes: Inline[] = [];
  let buffer = '';
  let bufferStart = state.pos;
  const flush = (): void => {
    if (buffer !== '') nodes.push({ type: 'text', value: buffer, line: state.context.lineAt(bufferStart) });
    buffer = '';
  };
  const { text } = state;
  while (state.pos < text.length) {
    if (closer !== null && text.startsWith(closer, state.pos)) {
      state.pos += closer.length;
      flush();
      return { nodes, closed: true };
    }
    const node = matchConstruct(state, active, inFootnote);
    if (node === null) {
      if (buffer === '') bufferStart = state.pos;
      buffer += text[state.pos] ?? '';
      state.pos += 1;
      continue;
    }
    flush();
    nodes.push(node);
  }
  flush();
  return { nodes, closed: false };
}

/** The construct starting at the current position (advancing past it), or null for plain text. */
function matchConstruct(state: State, active: ReadonlySet<FormattingKind>, inFootnote: boolean): Inline | null {
  const { text, pos, context } = state;
  const char = text[pos];
  const line = context.lineAt(pos);

  if (text.startsWith('<nowiki>', pos)) {
    const end = text.indexOf('</nowiki>', pos + 8);
    if (end !== -1) {
      state.pos = end + 9;
      return { type: 'text', value: text.slice(pos + 8, end), literal: true, line };
    }
  }
  if (text.startsWith('%%', pos)) {
    const end = text.indexOf('%%', pos + 2);
    if (end !== -1) {
      state.pos = end + 2;
      return { type: 'text', value: text.slice(pos + 2, end), literal: true, line };
    }
  }
  if (text.startsWith('[[', pos)) {
    const end = findLinkEnd(text, pos + 2);
    if (end !== -1 && !text.slice(pos, end).includes('\n')) {
      state.pos = end + 2;
      return linkNode(text.slice(pos + 2, end), line);
    }
  }
  if (text.startsWith('{{', pos)) {
    const end = text.indexOf('}}', pos + 2);
    if (end !== -1) {
      state.pos = end + 2;
      return mediaOrPlugin(text.slice(pos + 2, end), text.slice(pos, end + 2), line);
    }
  }
  if (!inFootnote && text.startsWith('((', pos) && closesAfter(state, '))', pos + 2)) {
    state.pos = pos + 2;
    const { nodes, closed } = parseSequence(state, '))', new Set(), true);
    const source = text.slice(pos + 2, closed ? state.pos - 2 : state.pos);
    return { type: 'footnote', children: nodes, source, line };
  }
  if (char === '\\' && text[pos + 1] === '\\' && /^[ \t\n]|^$/.test(text.slice(pos + 2, pos + 3))) {
    let next = pos + 2;
    while (text[next] === ' ' || text[next] === '\t') next += 1;
    if (text[next] === '\n') next += 1;
    state.pos = next;
    return { type: 'linebreak' };
  }
  for (const format of FORMATTING) {
    if (
      !active.has(format.kind) &&
      text.startsWith(format.open, pos) &&
      closesAfter(state, format.close, pos + format.open.length) &&
      !(format.kind === 'emphasis' && text[pos - 1] === ':')
    ) {
      state.pos = pos + format.open.length;
      const nested = new Set(active).add(format.kind);
      const children = parseSequence(state, format.close, nested, inFootnote).nodes;
      return { type: 'formatting', kind: format.kind, children };
    }
  }
  if (char === '<') {
    const email = sticky(EMAIL, text, pos);
    if (email !== null) {
      state.pos = pos + email[0].length;
      return { type: 'email', address: email[1] ?? '', line };
    }
    const embedded = embeddedCode(state, line);
    if (embedded !== null) return embedded;
    // Inside ''monospace'' a `<tag>` is almost always the tag's name being written about (''<related>''), not
    // plugin syntax: it stays text, so that the code reads as written.
    const tag = active.has('monospace') ? null : sticky(TAG, text, pos);
    if (tag !== null) {
      const name = (tag[2] ?? '').toLowerCase();
      const selfClosing = tag[4] === '/';
      if (!KNOWN_TAGS.has(name) && (selfClosing || context.closedTags.has(name))) {
        state.pos = pos + tag[0].length;
        return { type: 'unsupported', construct: `<${name}>`, raw: tag[0], line };
      }
    }
  }
  if (/[a-z]/i.test(char ?? '') && !/\w/.test(text[pos - 1] ?? '')) {
    const url = bareUrl(text, pos);
    if (url !== null) {
      state.pos = pos + url.length;
      const href = /^www\./i.test(url) ? `http://${url}` : url;
      return { type: 'url', url: href, text: url, line };
    }
  }
  if (char === '~') {
    const macro = sticky(MACRO, text, pos);
    if (macro !== null) {
      state.pos = pos + macro[0].length;
      return { type: 'macro', name: macro[1] ?? '', raw: macro[0], line };
    }
  }
  return null;
}

function sticky(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

function bareUrl(text: string, pos: number): string | null {
  const match = sticky(URL_WITH_SCHEME, text, pos) ?? sticky(URL_WWW, text, pos);
  if (match === null) return null;
  const url = match[0].replace(URL_TRAILING_PUNCTUATION, '');
  return /:\/\/$/.test(url) || url === '' ? null : url;
}

/** `<html>…</html>`, `<php>…</php>` and a `<code>`/`<file>` left inside a line (a table cell, say). */
function embeddedCode(state: State, line: number): Inline | null {
  const { text, pos } = state;
  const embedded = sticky(EMBEDDED, text, pos);
  if (embedded !== null) {
    const closeTag = `</${embedded[1] ?? ''}>`;
    const end = text.indexOf(closeTag, pos + embedded[0].length);
    if (end !== -1) {
      state.pos = end + closeTag.length;
      return {
        type: 'unsupported',
        construct: `<${(embedded[1] ?? '').toLowerCase()}>`,
        raw: text.slice(pos, state.pos),
        line,
      };
    }
  }
  const code = sticky(INLINE_CODE, text, pos);
  if (code !== null) {
    const closeTag = `</${code[1] ?? ''}>`;
    const end = text.indexOf(closeTag, pos + code[0].length);
    if (end !== -1) {
      state.pos = end + closeTag.length;
      const value = text.slice(pos + code[0].length, end);
      return { type: 'formatting', kind: 'monospace', children: [{ type: 'text', value, literal: true, line }] };
    }
  }
  return null;
}

function linkNode(inner: string, line: number): Inline {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const rawTitle = bar === -1 ? null : inner.slice(bar + 1);
  const trimmedTitle = rawTitle?.trim() ?? '';
  if (trimmedTitle.startsWith('{{') && trimmedTitle.endsWith('}}') && mediaPlugin(trimmedTitle.slice(2, -2)) === null) {
    const media = mediaNode(trimmedTitle.slice(2, -2), trimmedTitle, line);
    return { type: 'link', target, title: null, titleMedia: media, line };
  }
  return { type: 'link', target, title: trimmedTitle === '' ? null : trimmedTitle, titleMedia: null, line };
}

function mediaOrPlugin(inner: string, raw: string, line: number): Inline {
  const plugin = mediaPlugin(inner);
  if (plugin === 'tag') {
    const tags = inner
      .slice(inner.indexOf('>') + 1)
      .split(/\s+/)
      .filter(Boolean);
    return { type: 'tags', tags, line };
  }
  if (plugin !== null) return { type: 'unsupported', construct: `{{${plugin}>…}}`, raw, line };
  return mediaNode(inner, raw, line);
}

function mediaNode(inner: string, raw: string, line: number): MediaNode {
  return { type: 'media', ...parseMedia(inner), raw, line };
}
