import { stat } from 'node:fs/promises';
import { dirname, relative, resolve, sep, isAbsolute } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../report.js';

/** Extensions a folder walk picks up: what `parse` reads, plus .doc so it is reported rather than silently missed. */
export const INPUT_EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'docx', 'doc'];

export type InputFile = {
  /** Absolute path. */
  path: string;
  /** Path below the common base of all inputs, with forward slashes: the key in the manifest and the shard hash. */
  rel: string;
};

const toPosix = (p: string) => p.split(sep).join('/');

/** Folder a glob cannot match above: its segments before the first one with a wildcard. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const s of segments.slice(0, -1)) {
    if (isDynamicPattern(s)) break;
    fixed.push(s);
  }
  return fixed.length === 0 ? '.' : fixed.join('/') || '/';
}

/** Deepest folder holding all the given absolute folders. */
export function commonBase(dirs: string[]): string {
  const split = dirs.map((d) => d.split(sep));
  const first = split[0];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n).join(sep) || sep;
}

function inside(dir: string, path: string): boolean {
  const r = relative(dir, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/**
 * Files, folders (walked recursively for notice extensions) and globs to a sorted, de-duplicated
 * list, each file keyed by its path below the deepest folder common to all the arguments, so the
 * output tree mirrors the input tree. A walk or glob skips `exclude` (the output folder) when it
 * lies inside what is walked, so converting a folder into a subfolder of itself does not pick up
 * its own outputs on the next run.
 */
export async function collectInputs(args: string[], opts: { cwd?: string; exclude?: string; extensions?: string[] } = {}): Promise<{ base: string; files: InputFile[] }> {
  const cwd = opts.cwd ?? process.cwd();
  const exclude = opts.exclude ? resolve(cwd, opts.exclude) : null;
  const roots: string[] = [];
  const found = new Set<string>();
  const add = (root: string, matches: string[]) => {
    const skip = exclude !== null && exclude !== root && inside(root, exclude);
    for (const f of matches.map((m) => resolve(m))) if (!(skip && inside(exclude, f))) found.add(f);
  };
  const extensions = opts.extensions ?? INPUT_EXTENSIONS;
  // picomatch does not expand a brace list of one.
  const pattern = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const s = await stat(abs).catch(() => null);
    if (s?.isDirectory()) {
      roots.push(abs);
      add(abs, await glob(pattern, { cwd: abs, absolute: true, caseSensitiveMatch: false }));
    } else if (s) {
      roots.push(dirname(abs));
      found.add(abs);
    } else if (isDynamicPattern(arg)) {
      const root = resolve(cwd, globBase(arg));
      roots.push(root);
      add(root, await glob(arg, { cwd, absolute: true }));
    } else {
      throw new UsageError(`${arg}: no such file or folder`);
    }
  }
  const base = roots.length ? commonBase(roots) : cwd;
  const files = [...found]
    .map((path) => ({ path, rel: toPosix(relative(base, path)) }))
    .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { base, files };
}

/**
 * Output name stem for each input: its relative path without the extension, except where two
 * inputs would then share outputs (a.txt and a.html), which keep their full names (a.txt.json).
 */
export function outputStems(rels: string[]): Map<string, string> {
  const strip = (rel: string) => rel.replace(/\.[^./]*$/, '');
  const count = new Map<string, number>();
  for (const rel of rels) count.set(strip(rel), (count.get(strip(rel)) ?? 0) + 1);
  return new Map(rels.map((rel) => [rel, count.get(strip(rel))! > 1 ? rel : strip(rel)]));
}
