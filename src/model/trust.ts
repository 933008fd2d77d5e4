/**
 * The wiki's trust level, and what an article may use of MDX under it (given the features the pre-pass
 * recorded, mdx-features.ts). MDX is a programming language: an `import` or an `{expression}` runs on the
 * build machine with the builder's rights, and can read its files or end the build. A wiki that takes
 * contributions it does not review as code keeps the default, `safe`: Markdown, HTML elements and the wiki's
 * own components with attributes written as text, and nothing that runs. `trusted` keeps full MDX for a wiki
 * whose every writer may run code at build time. Pure: features and setting in, diagnostics out; the
 * pre-pass cache (content-folder/prepass-cache.ts) stays valid when only the setting changes.
 */
import { WIKI_COMPONENTS, isWikiComponent } from './components.ts';
import type { Diagnostic } from './diagnostics.ts';
import { isHtmlElementName, type MdxFeature } from './mdx-features.ts';

export const TRUST_LEVELS = ['safe', 'trusted'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** The setting, as a writer reads it in an error. */
export const TRUST_SETTING = 'WIKI_TRUST';
// A wiki says it in wiki.config.yaml; CI may override it with the environment variable (src/content-folder/settings.ts).
const ALLOW = `\`trust: trusted\` in wiki.config.yaml (or ${TRUST_SETTING}=trusted)`;

/** Names the MDX compiler of Astro exports itself: an article that exports one breaks its own module. */
const RESERVED_EXPORTS = new Set(['frontmatter', 'getHeadings', 'Content', 'default', 'MDXContent']);

/** What Astro gives every MDX article without an import. */
const PROVIDED_COMPONENTS = new Set(['Fragment']);

const componentList = WIKI_COMPONENTS.map((name) => `\`<${name}>\``).join(', ');

/** Why `feature` is not allowed under `safe`, with the fix; undefined when it is allowed. */
function notSafe(feature: MdxFeature): string | undefined {
  const code = `articles hold no code under ${TRUST_SETTING}=safe, the default`;
  switch (feature.kind) {
    case 'import':
      return `\`import\` from \`${feature.name}\` is not allowed: ${code}. Remove the line (the wiki's own components, ${componentList}, need no import), or build with ${ALLOW} if every writer of this wiki may run code on the build machine`;
    case 'export':
      return `\`export\` is not allowed: ${code}. Remove the line, or build with ${ALLOW} if every writer of this wiki may run code on the build machine`;
    case 'expression':
      return `the expression \`{${feature.name}}\` is code, which is not allowed: ${code}. Write the value as text (for literal braces write \`\\{\` and \`\\}\`), or build with ${ALLOW}`;
    case 'attribute-expression': {
      const [element = '', attribute = ''] = feature.name.split(' ');
      return `\`${attribute}={…}\` on \`<${element}>\` is code, which is not allowed: ${code}. Write the value as text, \`${attribute}="…"\`, or build with ${ALLOW}`;
    }
    case 'spread-attribute':
      return `\`{...}\` spread attributes on \`<${feature.name}>\` are code, which is not allowed: ${code}. Write each attribute as \`name="value"\`, or build with ${ALLOW}`;
    case 'element':
      if (isHtmlElementName(feature.name) || isWikiComponent(feature.name)) return undefined;
      return feature.name === ''
        ? `\`<>\` fragments are not allowed: ${code}. Remove \`<>\` and \`</>\`, or build with ${ALLOW}`
        : `\`<${feature.name}>\` is not one of the wiki's components (${componentList}): other components are code, which is not allowed, since ${code}. Use one of those, or build with ${ALLOW} and import it`;
  }
}

/** Mistakes in full MDX that would otherwise surface as a compiler's error about generated code. */
function trustedProblems(features: MdxFeature[]): Array<{ feature: MdxFeature; message: string }> {
  const problems: Array<{ feature: MdxFeature; message: string }> = [];
  const declared = new Map<string, MdxFeature>();
  for (const feature of features) {
    if (feature.kind === 'export') {
      for (const name of feature.name.split(', ')) {
        if (RESERVED_EXPORTS.has(name)) {
          problems.push({
            feature,
            message:
              name === 'frontmatter'
                ? '`export const frontmatter` repeats the frontmatter, which the build already exports from the `---` block at the top of the file: move its fields there and remove the export'
                : `\`${name}\` is exported by the build itself for every article: rename the export`,
          });
        }
      }
    }
    for (const name of feature.declares ?? []) {
      const first = declared.get(name);
      if (first) problems.push({ feature, message: `\`${name}\` is declared twice (first at line ${first.line}): rename or remove one of them` });
      else declared.set(name, feature);
    }
  }
  for (const feature of features) {
    if (feature.kind !== 'element' || feature.name === '' || isHtmlElementName(feature.name) || isWikiComponent(feature.name)) continue;
    const root = feature.name.split(/[.:]/)[0] ?? '';
    if (declared.has(root) || PROVIDED_COMPONENTS.has(root) || root === 'props') continue;
    problems.push({
      feature,
      message: `\`<${feature.name}>\` is not defined: import it at the top of the article (\`import ${root} from '…'\`), or use one of the wiki's components (${componentList})`,
    });
  }
  return problems;
}

/** What `file` may not use of what it uses, under `trust`: one error per use, with line and fix. */
export function mdxTrustDiagnostics(file: string, features: MdxFeature[], trust: TrustLevel): Diagnostic[] {
  const at = (feature: MdxFeature, message: string): Diagnostic => ({ severity: 'error', file, line: feature.line, column: feature.column, message });
  if (trust === 'trusted') return trustedProblems(features).map(({ feature, message }) => at(feature, message));
  return features.flatMap((feature) => {
    const message = notSafe(feature);
    return message ? [at(feature, message)] : [];
  });
}

/** The trust level a setting names; throws a sentence for any other value. */
export function parseTrustLevel(value: string | undefined): TrustLevel {
  if (value === undefined || value === '') return 'safe';
  const level = TRUST_LEVELS.find((level) => level === value.trim().toLowerCase());
  if (!level)
    throw new Error(
      `${TRUST_SETTING} must be \`safe\` (the default: articles hold no code) or \`trusted\` (full MDX, code runs at build time), not \`${value}\``,
    );
  return level;
}
