import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const MANIFEST_NAME = 'manifest.json';

export const EntryStatus = z.enum(['ok', 'no-tasks', 'failed', 'skipped']);

export const ManifestEntry = z.object({
  input: z.string().describe('input path relative to the common folder of the inputs, forward slashes'),
  status: EntryStatus.describe('skipped: unchanged since a previous --incremental run, whose outputs stand'),
  reason: z.string().optional().describe('why the input failed, one line'),
  sha256: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  tasks: z.number().int().nonnegative().optional(),
  outputs: z.array(z.string()).describe('output files relative to the output folder'),
  optionsHash: z.string().describe('hash of the options that shape outputs; --incremental reuses an entry only when it matches'),
  ms: z.number().nonnegative(),
});

export const Manifest = z.object({
  fengong: z.string().describe('version that wrote the manifest'),
  shard: z.string().nullable().describe('I/N when the run processed one shard; manifests of all shards concatenate'),
  options: z.record(z.string(), z.unknown()),
  optionsHash: z.string(),
  inputs: z.array(ManifestEntry),
});

export type EntryStatus = z.infer<typeof EntryStatus>;
export type ManifestEntry = z.infer<typeof ManifestEntry>;
export type Manifest = z.infer<typeof Manifest>;

/** Everything that changes what an input's outputs contain, including the version that wrote them. */
export type OutputOptions = { version: string; to: string[]; encoding: string | null; year: number | null; from: string | null; bom: boolean };

export function optionsHash(o: OutputOptions): string {
  const canonical = JSON.stringify([o.version, [...o.to].sort(), o.encoding, o.year, o.from, o.bom]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** The previous run's entries by input; a missing or unreadable manifest means nothing to reuse. */
export async function readManifest(path: string): Promise<Map<string, ManifestEntry>> {
  try {
    const parsed = Manifest.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return new Map(parsed.success ? parsed.data.inputs.map((e) => [e.input, e]) : []);
  } catch {
    return new Map();
  }
}

/**
 * Whether a previous entry still describes this input: same bytes, same options, a success,
 * and the same output names (the caller checks they still exist on disk).
 */
export function reusable(prev: ManifestEntry | undefined, sha256: string, hash: string, outputs: string[]): prev is ManifestEntry {
  return (
    prev !== undefined &&
    prev.status !== 'failed' &&
    prev.sha256 === sha256 &&
    prev.optionsHash === hash &&
    prev.outputs.length === outputs.length &&
    prev.outputs.every((o, i) => o === outputs[i])
  );
}

export type Tally = { total: number; ok: number; noTasks: number; failed: number; skipped: number; tasks: number };

export function tally(entries: ManifestEntry[]): Tally {
  const t: Tally = { total: entries.length, ok: 0, noTasks: 0, failed: 0, skipped: 0, tasks: 0 };
  for (const e of entries) {
    if (e.status === 'ok') t.ok++;
    else if (e.status === 'no-tasks') t.noTasks++;
    else if (e.status === 'failed') t.failed++;
    else t.skipped++;
    t.tasks += e.tasks ?? 0;
  }
  return t;
}

/** The plain end-of-run report: one count line, then one line per failed input. */
export function summaryLines(entries: ManifestEntry[], seconds: number): string[] {
  const t = tally(entries);
  const counts = [`${t.ok} ok`, `${t.noTasks} without tasks`, `${t.failed} failed`];
  if (t.skipped) counts.push(`${t.skipped} unchanged`);
  return [
    `converted ${t.total} file${t.total === 1 ? '' : 's'}: ${counts.join(', ')} (${seconds.toFixed(1)}s)`,
    ...entries.filter((e) => e.status === 'failed').map((e) => `  failed: ${e.input}: ${e.reason}`),
  ];
}
