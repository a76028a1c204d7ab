import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseShard, inShard } from '../src/batch/shard.js';
import { collectInputs, commonBase, globBase, outputStems } from '../src/batch/walk.js';
import { Manifest, optionsHash, reusable, summaryLines, type ManifestEntry, type OutputOptions } from '../src/batch/manifest.js';
import { progressLine } from '../src/batch/progress.js';
import { forEachLimited, chunked } from '../src/batch/pool.js';
import { UsageError } from '../src/report.js';

const root = new URL('../', import.meta.url).pathname;
const seedsDir = join(root, 'fixtures/seeds');
const bin = join(root, 'bin/fengong.js');

/**
 * dist/ is what bin/fengong.js and the worker threads run. `npm test` builds it first;
 * building here instead would race the other test files that run the CLI meanwhile.
 */
function ensureBuilt(): void {
  const stale = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const src = join(dir, e.name);
      if (e.isDirectory()) return stale(src);
      if (!e.name.endsWith('.ts')) return false;
      const out = join(root, 'dist', relative(join(root, 'src'), src)).replace(/\.ts$/, '.js');
      return !existsSync(out) || statSync(out).mtimeMs < statSync(src).mtimeMs;
    });
  if (stale(join(root, 'src'))) throw new Error('dist/ is older than src/: run `npm run build` (npm test does it for you)');
}

function fengong(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const readManifest = (dir: string) => Manifest.parse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));

/** The seeds, one in a subfolder, plus the broken files a real download folder holds. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengong-in-'));
  mkdirSync(join(dir, 'sub'));
  for (const f of readdirSync(seedsDir)) cpSync(join(seedsDir, f), join(dir, f.startsWith('003') ? 'sub' : '', f));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'sub', 'truncated.txt'), readFileSync(join(seedsDir, '002_daf8c5972cb24576.txt')).subarray(0, 30001));
  const s001 = readFileSync(join(seedsDir, '001_18287eb594d4747f.txt'), 'utf8');
  writeFileSync(join(dir, 'formula.txt'), s001.replace('1.坚持以公开为常态', '1.=1+1坚持以公开为常态'));
  writeFileSync(join(dir, 'notes.json'), '{}');
  return dir;
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('shard', () => {
  it('parses I/N and rejects nonsense as a usage error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(undefined)).toBeNull();
    for (const bad of ['0/2', '3/2', '1/0', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('splits any set of paths into N disjoint slices that cover it, by name not position', () => {
    const paths = Array.from({ length: 500 }, (_, i) => `d${i % 7}/notice-${i}.txt`);
    for (const count of [1, 2, 3, 8]) {
      const owners = paths.map((p) => Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(p, { index, count })));
      expect(owners.every((o) => o.length === 1)).toBe(true);
    }
    const first = paths.filter((p) => inShard(p, { index: 1, count: 2 }));
    expect(first.length).toBeGreaterThan(200);
    expect([...paths].reverse().filter((p) => inShard(p, { index: 1, count: 2 })).reverse()).toEqual(first);
  });
});

describe('walk', () => {
  it('finds the static folder of a glob and the common folder of several', () => {
    expect(globBase('in/**/*.txt')).toBe('in');
    expect(globBase('a/b/*.md')).toBe('a/b');
    expect(globBase('*.txt')).toBe('.');
    expect(globBase('/data/x*/a.txt')).toBe('/data');
    expect(commonBase(['/a/b/c', '/a/b/d', '/a/b'])).toBe('/a/b');
    expect(commonBase(['/a', '/b'])).toBe('/');
  });

  it('keeps full names only where stems would clash', () => {
    expect(outputStems(['a.txt', 'a.html', 'b.md', 'sub/a.txt'])).toEqual(
      new Map([['a.txt', 'a.txt'], ['a.html', 'a.html'], ['b.md', 'b'], ['sub/a.txt', 'sub/a']]),
    );
  });

  it('walks folders for notice extensions, takes named files as they are, skips the output folder inside', async () => {
    const dir = corpus();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'old.md'), '# output');
    const { files } = await collectInputs([dir], { exclude: join(dir, 'out') });
    expect(files.map((f) => f.rel)).toEqual([
      '000_01622556c790d653.txt', '001_18287eb594d4747f.txt', '002_daf8c5972cb24576.txt', '004_f52bad858648e459.txt',
      'binary.txt', 'empty.txt', 'formula.txt', 'sub/003_a4af0b0c03741768.txt', 'sub/truncated.txt',
    ]);
    const named = await collectInputs([join(dir, 'notes.json'), join(dir, 'sub', 'truncated.txt')]);
    expect(named.files.map((f) => f.rel)).toEqual(['notes.json', 'sub/truncated.txt']);
    const globbed = await collectInputs(['sub/*.txt'], { cwd: dir });
    expect(globbed.files.map((f) => f.rel)).toEqual(['003_a4af0b0c03741768.txt', 'truncated.txt']);
    await expect(collectInputs([join(dir, 'missing.txt')])).rejects.toThrow(UsageError);
  });
});

describe('manifest', () => {
  const opts: OutputOptions = { version: '1', to: ['json', 'csv'], encoding: null, year: null, from: null, bom: false };
  const entry: ManifestEntry = { input: 'a.txt', status: 'ok', sha256: 'x', bytes: 1, tasks: 3, outputs: ['a.json', 'a.csv'], optionsHash: optionsHash(opts), ms: 5 };

  it('hashes the options that shape outputs, not their order', () => {
    expect(optionsHash({ ...opts, to: ['csv', 'json'] })).toBe(optionsHash(opts));
    expect(optionsHash({ ...opts, bom: true })).not.toBe(optionsHash(opts));
    expect(optionsHash({ ...opts, version: '2' })).not.toBe(optionsHash(opts));
  });

  it('reuses an entry only for the same bytes, options and outputs, and never a failure', () => {
    const h = optionsHash(opts);
    expect(reusable(entry, 'x', h, ['a.json', 'a.csv'])).toBe(true);
    expect(reusable({ ...entry, status: 'skipped' }, 'x', h, ['a.json', 'a.csv'])).toBe(true);
    expect(reusable(entry, 'y', h, ['a.json', 'a.csv'])).toBe(false);
    expect(reusable(entry, 'x', 'other', ['a.json', 'a.csv'])).toBe(false);
    expect(reusable(entry, 'x', h, ['a.json'])).toBe(false);
    expect(reusable({ ...entry, status: 'failed' }, 'x', h, ['a.json', 'a.csv'])).toBe(false);
    expect(reusable(undefined, 'x', h, [])).toBe(false);
  });

  it('summarizes in one line plus one per failure', () => {
    const lines = summaryLines([entry, { ...entry, input: 'b.txt', status: 'no-tasks', tasks: 0 }, { input: 'c.txt', status: 'failed', reason: 'empty file', outputs: [], optionsHash: 'h', ms: 1 }], 1.25);
    expect(lines).toEqual(['converted 3 files: 1 ok, 1 without tasks, 1 failed (1.3s)', '  failed: c.txt: empty file']);
  });
});

describe('helpers', () => {
  it('progress line shows files, tasks, failures and rate', () => {
    const line = progressLine({ done: 5, total: 10, tasks: 42, failed: 1, elapsedMs: 2000 }).replace(/\x1b\[[0-9;]*m/g, '');
    expect(line).toContain('5/10 files');
    expect(line).toContain('42 tasks');
    expect(line).toContain('1 failed');
    expect(line).toContain('2.5 files/s');
  });

  it('forEachLimited never has more than the limit in flight and visits every item', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      seen.push(n);
      inFlight--;
    });
    expect(peak).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([
    [0, 2, 0, 1],
    [3, 2, 3, 1],
    [100, 2, 17, 6],
    [20_000, 2, 625, 32],
    [20_000, 8, 625, 32],
  ])('chunks %i files for %i workers into %i slices of at most %i, in order', (n, workers, count, size) => {
    const items = Array.from({ length: n }, (_, i) => i);
    const chunks = chunked(items, workers);
    expect(chunks).toHaveLength(count);
    expect(Math.max(0, ...chunks.map((c) => c.length))).toBe(count ? size : 0);
    expect(chunks.flat()).toEqual(items);
  });
});

describe('fengong convert (built CLI)', () => {
  beforeAll(ensureBuilt, 120_000);

  it('converts the good notices, lists every input in the manifest and exits 1 naming the failures', () => {
    const input = corpus();
    const out = tmp('fengong-out-');
    const merged = `${out}-all.csv`;
    const r = fengong('convert', input, '-o', out, '--to', 'json,csv,md', '--bom', '--merge', merged, '--jobs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^converted 9 files: 6 ok, 1 without tasks, 2 failed \(\d+\.\ds\)$/m);
    expect(r.stderr).toContain('  failed: empty.txt: empty file');
    expect(r.stderr).toMatch(/  failed: binary\.txt: binary file/);
    expect(r.stderr).not.toContain('\r');

    const m = readManifest(out);
    expect(m.inputs.map((e) => [e.input, e.status])).toEqual([
      ['000_01622556c790d653.txt', 'ok'], ['001_18287eb594d4747f.txt', 'ok'], ['002_daf8c5972cb24576.txt', 'ok'], ['004_f52bad858648e459.txt', 'ok'],
      ['binary.txt', 'failed'], ['empty.txt', 'failed'], ['formula.txt', 'ok'], ['sub/003_a4af0b0c03741768.txt', 'no-tasks'], ['sub/truncated.txt', 'ok'],
    ]);
    for (const e of m.inputs) {
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (const o of e.outputs) expect(existsSync(join(out, o))).toBe(true);
      if (e.status === 'failed') expect(e.reason).toBeTruthy();
      else expect(e.outputs).toHaveLength(3);
    }
    const none = JSON.parse(readFileSync(join(out, 'sub/003_a4af0b0c03741768.json'), 'utf8'));
    expect(none.lists).toEqual([]);
    expect(readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);

    const formula = parseCsv(readFileSync(join(out, 'formula.csv')), { bom: true, columns: true }) as Record<string, string>[];
    expect(formula[0].text.startsWith("'=1+1")).toBe(true);
    const all = parseCsv(readFileSync(merged), { bom: true, columns: true }) as Record<string, string>[];
    expect(all).toHaveLength(m.inputs.reduce((n, e) => n + (e.tasks ?? 0), 0));
  });

  it('--incremental skips unchanged inputs and redoes changed ones', () => {
    const input = corpus();
    const out = tmp('fengong-out-');
    expect(fengong('convert', input, '-o', out, '-q').code).toBe(1);
    writeFileSync(join(input, 'formula.txt'), readFileSync(join(seedsDir, '000_01622556c790d653.txt')));
    const r = fengong('convert', input, '-o', out, '--incremental');
    expect(r.stderr).toMatch(/converted 9 files: 1 ok, 0 without tasks, 2 failed, 6 unchanged/);
    const byInput = new Map(readManifest(out).inputs.map((e) => [e.input, e]));
    expect(byInput.get('formula.txt')).toMatchObject({ status: 'ok', tasks: 51 });
    expect(byInput.get('002_daf8c5972cb24576.txt')).toMatchObject({ status: 'skipped', tasks: 99 });
    expect(byInput.get('empty.txt')?.status).toBe('failed');
    const other = fengong('convert', input, '-o', out, '--incremental', '--to', 'yaml');
    expect(other.stderr).toMatch(/converted 9 files: 6 ok, 1 without tasks, 2 failed \(/);
  });

  it('--shard 1/2 and 2/2 together cover every input exactly once, and their manifests concatenate', () => {
    const input = corpus();
    const outs = [tmp('fengong-s1-'), tmp('fengong-s2-')];
    fengong('convert', input, '-o', outs[0], '--shard', '1/2', '-q');
    fengong('convert', input, '-o', outs[1], '--shard', '2/2', '-q');
    const [a, b] = outs.map(readManifest);
    expect(a.shard).toBe('1/2');
    const inputs = [...a.inputs, ...b.inputs].map((e) => e.input).sort();
    expect(inputs).toHaveLength(9);
    expect(new Set(inputs).size).toBe(9);
    expect(a.inputs.length).toBeGreaterThan(0);
    expect(b.inputs.length).toBeGreaterThan(0);
  });

  it('answers a bad command line with exit 2', () => {
    const input = corpus();
    const out = tmp('fengong-out-');
    for (const args of [['--shard', '3/2'], ['--to', 'json,xml'], ['--jobs', '0'], ['--timeout', 'x'], ['--merge', 'all.txt']]) {
      expect(fengong('convert', input, '-o', out, ...args).code).toBe(2);
    }
    expect(fengong('convert', join(input, 'nothing-*.txt'), '-o', out).code).toBe(2);
    expect(fengong('convert', input, '-o', input).code).toBe(2);
  });

  it('parse --to reaches every writer', () => {
    const seed = join(seedsDir, '002_daf8c5972cb24576.txt');
    expect(fengong('parse', seed, '--to', 'md').stdout).toContain('| # | Section | Task |');
    expect(fengong('parse', seed, '--to', 'csv', '--bom').stdout.startsWith('\ufefffile,list_title,')).toBe(true);
    expect(fengong('parse', seed, '--to', 'ndjson').stdout.trimEnd().split('\n')).toHaveLength(99);
    expect(fengong('parse', seed, '--to', 'ics').stdout).toContain('BEGIN:VTODO');
  });
});

describe('convertCommand (built, in process)', () => {
  beforeAll(ensureBuilt, 120_000);

  const sink = (isTTY: boolean) => {
    let text = '';
    return { isTTY, write: (s: string) => ((text += s), true), get text() { return text; } };
  };

  it('terminates a worker stuck on one file, fails that file with the reason, and finishes the rest', async () => {
    const { convertCommand } = await import(join(root, 'dist/commands/convert.js'));
    const input = tmp('fengong-hang-');
    cpSync(join(seedsDir, '000_01622556c790d653.txt'), join(input, 'a.txt'));
    cpSync(join(seedsDir, '001_18287eb594d4747f.txt'), join(input, 'hang.txt'));
    cpSync(join(seedsDir, '002_daf8c5972cb24576.txt'), join(input, 'z.txt'));
    const workerFile = `${input}-worker.mjs`;
    writeFileSync(workerFile, `import { convertFile } from ${JSON.stringify(join(root, 'dist/batch/worker.js'))};\nexport default async (job) => { if (job.rel === 'hang.txt') for (;;); return convertFile(job); };\n`);
    const out = tmp('fengong-out-');
    const stderr = sink(true);
    const t0 = Date.now();
    const code = await convertCommand([input], { output: out, to: 'json', timeout: '1.5', jobs: '1' }, { workerFile, stderr });
    expect(code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(15_000);
    const m = readManifest(out);
    expect(m.inputs.map((e) => e.status)).toEqual(['ok', 'failed', 'ok']);
    expect(m.inputs[1].reason).toBe('took longer than the limit of 1.5s (raise it with --timeout)');
    expect(stderr.text).toContain('files/s');
    expect(stderr.text).toContain('  failed: hang.txt: took longer than the limit of 1.5s');
  }, 30_000);

  // Three files in one chunk, so the worker that is stopped holds finished and unstarted files too.
  it.each([
    ['loops for ever', 'for (;;);', 'took longer than the limit of 1.5s (raise it with --timeout)'],
    ['crashes its thread', '{ setImmediate(() => { throw new Error("boom"); }); await new Promise(() => {}); }', 'internal error: the worker stopped on this file: boom'],
  ])('a chunk whose middle file %s fails that file alone', async (_, misbehave, why) => {
    const { createPool } = await import(join(root, 'dist/batch/pool.js'));
    const input = tmp('fengong-chunk-');
    const out = tmp('fengong-out-');
    const names = ['a', 'bad', 'z'];
    for (const [i, n] of names.entries()) cpSync(join(seedsDir, readdirSync(seedsDir).sort()[i]), join(input, `${n}.txt`));
    const workerFile = `${input}-worker.mjs`;
    writeFileSync(workerFile, `import { convertFile } from ${JSON.stringify(join(root, 'dist/batch/worker.js'))};\nexport default async (job) => { if (job.rel === 'bad.txt') ${misbehave} return convertFile(job); };\n`);
    const pool = createPool({ jobs: 1, timeoutSeconds: 1.5, workerFile });
    const jobs = names.map((n) => ({ rel: `${n}.txt`, path: join(input, `${n}.txt`), maxBytes: 1e7, outDir: out, outputs: [`${n}.json`], formats: ['json'] }));
    try {
      const results = await pool.run(jobs);
      expect(results.map((r: { status: string }) => r.status)).toEqual(['ok', 'failed', 'ok']);
      expect(results[1].reason).toMatch(why);
      expect(results[0].sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(readdirSync(out).sort()).toEqual(['a.json', 'z.json']);
    } finally {
      await pool.destroy();
    }
  }, 30_000);

  it('fails a file over --max-bytes without reading it and goes on', async () => {
    const { convertCommand } = await import(join(root, 'dist/commands/convert.js'));
    const input = tmp('fengong-big-');
    cpSync(join(seedsDir, '002_daf8c5972cb24576.txt'), join(input, 'big.txt'));
    cpSync(join(seedsDir, '001_18287eb594d4747f.txt'), join(input, 'small.txt'));
    const out = tmp('fengong-out-');
    const stderr = sink(false);
    expect(await convertCommand([input], { output: out, to: 'ndjson', maxBytes: '50000' }, { stderr })).toBe(1);
    const [big, small] = readManifest(out).inputs;
    expect(big).toMatchObject({ input: 'big.txt', status: 'failed' });
    expect(big.reason).toMatch(/over the limit of 50000/);
    expect(small).toMatchObject({ input: 'small.txt', status: 'ok', outputs: ['small.ndjson'] });
  }, 30_000);
});
