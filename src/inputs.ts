import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';

/**
 * Files named by a command line: files as given, folders walked recursively for the given
 * extensions, glob patterns expanded. Arguments that match nothing come back in `missing`.
 */
export async function expandInputs(inputs: string[], extensions: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files = new Set<string>();
  const missing: string[] = [];
  // picomatch does not expand a brace list of one.
  const pattern = extensions.length === 1 ? `**/*.${extensions[0]}` : `**/*.{${extensions.join(',')}}`;
  for (const input of inputs) {
    const found = await expandOne(input, pattern);
    if (found.length === 0) missing.push(input);
    for (const f of found) files.add(f);
  }
  return { files: [...files].sort(), missing };
}

async function expandOne(input: string, pattern: string): Promise<string[]> {
  const s = await stat(input).catch(() => null);
  if (s?.isFile()) return [input];
  if (s?.isDirectory()) {
    const found = await glob(pattern, { cwd: input, dot: false, caseSensitiveMatch: false });
    return found.map((f) => `${input.replace(/\/+$/, '')}/${f}`);
  }
  return isDynamicPattern(input) ? glob(input, { dot: false }) : [];
}
