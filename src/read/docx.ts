import mammoth from 'mammoth';
import { InputError } from '../errors.js';
import type { Block } from './blocks.js';
import { readHtml } from './html.js';

/** A DOCX that takes longer than this to convert is given up on (a zip bomb, a pathological file). */
export const DOCX_TIME_LIMIT_MS = 30_000;

// Images carry no task text; mammoth would otherwise inline each one as base64.
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

function withTimeLimit<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError('timeout', `DOCX conversion took longer than ${ms / 1000} s; giving up`)), ms);
    timer.unref();
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function inputError(e: unknown): InputError {
  if (e instanceof InputError) return e;
  const message = (e as Error)?.message ?? String(e);
  if (/main document part/i.test(message)) return new InputError('not-docx', 'is a ZIP archive but not a DOCX document (it has no word/document.xml)');
  if (/zip|central directory|end of data/i.test(message)) return new InputError('bad-docx', `is a damaged DOCX file (${message})`);
  return new InputError('bad-docx', `cannot read this DOCX file: ${message}`);
}

/**
 * A DOCX through mammoth's HTML (which keeps tables with their merged cells as
 * rowspan/colspan, and Word numbering as ordered lists) and the HTML reader. A DOCX has no
 * source lines, so blocks are numbered in reading order: paragraph and table-row numbers.
 */
export async function readDocx(bytes: Uint8Array, timeLimitMs = DOCX_TIME_LIMIT_MS): Promise<Block[]> {
  try {
    const { value } = await withTimeLimit(mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: NO_IMAGES }), timeLimitMs);
    return readHtml(value, { ordinal: true });
  } catch (e) {
    throw inputError(e);
  }
}
