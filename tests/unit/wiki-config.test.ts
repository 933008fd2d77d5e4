/** wiki.config.yaml: defaults, every mistake with its line and fix, and the order environment > file > defaults. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../../src/content-folder/settings.ts';
import { parseWikiConfig } from '../../src/model/wiki-config.ts';

/** The least of a CSL style that the wiki takes (src/content-folder/settings.ts). */
const STYLE = '<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0"><info><category citation-format="numeric"/></info></style>';

const messages = (source: string) => {
  const result = parseWikiConfig(source);
  return result.ok ? [] : result.diagnostics.map((d) => `${d.line}: ${d.message}`);
};

describe('parseWikiConfig', () => {
  it('gives every default for an empty file', () => {
    const result = parseWikiConfig('');
    expect(result.ok && result.config).toEqual({ title: 'Wiki', language: 'en', citationStyle: 'vancouver', strict: false, trust: 'safe', allowEmpty: false });
  });

  it('reads the fields of the issue, normalizing addresses', () => {
    const result = parseWikiConfig(
      [
        'title: Birdwatch Wiki',
        'tagline: Every bird of the valley, with sources.',
        'logo: ./logo.svg',
        'language: de',
        'site: https://birds.example.org/',
        'repository: { url: https://github.com/birds/wiki.git, branch: main }',
        'editUrl: https://github.com/birds/wiki/edit/main/{path}',
        'license: CC BY-SA 4.0',
        'citationStyle: apa',
        'strict: true',
        'trust: trusted',
      ].join('\n'),
    );
    expect(result.ok && result.config).toMatchObject({
      title: 'Birdwatch Wiki',
      language: 'de',
      site: 'https://birds.example.org',
      repository: { url: 'https://github.com/birds/wiki', branch: 'main' },
      strict: true,
      trust: 'trusted',
    });
  });

  it.each([
    ['an unknown field, with the one meant', 'title: A\ntitel: B\n', '2: unknown field `titel`: did you mean `title`? remove it, or use one of title, tagline'],
    [
      'an unknown field of repository',
      'repository:\n  url: https://github.com/a/b\n  brach: dev\n',
      '3: unknown field `repository.brach`: did you mean `branch`?',
    ],
    ['a value of the wrong kind', 'title: A\nstrict: yes please\n', '2: `strict` must be `true` or `false`'],
    ['a language that is no language tag', 'language: deutsch_de\n', '1: `language` must be a language tag such as `en`, `de` or `pt-BR`'],
    ['a site that is no web address', 'title: A\n\nsite: birds.example.org\n', '3: `site` must be a web address starting with https://'],
    ['an edit pattern without {path}', 'editUrl: https://git.example.org/edit\n', '1: `editUrl` must contain `{path}`'],
    [
      'a host the wiki does not know',
      'repository:\n  url: https://git.example.org/a/b\n  host: bitbucket\n',
      '3: `repository.host` must be one of github, gitlab, gitea, forgejo',
    ],
    ['a trust level that is not one', 'trust: sometimes\n', '1: `trust` must be `safe` or `trusted`'],
    ['a logo that is no image', 'logo: ./logo.txt\n', '1: `logo` must be an image file'],
    ['YAML that cannot be read, where the parser stops', 'title: [unclosed\n', '2: wiki.config.yaml is not valid YAML'],
    ['a key written twice', 'title: A\ntitle: B\n', '2: wiki.config.yaml is not valid YAML (Map keys must be unique'],
    ['a list instead of fields', '- title\n', '1: wiki.config.yaml must hold fields'],
  ])('reports %s at its line, with the fix', (_, source, expected) => {
    expect(messages(source).join('\n')).toContain(expected);
  });
});

describe('readSettings: environment > wiki.config.yaml > defaults', () => {
  const folder = (config?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'wiki-config-'));
    if (config !== undefined) writeFileSync(join(dir, 'wiki.config.yaml'), config);
    return dir;
  };

  it('uses the defaults without a file', () => {
    const settings = readSettings({ WIKI_CONTENT_DIR: folder() }, '/');
    expect(settings).toMatchObject({
      title: 'Wiki',
      language: 'en',
      site: 'http://localhost:4321',
      strict: false,
      citationStyle: 'vancouver',
      trust: 'safe',
      allowEmpty: false,
      configFile: undefined,
    });
    expect(settings.uiStrings['article.edit']).toBe('Edit this page');
  });

  it('uses the file over the defaults, and the environment over the file', () => {
    const dir = folder('title: Vogelwiki\nlanguage: de\nsite: https://voegel.example.org\nstrict: true\ncitationStyle: apa\n');
    expect(readSettings({ WIKI_CONTENT_DIR: dir }, '/')).toMatchObject({
      title: 'Vogelwiki',
      site: 'https://voegel.example.org',
      strict: true,
      citationStyle: 'apa',
    });
    expect(
      readSettings(
        {
          WIKI_CONTENT_DIR: dir,
          WIKI_SITE: 'https://preview.example.org',
          WIKI_STRICT: '0',
          WIKI_CITATION_STYLE: 'mla',
          WIKI_TRUST: 'trusted',
          WIKI_ALLOW_EMPTY: '1',
        },
        '/',
      ),
    ).toMatchObject({
      site: 'https://preview.example.org',
      strict: false,
      citationStyle: 'mla',
      trust: 'trusted',
      allowEmpty: true,
    });
    expect(readSettings({ WIKI_CONTENT_DIR: dir }, '/').uiStrings['article.edit']).toBe('Seite bearbeiten');
  });

  it('stops on a file with mistakes, naming the file and line', () => {
    const dir = folder('title: A\nlanguage: 12\n');
    expect(() => readSettings({ WIKI_CONTENT_DIR: dir }, '/')).toThrow(SettingsError);
    expect(() => readSettings({ WIKI_CONTENT_DIR: dir }, '/')).toThrow(/wiki\.config\.yaml:2: error: `language` must be text/);
  });

  it('stops on an environment variable it cannot read, naming it', () => {
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder(), WIKI_STRICT: 'maybe' }, '/')).toThrow(/WIKI_STRICT.*set WIKI_STRICT=1 \(or 0\)/);
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder(), WIKI_TRUST: 'all' }, '/')).toThrow(/WIKI_TRUST=safe or WIKI_TRUST=trusted/);
  });

  it('takes a .csl style of the content folder, named relative to it, as an absolute path', () => {
    const dir = folder('citationStyle: ./styles/vogel.csl\n');
    mkdirSync(join(dir, 'styles'));
    writeFileSync(join(dir, 'styles/vogel.csl'), STYLE);
    // Not relative to the working folder or the checkout ('/' here): to the folder that holds wiki.config.yaml.
    expect(readSettings({ WIKI_CONTENT_DIR: dir }, '/').citationStyle).toBe(join(dir, 'styles/vogel.csl'));
  });

  it('takes a .csl style of WIKI_CITATION_STYLE relative to the checkout, over the file', () => {
    const checkout = mkdtempSync(join(tmpdir(), 'checkout-'));
    writeFileSync(join(checkout, 'house.csl'), STYLE);
    const settings = readSettings({ WIKI_CONTENT_DIR: folder('citationStyle: apa\n'), WIKI_CITATION_STYLE: 'house.csl' }, checkout);
    expect(settings.citationStyle).toBe(join(checkout, 'house.csl'));
  });

  it('stops on a citation style it does not know, naming the file, the line and the styles it knows', () => {
    expect(messages('title: A\ncitationStyle: apaa\n')).toEqual([
      '2: `citationStyle` is `apaa`, which is no style the wiki knows: did you mean `apa`? use one of vancouver, apa, harvard1, chicago, mla, or name a `.csl` file of the content folder, e.g. `citationStyle: ./styles/ieee.csl`',
    ]);
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder(), WIKI_CITATION_STYLE: 'ieee' }, '/')).toThrow(
      /environment variable WIKI_CITATION_STYLE: error: `citationStyle` is `ieee`, which is no style the wiki knows: use one of/,
    );
  });

  it('stops on a .csl file that is no CSL style saying its kind', () => {
    const dir = folder('citationStyle: ./house.csl\n');
    writeFileSync(join(dir, 'house.csl'), '<style><info><title>House</title></info></style>');
    expect(() => readSettings({ WIKI_CONTENT_DIR: dir }, '/')).toThrow(/the citation style `\.\/house\.csl` is not a CSL style that says its kind/);
  });

  it('stops on a .csl style that is missing or outside the content folder', () => {
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder('citationStyle: ./missing.csl\n') }, '/')).toThrow(
      /wiki\.config\.yaml: error: the citation style `\.\/missing\.csl` is not a file of the content folder: put the `\.csl` file in/,
    );
    const outside = mkdtempSync(join(tmpdir(), 'outside-'));
    writeFileSync(join(outside, 'other.csl'), STYLE);
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder(`citationStyle: ${join(outside, 'other.csl')}\n`) }, '/')).toThrow(
      /is not a file of the content folder/,
    );
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder(), WIKI_CITATION_STYLE: 'nowhere/house.csl' }, '/')).toThrow(
      /WIKI_CITATION_STYLE: error: the citation style `nowhere\/house\.csl` is not a file \(looked for \/nowhere\/house\.csl\)/,
    );
  });

  it('stops on a logo that is not in the content folder', () => {
    expect(() => readSettings({ WIKI_CONTENT_DIR: folder('logo: ./missing.svg\n') }, '/')).toThrow(
      /the logo `\.\/missing\.svg` is not a file of the content folder/,
    );
  });
});
