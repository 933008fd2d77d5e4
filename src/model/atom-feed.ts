/**
 * An Atom feed (RFC 4287, https://www.rfc-editor.org/rfc/rfc4287) as text: the feed's id, title, updated,
 * author and links, and per entry its id, title, updated, author, link and summary, every text escaped. Pure.
 */

export interface FeedEntry {
  /** A permanent, unique IRI (a `tag:` URI, RFC 4151). */
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  author: string;
  link: string;
  summary: string;
}

export interface Feed {
  id: string;
  title: string;
  /** The feed's own address (`rel="self"`) and the page it mirrors (`rel="alternate"`). */
  self: string;
  alternate: string;
  /** RFC 3339 date-time: the newest entry's. */
  updated: string;
  /** The feed's author, for entries without one. */
  author: string;
  language: string;
  entries: FeedEntry[];
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML, with the characters XML 1.0 forbids (most control characters) dropped. */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** A `tag:` URI (RFC 4151) under the site's host name: `tag:birds.example.org,2026-03-05:change/…`. */
export function tagUri(site: string, date: string, specific: string): string {
  const host = new URL(site).hostname;
  return `tag:${host},${date.slice(0, 10)}:${specific.replace(/[^\w.~:/?#[\]@!$&'()*+,;=%-]/g, (c) => encodeURIComponent(c))}`;
}

export function atomFeed(feed: Feed): string {
  const entry = (e: FeedEntry) =>
    [
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title>${xmlText(e.title)}</title>`,
      `    <updated>${xmlText(e.updated)}</updated>`,
      `    <author><name>${xmlText(e.author)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <summary>${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `  <id>${xmlText(feed.id)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${xmlText(feed.updated)}</updated>`,
    `  <author><name>${xmlText(feed.author)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    ...feed.entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
