/** Finding the browser for the browser tests: CHROMIUM_PATH, Debian's place, PATH; else install (root) or stop with the command. */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath, INSTALL_COMMAND, MissingChromium, type ChromiumSearch } from '../helpers/chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'chromium-'));
const program = join(dir, 'chromium');
writeFileSync(program, '#!/bin/sh\n');
chmodSync(program, 0o755);

const search = (over: Partial<ChromiumSearch>): ChromiumSearch => ({
  env: { PATH: '' },
  places: [join(dir, 'none')],
  names: ['chromium'],
  canInstall: false,
  install: () => false,
  ...over,
});

describe('chromiumPath', () => {
  it('takes CHROMIUM_PATH first, then a fixed place, then PATH', () => {
    expect(chromiumPath(search({ env: { CHROMIUM_PATH: program, PATH: '' } }))).toBe(program);
    expect(chromiumPath(search({ places: [program] }))).toBe(program);
    expect(chromiumPath(search({ env: { PATH: dir } }))).toBe(program);
  });

  it('stops at once with the one command to run when there is none and it may not install', () => {
    expect(() => chromiumPath(search({}))).toThrow(MissingChromium);
    expect(() => chromiumPath(search({}))).toThrow(INSTALL_COMMAND);
  });

  it('installs Debian’s package when it may, then uses it', () => {
    let installed = false;
    const places = [join(dir, 'later')];
    const path = chromiumPath(
      search({
        places,
        canInstall: true,
        install: () => {
          writeFileSync(places[0] ?? '', '#!/bin/sh\n');
          chmodSync(places[0] ?? '', 0o755);
          installed = true;
          return true;
        },
      }),
    );
    expect(installed).toBe(true);
    expect(path).toBe(places[0]);
  });

  it('names a CHROMIUM_PATH that is not a program', () => {
    expect(() => chromiumPath(search({ env: { CHROMIUM_PATH: join(dir, 'missing') } }))).toThrow(/CHROMIUM_PATH is .*missing, which is not a program/);
  });
});
