/**
 * DokuWiki's media (`{{…}}`) in the article: pictures as Markdown images (beside the article with `--media`, for
 * the build's image pipeline) or `<img>` with their size, aligned by class (never a `style` attribute, which the
 * site's Content-Security-Policy blocks); video and audio as players; other files as links. It keeps the list
 * of files the article needs, and where.
 */
import type { PhrasingContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxTextElement } from 'mdast-util-mdx';
import type { PageId } from '../model/ids.ts';
import { mimeType, relativePath } from './media-paths.ts';
import { mediaPathForId, resolvePageId, wikiId } from './page-id.ts';
import { isExternalMedia, mediaKind } from './parse-link.ts';
import type { ImportSite } from './site.ts';
import type { Issue, MediaNode } from './types.ts';

/** An internal media file a page uses, and where it has to be for the article's link to work. */
export interface MediaUse {
  /** Below DokuWiki's `data/media`: `wiki/logo.png`. */
  readonly path: string;
  /** `content`: beside the articles, for the build's image pipeline; `public`: served as is, below the media URL. */
  readonly place: 'content' | 'public';
}

export class MediaWriter {
  private readonly files = new Map<string, MediaUse>();
  private readonly site: ImportSite;
  /** The page's DokuWiki id, which media ids are relative to. */
  private readonly id: string;
  /** This page's id in the wiki, for relative media paths. */
  private readonly pageId: PageId | '';
  private readonly report: (issue: Issue) => void;

  constructor(site: ImportSite, id: string, report: (issue: Issue) => void) {
    this.site = site;
    this.id = id;
    this.pageId = wikiId(id, site.ids.rules);
    this.report = report;
  }

  /** The files the page uses, each with where it has to be. */
  uses(): MediaUse[] {
    return [...this.files.values()];
  }

  media(node: MediaNode): PhrasingContent[] {
    const kind = mediaKind(node.src);
    const files = this.site.media.files;
    // A file data/media does not have is linked in the public folder, where the build warns that it is missing:
    // beside the article it would stop the build, which reads every image there.
    const beside =
      kind === 'image' &&
      this.site.media.imagesBesideArticles &&
      !node.linkOnly &&
      !isExternalMedia(node.src) &&
      (files === null || files.has(this.mediaPath(node.src)));
    const place = beside ? 'content' : 'public';
    const src = this.mediaUrl(node, place);
    const fileName = node.src.split(/[:/]/).at(-1) ?? node.src;
    const fileLink = (): PhrasingContent => ({ type: 'link', url: src, children: [{ type: 'text', value: node.caption ?? fileName }] });
    if (node.linkOnly || kind === 'file') return [fileLink()];
    if (kind === 'video' || kind === 'audio') return [this.player(node, kind, src, fileLink())];
    const alt = node.caption ?? '';
    const align = node.align === null ? [] : [attribute('className', `align-${node.align}`)];
    if (place === 'content') {
      // Beside the article, the build's image pipeline sizes the picture from the file (WebP, srcset).
      if (node.width !== null || node.height !== null) {
        this.report({
          kind: 'approximated',
          line: node.line,
          construct: 'image size',
          message: `${node.raw}: shown at the size of the file, up to the width of the text, not at ${node.width ?? '?'}${node.height === null ? '' : `×${node.height}`} px: the build sizes images beside an article from the file`,
        });
      }
      const image: PhrasingContent = { type: 'image', url: src, alt, title: node.caption };
      return align.length === 0 ? [image] : [jsx('span', align, [image])];
    }
    if (node.width === null && node.height === null && node.align === null) {
      return [{ type: 'image', url: src, alt, title: node.caption }];
    }
    const attributes: MdxJsxAttribute[] = [attribute('src', src), attribute('alt', alt)];
    if (node.caption !== null) attributes.push(attribute('title', node.caption));
    if (node.width !== null) attributes.push(attribute('width', String(node.width)));
    if (node.height !== null) attributes.push(attribute('height', String(node.height)));
    attributes.push(...align);
    return [jsx('img', attributes, [])];
  }

  /**
   * `<video>` or `<audio>` with the browser's controls, as DokuWiki embeds them (with the other formats of the
   * same file DokuWiki finds beside it, and a video's poster picture), the link to the file inside for
   * browsers that play none of them.
   */
  private player(node: MediaNode, kind: 'video' | 'audio', src: string, fallback: PhrasingContent): PhrasingContent {
    const attributes: MdxJsxAttribute[] = [attribute('controls', 'controls')];
    if (node.caption !== null) attributes.push(attribute('title', node.caption));
    if (node.width !== null) attributes.push(attribute('width', String(node.width)));
    if (node.height !== null) attributes.push(attribute('height', String(node.height)));
    if (node.align !== null) attributes.push(attribute('className', `align-${node.align}`));
    const sources: PhrasingContent[] = [];
    const files = this.site.media.files;
    if (isExternalMedia(node.src) || files === null) {
      attributes.unshift(attribute('src', src));
    } else {
      const stem = src.replace(/\.[^./]+$/, '');
      const path = this.mediaPath(node.src).replace(/\.[^./]+$/, '');
      const formats = kind === 'video' ? ['webm', 'ogv', 'mp4'] : ['ogg', 'mp3', 'wav'];
      for (const format of formats) {
        if (!files.has(`${path}.${format}`) && `${stem}.${format}` !== src) continue;
        if (`${stem}.${format}` !== src) this.useMedia(`${path}.${format}`, 'public');
        sources.push(jsx('source', [attribute('src', `${stem}.${format}`), attribute('type', mimeType(format))], []));
      }
      const poster = ['jpg', 'png'].find((format) => files.has(`${path}.${format}`));
      if (kind === 'video' && poster !== undefined) {
        this.useMedia(`${path}.${poster}`, 'public');
        attributes.push(attribute('poster', `${stem}.${poster}`));
      }
    }
    return jsx(kind, attributes, [...sources, fallback]);
  }

  /** Where the article finds a media file: a relative path beside it, or the public media URL. */
  private mediaUrl(node: MediaNode, place: MediaUse['place']): string {
    if (isExternalMedia(node.src)) return node.src;
    const path = this.mediaPath(node.src);
    const files = this.site.media.files;
    if (files !== null && !files.has(path)) {
      this.report({
        kind: 'broken',
        line: node.line,
        construct: 'media file',
        message: `${node.raw}: ${path} is not in data/media; the article links to it at ${this.site.media.base}${path}, where the build will warn that it is missing`,
      });
    }
    this.useMedia(path, place);
    if (place === 'content') return relativePath(this.pageId === '' ? '' : this.pageId.split(':').slice(0, -1).join('/'), path);
    return `${this.site.media.base}${path}`;
  }

  private mediaPath(src: string): string {
    return mediaPathForId(resolvePageId(src, this.id, { ...this.site.ids, pageExists: () => false }));
  }

  /** A file both shown (beside the article) and linked to (public) is needed in both places. */
  private useMedia(path: string, place: MediaUse['place']): void {
    this.files.set(`${place}:${path}`, { path, place });
  }
}

export function attribute(name: string, value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

export function jsx(name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes, children };
}
