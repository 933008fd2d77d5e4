/**
 * The DokuWiki document tree the importer builds before it writes MDX, and the report it keeps.
 *
 * The tree mirrors what DokuWiki's own parser produces (see https://www.dokuwiki.org/wiki:syntax):
 * blocks made of lines, and inline nodes inside them. Every node that may end up in the report carries
 * the source line it came from.
 */

/** A source line after line-break restoration, with the line number it has in the original file. */
export interface SourceLine {
  readonly text: string;
  /** 1-based line number in the original file. */
  readonly line: number;
}

export type FormattingKind = 'strong' | 'emphasis' | 'underline' | 'monospace' | 'subscript' | 'superscript' | 'deleted';

export interface TextNode {
  readonly type: 'text';
  readonly value: string;
  /** The line the text starts on. */
  readonly line: number;
  /** `<nowiki>`, `%%…%%`: shown exactly as written, no typography and no smileys. */
  readonly literal?: boolean;
}

export interface FormattingNode {
  readonly type: 'formatting';
  readonly kind: FormattingKind;
  readonly children: readonly Inline[];
}

export interface LineBreakNode {
  readonly type: 'linebreak';
}

/** `[[target|title]]`: internal, external, interwiki, email or Windows-share link. */
export interface LinkNode {
  readonly type: 'link';
  readonly target: string;
  /** The text after `|`, or null when there is none. */
  readonly title: string | null;
  /** `[[target|{{image}}]]`: the image used as link text. */
  readonly titleMedia: MediaNode | null;
  readonly line: number;
}

/** A bare URL (`https://…`, `www.…`) recognised in running text. */
export interface UrlNode {
  readonly type: 'url';
  readonly url: string;
  readonly text: string;
  readonly line: number;
}

/** `<user@example.org>` */
export interface EmailNode {
  readonly type: 'email';
  readonly address: string;
  readonly line: number;
}

export interface FootnoteNode {
  readonly type: 'footnote';
  readonly children: readonly Inline[];
  /** The raw markup between `((` and `))`: identical footnotes share one definition. */
  readonly source: string;
  readonly line: number;
}

export type MediaAlign = 'left' | 'right' | 'center';

/** `{{src?params|caption}}` */
export interface MediaNode {
  readonly type: 'media';
  readonly src: string;
  readonly caption: string | null;
  readonly width: number | null;
  readonly height: number | null;
  /** Spaces inside the braces, or `left`, `right`, `center` among the parameters (which take precedence). */
  readonly align: MediaAlign | null;
  /** `linkonly` in the parameters: show a link, not the image. */
  readonly linkOnly: boolean;
  readonly raw: string;
  readonly line: number;
}

/** `~~NOTOC~~`, `~~NOCACHE~~`, `~~ANYTHING~~` */
export interface MacroNode {
  readonly type: 'macro';
  readonly name: string;
  readonly raw: string;
  readonly line: number;
}

/** `{{tag>one two}}` (the tag plugin): becomes frontmatter `tags`. */
export interface TagsNode {
  readonly type: 'tags';
  readonly tags: readonly string[];
  readonly line: number;
}

/** Something the importer cannot convert: kept visibly as code and listed in the report. */
export interface UnsupportedInlineNode {
  readonly type: 'unsupported';
  readonly construct: string;
  readonly raw: string;
  readonly line: number;
}

export type Inline =
  TextNode | FormattingNode | LineBreakNode | LinkNode | UrlNode | EmailNode | FootnoteNode | MediaNode | MacroNode | TagsNode | UnsupportedInlineNode;

export interface HeadingBlock {
  readonly type: 'heading';
  /** DokuWiki level: `======` is 1, `==` is 5. */
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly text: string;
  readonly line: number;
}

export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly children: readonly Inline[];
  readonly line: number;
}

export interface ListItem {
  readonly children: readonly Inline[];
  /**
   * `<code>`/`<file>` blocks opened in the item's line (`  * item: <code php>` … `</code>`) and the text after
   * each, in order.
   */
  readonly blocks: readonly (CodeBlock | ParagraphBlock)[];
  readonly sublists: readonly ListBlock[];
  readonly line: number;
}

export interface ListBlock {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly ListItem[];
  readonly line: number;
}

export type CellAlign = 'left' | 'right' | 'center' | null;

export interface TableCell {
  readonly header: boolean;
  readonly children: readonly Inline[];
  readonly colspan: number;
  /** `:::` — DokuWiki's row span marker. */
  readonly rowspan: boolean;
  readonly align: CellAlign;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
  readonly line: number;
}

export interface TableBlock {
  readonly type: 'table';
  readonly rows: readonly TableRow[];
  readonly line: number;
}

/** `<code lang file>`, `<file lang file>` or text indented by two spaces. */
export interface CodeBlock {
  readonly type: 'code';
  readonly kind: 'code' | 'file' | 'preformatted';
  readonly lang: string | null;
  readonly filename: string | null;
  readonly value: string;
  readonly line: number;
}

export interface QuoteBlock {
  readonly type: 'quote';
  readonly children: readonly (ParagraphBlock | QuoteBlock)[];
  readonly line: number;
}

export interface RuleBlock {
  readonly type: 'rule';
  readonly line: number;
}

/** `<html>`, `<php>` and friends: kept as a code block and reported. */
export interface UnsupportedBlock {
  readonly type: 'unsupported-block';
  readonly construct: string;
  readonly lang: string;
  readonly value: string;
  readonly line: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | CodeBlock | QuoteBlock | RuleBlock | UnsupportedBlock;

/**
 * How an issue is reported:
 * - `broken`: broken in the source already (a link to a section or a media file that does not exist);
 * - `unconverted`: kept visibly as code, not converted (plugins, `<html>`, unknown macros, …);
 * - `approximated`: converted, but MDX cannot say all of it (colspans, row spans, header cells in rows, …);
 * - `restored`: the source had lost structure that the importer put back (line breaks);
 * - `corrected`: changed by a tracked correction (a corrections file), with its reason;
 * - `note`: worth knowing, nothing lost (a macro with no meaning in a static site, a media file to copy).
 */
export type IssueKind = 'broken' | 'unconverted' | 'approximated' | 'restored' | 'corrected' | 'note';

export interface Issue {
  readonly kind: IssueKind;
  readonly line: number;
  /** Short name of the construct, e.g. `<html>`, `colspan`, `~~NOCACHE~~`. */
  readonly construct: string;
  readonly message: string;
}

export interface LinkCounts {
  internal: number;
  external: number;
  interwiki: number;
  email: number;
  media: number;
}

export interface PageStats {
  readonly links: LinkCounts;
  /** Footnote citations in the text (`[^slug]` references). */
  readonly footnoteCitations: number;
  /** Footnote definitions written (identical footnotes share one). */
  readonly footnoteDefinitions: number;
  readonly headings: number;
}
