import { createHash } from 'node:crypto';
import { decode } from './decode/decode.js';
import { readBlocks, formatFromPath, sniffFormat, type Format } from './read/index.js';
import type { Line } from './read/blocks.js';
import { detectLists } from './detect/index.js';
import { extractMeta } from './normalize/meta.js';
import { normalizeLists } from './normalize/task.js';
import { hasFirstIsLeadNote } from './normalize/units.js';
import { InputError } from './errors.js';
import { SCHEMA_VERSION, type Diagnostic, type Notice } from './model/schema.js';

export type ParseOptions = {
  /** Where the bytes came from, recorded in the output; null for stdin. */
  path?: string | null;
  format?: Format;
  encoding?: string;
  /** Work year to resolve deadlines against, when the notice's own is wrong or missing. */
  year?: number;
};

/** One notice's bytes to a typed Notice. Throws InputError for input that is not a notice at all. */
export async function parseNotice(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Notice> {
  const decoded = decode(bytes, opts.encoding);
  const format = opts.format ?? formatFromPath(opts.path) ?? sniffFormat(decoded.text);
  const blocks = readBlocks(decoded.text, format);
  const lines = blocks.filter((b): b is Line => b.kind === 'line' && !b.placeholder);
  if (blocks.length === 0) throw new InputError('empty', 'holds no text (only whitespace)');
  const raw = detectLists(blocks);
  const inList = (line: number) => raw.some((l) => line >= l.from && line <= l.to);
  const meta = extractMeta(lines, (line) => !inList(line));
  if (opts.year) meta.year = opts.year;
  const firstIsLead = hasFirstIsLeadNote(decoded.text);
  const { lists, diagnostics } = normalizeLists(raw, { year: meta.year, issuedOn: meta.issuedOn, firstIsLead });
  const notes: Diagnostic[] = [...decoded.diagnostics, ...diagnostics];
  if (lists.length === 0) {
    notes.unshift({ severity: 'info', code: 'no-task-list', message: 'no numbered task list found: this reads as a text without task assignments (a summary, news or regulation)', line: null });
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: opts.path ?? null,
      format,
      encoding: decoded.encoding,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    meta,
    lists,
    diagnostics: notes,
  };
}
