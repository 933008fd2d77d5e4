/**
 * The command line, run as `npm run import:dokuwiki` runs it: a data/pages folder with namespaces becomes
 * content/<namespace>/<page>.mdx, the report names pages, links, footnotes and unconverted constructs with
 * file and line, and existing articles are only overwritten with --force.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/import-dokuwiki.ts';

const script = fileURLToPath(new URL('../../cli/import-dokuwiki.ts', import.meta.url));

/** In-process, for speed; one test below runs the script as a real process. */
function run(cwd: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  let code: number;
  try {
    code = main(args, { cwd, out: (text) => (stdout += text), err: (text) => (stderr += text) });
  } catch (error) {
    stderr += error instanceof Error ? error.message : String(error);
    code = 1;
  }
  return { code, stdout, stderr };
}

function wiki(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dokuwiki-import-'));
  mkdirSync(join(dir, 'data/pages/wiki'), { recursive: true });
  writeFileSync(join(dir, 'data/pages/start.txt'), '====== Welcome ======\n\nSee [[wiki:syntax|the syntax]].((A note))\n');
  writeFileSync(join(dir, 'data/pages/wiki/syntax.txt'), '====== Syntax ======\n\n[[start]] and [[wp>Wiki]].\n\n<php>echo 1;</php>\n');
  return dir;
}

describe('cli/import-dokuwiki.ts', () => {
  it('imports a pages folder with its namespaces and prints the report', () => {
    const dir = wiki();
    const { code, stdout } = run(dir, 'data/pages', '--out', 'content');
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'content/start.mdx'), 'utf8')).toContain('[[wiki:syntax|the syntax]].[^note]');
    expect(readFileSync(join(dir, 'content/wiki/syntax.mdx'), 'utf8')).toContain('title: "Syntax"');
    expect(stdout).toContain('Pages: 2');
    expect(stdout).toContain('Links: 3 (2 internal, 0 external, 1 interwiki, 0 e-mail)');
    expect(stdout).toContain('Footnotes: 1 citations, 1 definitions');
    expect(stdout).toMatch(/data\/pages\/wiki\/syntax\.txt:5 {2}<php>/);
  });

  it('keeps the namespace of a single file inside a pages folder', () => {
    const dir = wiki();
    expect(run(dir, 'data/pages/wiki/syntax.txt').code).toBe(0);
    expect(readFileSync(join(dir, 'content/wiki/syntax.mdx'), 'utf8')).toContain('[[wiki:start|start]]');
  });

  it('does not overwrite a changed article without --force', () => {
    const dir = wiki();
    mkdirSync(join(dir, 'content'));
    writeFileSync(join(dir, 'content/start.mdx'), 'hand-edited\n');
    const refused = run(dir, 'data/pages');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('content/start.mdx');
    expect(readFileSync(join(dir, 'content/start.mdx'), 'utf8')).toBe('hand-edited\n');
    expect(run(dir, 'data/pages', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'content/start.mdx'), 'utf8')).toContain('title: "Welcome"');
  });

  it('explains its usage and fails on a missing input', () => {
    const dir = wiki();
    expect(run(dir, '--help').stdout).toContain('usage: npm run import:dokuwiki');
    const missing = run(dir, 'nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere: no such file or folder');
  });

  it('runs as a script under Node with type stripping', () => {
    const dir = wiki();
    const result = spawnSync(process.execPath, [script, 'data/pages', '--dry-run'], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Pages: 2');
  });
});
