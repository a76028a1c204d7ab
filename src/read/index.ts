import type { Block } from './blocks.js';
import { readText } from './text.js';
import type { Source } from '../model/schema.js';

export type Format = Source['format'];

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', xhtml: 'html', shtml: 'html', docx: 'docx',
};

/** Format from a file name; null when the extension says nothing. */
export function formatFromPath(path: string | null | undefined): Format | null {
  const m = path && /\.([a-z0-9]+)$/i.exec(path);
  return m ? BY_EXTENSION[m[1].toLowerCase()] ?? null : null;
}

/** Format from the content itself, for stdin and unknown extensions. */
export function sniffFormat(text: string): Format {
  const head = text.slice(0, 4096);
  if (/<(!doctype html|html|body|table|div|p)[\s>]/i.test(head)) return 'html';
  if (/^\s*\|.*\|\s*$/m.test(head) && /^\s*\|?\s*:?-{3,}/m.test(head)) return 'markdown';
  if (/^#{1,6}\s/m.test(head)) return 'markdown';
  return 'text';
}

export function readBlocks(text: string, format: Format): Block[] {
  switch (format) {
    default:
      return readText(text);
  }
}
