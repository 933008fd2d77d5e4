/**
 * Content-Security-Policy: wiring only (the policy is src/lib/csp.ts). Turns on
 * Astro's `security.csp` with our directives and the hashes of our own inline
 * scripts; after the build, checks every page (a policy, no inline script it
 * would block, no inline event handler) and writes `_headers`.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { CSP_DIRECTIVES, SCRIPT_RESOURCES, cspHash, headersFile, inlineScriptsOfComponent, pagePolicy, pageSecurityProblems, parsePage, sitePolicy } from '../lib/csp.ts';

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extension);
    return name.endsWith(extension) ? [full] : [];
  });
}

export function csp(): AstroIntegration {
  return {
    name: 'wiki:csp',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        // Our `<script is:inline>` snippets (e.g. ThemeInit.astro), allowed by hash; articles cannot add scripts (src/lib/unsafe-content.ts).
        const components = filesUnder(fileURLToPath(new URL('src/', config.root)), '.astro');
        const hashes = components.flatMap((file) => inlineScriptsOfComponent(readFileSync(file, 'utf8'))).map((script) => cspHash(script) as `sha256-${string}`);
        updateConfig({ security: { csp: { algorithm: 'SHA-256', directives: [...CSP_DIRECTIVES], scriptDirective: { resources: SCRIPT_RESOURCES, hashes } } } });
      },
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const policies: string[] = [];
        const problems: string[] = [];
        for (const file of filesUnder(outDir, '.html')) {
          // One parse per page serves both checks (parsing every page is a real share of a large build).
          const page = parsePage(readFileSync(file, 'utf8'));
          const policy = pagePolicy(page);
          if (policy) policies.push(policy);
          for (const problem of pageSecurityProblems(page)) problems.push(`${relative(outDir, file)}: ${problem}`);
        }
        if (problems.length > 0) throw new Error(`The site's Content-Security-Policy would break pages:\n${problems.map((p) => `  ${p}`).join('\n')}`);
        writeFileSync(join(outDir, '_headers'), headersFile(sitePolicy(policies)));
        logger.info(`Content-Security-Policy on ${policies.length} pages, and in _headers`);
      },
    },
  };
}
