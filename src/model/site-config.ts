/**
 * What pages know of the wiki itself (`virtual:wiki/config`): its name, tagline, language, logo, licence,
 * public address, interface strings and where its files live. Made once per reading from the settings and
 * what git said of the content folder. Pure.
 */
import type { HistoryStatus } from './history.ts';
import type { SourceLinkSettings } from './source-links.ts';
import type { RepositoryConfig } from './wiki-config.ts';
import { clientStrings } from '../shared/ui-strings.ts';

export interface SiteConfig {
  title: string;
  tagline: string | undefined;
  /** BCP 47 tag: `<html lang>`, dates, search stemming. */
  language: string;
  /** The site's public address, without a trailing `/`. */
  site: string;
  /** The logo's address on the site, when the wiki has one. */
  logo: string | undefined;
  license: { name: string; url: string | undefined } | undefined;
  citationStyle: string;
  /** The interface strings, resolved (src/shared/ui-strings.ts). */
  strings: Record<string, string>;
  /** The part of `strings` browser scripts read. */
  clientStrings: Record<string, string>;
  /** Where the files live, for edit and commit links (src/model/source-links.ts). */
  links: SourceLinkSettings;
  /** What the build knows of the history. */
  history: HistoryStatus;
}

export interface SiteSettings {
  title: string;
  tagline: string | undefined;
  language: string;
  site: string;
  logo: string | undefined;
  license: string | undefined;
  citationStyle: string;
  uiStrings: Record<string, string>;
  repository: RepositoryConfig | undefined;
  editUrl: string | undefined;
  commitUrl: string | undefined;
}

/** The address of the logo on the site, `/logo.svg`: its file's extension is kept, so that hosts send its type. */
export function logoUrl(logoFile: string): string {
  return `/logo.${(/\.([a-z]+)$/i.exec(logoFile)?.[1] ?? 'svg').toLowerCase()}`;
}

/** A Creative Commons licence's deed (`CC BY-SA 4.0` → its page on creativecommons.org); undefined for others. */
export function licenseUrl(name: string): string | undefined {
  const cc = /^CC[\s-]+(BY(?:[\s-]+(?:NC|SA|ND)){0,2})[\s-]+(\d\.\d)$/i.exec(name.trim());
  if (cc?.[1] && cc[2]) return `https://creativecommons.org/licenses/${cc[1].toLowerCase().replace(/[\s-]+/g, '-')}/${cc[2]}/`;
  if (/^CC0(?:[\s-]+1\.0)?$/i.test(name.trim())) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return undefined;
}

export function siteConfig(settings: SiteSettings, history: HistoryStatus): SiteConfig {
  const gitDir = history.kind === 'git' ? history.sourceDir : '';
  return {
    title: settings.title,
    tagline: settings.tagline,
    language: settings.language,
    site: settings.site,
    logo: settings.logo ? logoUrl(settings.logo) : undefined,
    license: settings.license ? { name: settings.license, url: licenseUrl(settings.license) } : undefined,
    citationStyle: settings.citationStyle,
    strings: settings.uiStrings,
    clientStrings: clientStrings(settings.uiStrings),
    links: { repository: settings.repository, editUrl: settings.editUrl, commitUrl: settings.commitUrl, sourceDir: settings.repository?.dir ?? gitDir },
    history,
  };
}
