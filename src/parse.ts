import { createHash } from 'node:crypto';
import { decode, type Decoded } from './decode/decode.js';
import { readBlocks, readDocxBlocks, chooseFormat, htmlCharset, blocksText, sniffFormat, type Format } from './read/index.js';
import type { Block, Line } from './read/blocks.js';
import { detectLists, coveredLines } from './detect/index.js';
import { extractMeta } from './normalize/meta.js';
import { normalizeLists } from './normalize/task.js';
import { hasFirstIsLeadNote, unitNotes } from './normalize/units.js';
import { InputError } from './errors.js';
import { SCHEMA_VERSION } from './model/version.js';
import type { Diagnostic, Notice } from './model/schema.js';

export type ParseOptions = {
  /** Where the bytes came from, recorded in the output; null for stdin. */
  path?: string | null;
  format?: Format;
  encoding?: string;
  /** Work year to resolve deadlines against, when the notice's own is wrong or missing. */
  year?: number;
};

/**
 * Bytes to blocks. A DOCX is read from its bytes (never decoded as text); anything else
 * is decoded first, an HTML page in the charset it declares.
 */
async function load(bytes: Uint8Array, opts: ParseOptions): Promise<{ decoded: Decoded; format: Format; blocks: Block[] }> {
  const named = chooseFormat(bytes, opts.path, opts.format);
  if (named === 'docx') {
    const blocks = await readDocxBlocks(bytes);
    return { decoded: { text: blocksText(blocks), encoding: 'utf-8', diagnostics: [] }, format: 'docx', blocks };
  }
  const decoded = decode(bytes, opts.encoding ?? htmlCharset(bytes, named));
  const format = named ?? sniffFormat(decoded.text);
  return { decoded, format, blocks: await readBlocks(decoded.text, format) };
}

/**
 * The lines metadata is read from. A page's field table ("标 题: | …的通知 |") is a table
 * block by now, so each table row is offered as one line too.
 */
function metaLines(blocks: Block[]): Line[] {
  // A loop, not flatMap: a one-element array per line was a visible share of the parse.
  const out: Line[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') for (const r of b.rows) out.push({ kind: 'line', text: fieldRow(r.map((c) => c.text.trim())), line: r[0]?.line ?? b.line });
    else if (!b.placeholder) out.push(b);
  }
  return out;
}

/**
 * A table row as one line of text. A cell merged across columns is printed once, and a
 * row of bare labels and values ("标  题" | "…的通知", "文号" | X | "发布日期" | Y) reads as
 * "标  题:…", so the page's fields are found as on a scraped text page.
 */
function fieldRow(cells: string[]): string {
  const texts = cells.filter((t, i) => t !== '' && t !== cells[i - 1]);
  const labelled = texts.length % 2 === 0 && texts.every((t, i) => i % 2 === 1 || /^[\u4e00-\u9fa5\s]{2,10}$/.test(t));
  return labelled ? texts.map((t, i) => (i % 2 === 0 ? `${t}:` : `${t}  `)).join('').trim() : texts.join(' ');
}

// 政策解读, 政策问答, 答记者问: a page that explains a notice quotes its tasks as examples.
const EXPLAINS = /(?:解读|问答|答记者问|图解)$/;

/** A policy explanation hands out no tasks, whatever it quotes from the notice it explains. */
function explainsPolicy(title: string | null): boolean {
  return title !== null && EXPLAINS.test(title.trim());
}

/** One notice's bytes to a typed Notice. Throws InputError for input that is not a notice at all. */
export async function parseNotice(bytes: Uint8Array, opts: ParseOptions = {}): Promise<Notice> {
  const { decoded, format, blocks } = await load(bytes, opts);
  if (blocks.length === 0) throw new InputError('empty', 'holds no text (only whitespace)');
  const found = detectLists(blocks);
  const inList = coveredLines(found);
  const meta = extractMeta(metaLines(blocks), (line) => !inList.has(line));
  const raw = explainsPolicy(meta.title) ? [] : found;
  if (opts.year) meta.year = opts.year;
  const text = format === 'text' ? decoded.text : blocksText(blocks);
  const { lists, diagnostics } = normalizeLists(raw, { year: meta.year, issuedOn: meta.issuedOn, firstIsLead: hasFirstIsLeadNote(text), ...unitNotes(text) });
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
