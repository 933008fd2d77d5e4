/**
 * Tracked, repeatable corrections applied on import (e.g. `cli/seed-corrections.json`): exact text
 * replacements in the DokuWiki source, each expected a known number of times and each with its reason, and
 * frontmatter fields to set. A replacement that no longer matches as expected stops the import, so a changed
 * source is never corrected by guesswork.
 */
import type { Frontmatter } from './frontmatter.ts';
import type { Issue } from './types.ts';

export interface Replacement {
  /** Exact DokuWiki source text to replace. */
  readonly find: string;
  /** What replaces it, in DokuWiki markup. */
  readonly replace: string;
  /** How many times `find` must occur. */
  readonly count: number;
  /** Why: shown in the import report. */
  readonly reason: string;
}

export interface PageCorrections {
  /** The DokuWiki page the corrections are for, e.g. `nvidia_vs_huawei_for_ai_compute`. */
  readonly id: string;
  /** Where its source is, relative to the repository root (used when the import is given no input). */
  readonly source?: string;
  readonly frontmatter?: Partial<Frontmatter>;
  readonly replacements: readonly Replacement[];
}

export interface CorrectionsFile {
  readonly pages: readonly PageCorrections[];
}

export class CorrectionError extends Error {}

/** Check the shape of a parsed corrections file; the message names the field to fix. */
export function parseCorrections(json: unknown): CorrectionsFile {
  const pages = field(json, 'pages', 'the corrections file');
  if (!Array.isArray(pages)) throw new CorrectionError('"pages" must be a list of page corrections');
  return {
    pages: pages.map((page: unknown, index): PageCorrections => {
      const where = `pages[${index}]`;
      const id = field(page, 'id', where);
      if (typeof id !== 'string' || id === '') throw new CorrectionError(`${where}.id must be a page id`);
      const source = optionalField(page, 'source');
      if (source !== undefined && typeof source !== 'string') throw new CorrectionError(`${where}.source must be a path`);
      const frontmatter = optionalField(page, 'frontmatter');
      if (frontmatter !== undefined && (typeof frontmatter !== 'object' || frontmatter === null)) {
        throw new CorrectionError(`${where}.frontmatter must be an object of frontmatter fields`);
      }
      const replacements = field(page, 'replacements', where);
      if (!Array.isArray(replacements)) throw new CorrectionError(`${where}.replacements must be a list`);
      return {
        id,
        ...(source === undefined ? {} : { source }),
        ...(frontmatter === undefined ? {} : { frontmatter: frontmatter as Partial<Frontmatter> }),
        replacements: replacements.map((replacement: unknown, at) => parseReplacement(replacement, `${where}.replacements[${at}]`)),
      };
    }),
  };
}

function parseReplacement(value: unknown, where: string): Replacement {
  const find = field(value, 'find', where);
  const replace = field(value, 'replace', where);
  const count = field(value, 'count', where);
  const reason = field(value, 'reason', where);
  if (typeof find !== 'string' || find === '') throw new CorrectionError(`${where}.find must be non-empty text`);
  if (typeof replace !== 'string') throw new CorrectionError(`${where}.replace must be text`);
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new CorrectionError(`${where}.count must be how many times "find" occurs (1 or more)`);
  }
  if (typeof reason !== 'string' || reason === '') throw new CorrectionError(`${where}.reason must say why`);
  return { find, replace, count, reason };
}

function optionalField(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function field(value: unknown, name: string, where: string): unknown {
  const found = optionalField(value, name);
  if (found === undefined) throw new CorrectionError(`${where} needs "${name}"`);
  return found;
}

function occurrences(text: string, find: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(find); at !== -1; at = text.indexOf(find, at + find.length)) found.push(at);
  return found;
}

/** Apply the replacements in order; each one is reported as an issue of kind `corrected` at its first line. */
export function applyReplacements(source: string, replacements: readonly Replacement[]): { source: string; issues: Issue[] } {
  let text = source;
  const issues: Issue[] = [];
  for (const replacement of replacements) {
    const found = occurrences(text, replacement.find);
    if (found.length !== replacement.count) {
      throw new CorrectionError(
        `"${abbreviate(replacement.find)}" occurs ${found.length} time(s), the corrections expect ${replacement.count}: check the source and the corrections file`,
      );
    }
    const line = text.slice(0, found[0]).split('\n').length;
    text = text.replaceAll(replacement.find, replacement.replace);
    issues.push({
      kind: 'corrected',
      line,
      construct: 'correction',
      message: `${replacement.reason} (${replacement.count}×)`,
    });
  }
  return { source: text, issues };
}

function abbreviate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
