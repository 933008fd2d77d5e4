/**
 * Content-Security-Policy: wiring only (the policy is src/postbuild/csp.ts). Turns on
 * Astro's `security.csp` with our directives and the hashes of our own inline
 * scripts; after the build, checks every page (a policy, no inline script it
 * would block, no inline event handler) and writes `_headers`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { BuildContext } from '../build/context.ts';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, cspHash, inlineScriptsOfComponent } from '../postbuild/csp.ts';
import { writtenHistoryFolder } from '../postbuild/history-pages.ts';
import { searchPagesOf } from '../postbuild/search-pages.ts';
import { checkSitePages, filesUnder } from '../postbuild/security-check.ts';

export function csp(context: BuildContext): AstroIntegration {
  return {
    name: 'wiki:csp',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Our `<script is:inline>` snippets (e.g. ThemeInit.astro), allowed by hash; articles cannot add scripts (src/model/unsafe-content.ts).
        const components = filesUnder(fileURLToPath(config.srcDir), '.astro');
        const hashes = components
          .flatMap((file) => inlineScriptsOfComponent(readFileSync(file, 'utf8')))
          .map((script) => cspHash(script) as `sha256-${string}`);
        updateConfig({
          security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES], scriptDirective: { resources: SCRIPT_RESOURCES, hashes } } },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Not the history pages the wiki writes from their templates, which are checked here (src/postbuild/history-pages.ts).
        const files = filesUnder(outDir, '.html', writtenHistoryFolder(outDir));
        const { policies, problems, search } = await checkSitePages(files, outDir, {
          file: context.cachePath('securityCheck'),
          code: context.cacheCode('securityCheck'),
        });
        if (problems.length > 0) throw new Error(`The security check of the built pages failed:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        const withPolicy = policies.filter((policy): policy is string => policy !== null);
        // `_headers` is written with the site's other site-wide files, from every part's policies (src/postbuild/site-parts.ts).
        for (const policy of withPolicy) context.part.policies.add(policy);
        // The pages the search indexes, noted as they were read: its indexing need not read the site again.
        context.part.searchPages = searchPagesOf(
          files.map((file) => relative(outDir, file).split(sep).join('/')),
          search,
        );
        context.part.steps.add('security-check');
        logger.info(`Content-Security-Policy on ${withPolicy.length} pages`);
      },
    },
  };
}
