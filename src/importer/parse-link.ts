/**
 * What a `[[…]]` link or `{{…}}` media reference points to. Pure: strings in, descriptions out.
 * Order and rules follow DokuWiki's handler (https://www.dokuwiki.org/link, https://www.dokuwiki.org/images).
 */
import type { MediaAlign } from './types.ts';

export type LinkTarget =
  | { readonly kind: 'interwiki'; readonly target: string }
  | { readonly kind: 'windows-share'; readonly target: string }
  | { readonly kind: 'email'; readonly address: string }
  | { readonly kind: 'external'; readonly url: string }
  | {
      readonly kind: 'internal';
      readonly page: string;
      readonly section: string | null;
      readonly query: string | null;
    };

const INTERWIKI = /^[a-zA-Z0-9.]+>/;
const WINDOWS_SHARE = /^\\\\[^\\]+?\\/;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

export function classifyLinkTarget(rawTarget: string): LinkTarget {
  const target = rawTarget.trim();
  if (INTERWIKI.test(target)) return { kind: 'interwiki', target };
  if (WINDOWS_SHARE.test(target)) return { kind: 'windows-share', target };
  if (EMAIL.test(target)) return { kind: 'email', address: target };
  if (SCHEME.test(target)) return { kind: 'external', url: target };
  const hash = target.indexOf('#');
  const beforeHash = hash === -1 ? target : target.slice(0, hash);
  const section = hash === -1 ? null : target.slice(hash + 1);
  const question = beforeHash.indexOf('?');
  return {
    kind: 'internal',
    page: question === -1 ? beforeHash : beforeHash.slice(0, question),
    section: section === '' ? null : section,
    query: question === -1 ? null : beforeHash.slice(question + 1),
  };
}

export interface MediaSpec {
  readonly src: string;
  readonly caption: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly align: MediaAlign | null;
  readonly linkOnly: boolean;
}

/**
 * The inside of `{{…}}`: ` src?200x50&nolink|caption `, as DokuWiki's handler reads it (inc/Parsing/Helpers/Media.php):
 * a space on either side of `src` sets the alignment, and `left`, `right` or `center` among the parameters
 * (after the last `?`) sets it too, taking precedence.
 */
export function parseMedia(inner: string): MediaSpec {
  const bar = inner.indexOf('|');
  const link = bar === -1 ? inner : inner.slice(0, bar);
  const caption = bar === -1 ? null : inner.slice(bar + 1).trim();
  const spaceLeft = link.startsWith(' ');
  const spaceRight = link.endsWith(' ');
  const trimmed = link.trim();
  const question = trimmed.lastIndexOf('?');
  const src = question === -1 ? trimmed : trimmed.slice(0, question);
  const params = question === -1 ? '' : trimmed.slice(question + 1);
  const size = /(\d+)(?:x(\d+))?/i.exec(params);
  const width = size?.[1] === undefined ? null : Number(size[1]) || null;
  const height = size?.[2] === undefined ? null : Number(size[2]) || null;
  const alignParameter = /(left|right|center)/i.exec(params)?.[1]?.toLowerCase() as MediaAlign | undefined;
  const align: MediaAlign | null = alignParameter ?? (spaceLeft && spaceRight ? 'center' : spaceLeft ? 'right' : spaceRight ? 'left' : null);
  return {
    src,
    caption: caption === '' ? null : caption,
    width,
    height,
    align,
    linkOnly: /linkonly/i.test(params),
  };
}

const IMAGE_EXTENSIONS = new Set(['gif', 'jpg', 'jpeg', 'png', 'svg', 'webp', 'avif', 'ico', 'bmp']);
/** What DokuWiki embeds as a player (inc/parser/xhtml.php, `_video` and `_audio`). */
const VIDEO_EXTENSIONS = new Set(['webm', 'ogv', 'mp4']);
const AUDIO_EXTENSIONS = new Set(['ogg', 'mp3', 'wav']);

export type MediaKind = 'image' | 'video' | 'audio' | 'file';

function extensionOf(src: string): string {
  const path = src.split(/[?#]/)[0] ?? '';
  return path.slice(path.lastIndexOf('.') + 1).toLowerCase();
}

/** How DokuWiki shows a media file: an image, a video or audio player, or a link to the file. */
export function mediaKind(src: string): MediaKind {
  const extension = extensionOf(src);
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  if (AUDIO_EXTENSIONS.has(extension)) return 'audio';
  return 'file';
}

export function isImage(src: string): boolean {
  return mediaKind(src) === 'image';
}

export function isExternalMedia(src: string): boolean {
  return SCHEME.test(src);
}

/** `{{rss>…}}`, `{{tag>…}}`, `{{youtube>…}}`: a plugin (or interwiki media), not a file. */
export function mediaPlugin(inner: string): string | null {
  const match = /^\s*([a-zA-Z0-9._-]+)>/.exec(inner);
  return match?.[1] === undefined ? null : match[1].toLowerCase();
}
