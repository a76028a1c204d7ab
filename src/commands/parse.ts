import { parseNotice } from '../parse.js';
import { readInput, writeOutput, DEFAULT_MAX_BYTES } from '../io.js';
import { writerFor, FORMATS } from '../write/index.js';
import { UsageError, fail, summarize } from '../report.js';
import type { Format } from '../read/index.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

export type ParseFlags = { to: string; output?: string; encoding?: string; year?: string; from?: string; maxBytes?: string; bom?: boolean; quiet?: boolean };

const INPUT_FORMATS = ['text', 'markdown', 'html', 'docx'];

export function parseYear(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!(Number.isInteger(year) && year >= 1949 && year <= 2200)) throw new UsageError(`--year must be a year such as 2018 (got "${value}")`);
  return year;
}

export function parseMaxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  const n = Number(value);
  if (!(Number.isFinite(n) && n > 0)) throw new UsageError(`--max-bytes must be a positive number (got "${value}")`);
  return n;
}

export function parseFrom(value: string | undefined): Format | undefined {
  if (value === undefined) return undefined;
  if (!INPUT_FORMATS.includes(value)) throw new UsageError(`--from must be one of ${INPUT_FORMATS.join(', ')} (got "${value}")`);
  return value as Format;
}

export async function parseCommand(file: string, flags: ParseFlags): Promise<ExitCode> {
  const writer = await writerFor(flags.to);
  if (!writer) throw new UsageError(`--to must be one of ${FORMATS.join(', ')} (got "${flags.to}")`);
  const year = parseYear(flags.year);
  const maxBytes = parseMaxBytes(flags.maxBytes);
  const format = parseFrom(flags.from);
  const name = file === '-' ? '<stdin>' : file;
  try {
    const bytes = await readInput(file, maxBytes);
    const notice = await parseNotice(bytes, { path: file === '-' ? null : file, encoding: flags.encoding, year, format });
    await writeOutput(flags.output, await writer.write([notice], { bom: flags.bom }));
    if (!flags.quiet) summarize(name, notice);
    return EXIT.ok;
  } catch (e) {
    return fail(name, e);
  }
}
