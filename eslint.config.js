// ESLint: TypeScript (typescript-eslint) and Astro components (eslint-plugin-astro); formatting is Prettier's
// (.prettierrc.json). Run by `npm run check`, and so by CI.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.astro/',
      'tests/.output/',
      'bench/.work/',
      'test-results/',
      'playwright-report/',
      'vendor/',
      'tests/fixtures/',
      'tests/importer/dokuwiki/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // `_` marks what a callback is given but does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Types only where they are types: `import type`, checked by TypeScript's verbatimModuleSyntax too.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
      // Control characters are matched on purpose: URL schemes as browsers read them, terminal colours in logs.
      'no-control-regex': 'off',
    },
  },
  {
    // Declaration files describe modules by `import()` types: an ambient module cannot import a relative path.
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // `<script is:inline>` runs before the first paint, allowed by its hash in the Content-Security-Policy:
    // it is written once, small, for every browser, and left as it is (a change is a new hash on every page).
    files: ['src/components/ThemeInit.astro/*.ts'],
    rules: { 'no-var': 'off', 'no-empty': 'off' },
  },
  {
    // Code run by Node: the configuration files, the build, the command-line programs, tests and benchmarks.
    files: ['**/*.{js,mjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Browser scripts and the code they share with the build.
    files: ['src/client/**', 'src/shared/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
