import type { Block } from './blocks.js';
import { readText } from './text.js';
import { InputError } from '../errors.js';
import { SIGNATURE, startsWith, strictUtf8 } from '../decode/decode.js';
import type { Source } from '../model/schema.js';

export type Format = Source['format'];
/** Formats that are text, decoded before they are read. */
export type TextFormat = Exclude<Format, 'docx'>;

const BY_EXTENSION: Record<string, Format> = {
  txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', html: 'html', htm: 'html', xhtml: 'html', shtml: 'html', docx: 'docx',
};

const extension = (path: string | null | undefined) => (path ? /\.([a-z0-9]+)$/i.exec(path)?.[1].toLowerCase() ?? null : null);

/** Format from a file name; null when the extension says nothing. */
export function formatFromPath(path: string | null | undefined): Format | null {
  const ext = extension(path);
  return ext ? BY_EXTENSION[ext] ?? null : null;
}

// A notice's preamble can run to a few thousand characters before its first table.
const SNIFF_CHARS = 16384;
// The line under a pipe table's header: | --- | :-: |, with at least one inner pipe.
const GFM_DELIMITER_ROW = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/m;

/** Format from the content itself, for stdin and unknown extensions. */
export function sniffFormat(text: string): TextFormat {
  const head = text.slice(0, SNIFF_CHARS);
  if (/<(!doctype html|html|body|table|div|p)[\s>]/i.test(head)) return 'html';
  if (GFM_DELIMITER_ROW.test(head) || /^#{1,6}\s/m.test(head)) return 'markdown';
  return 'text';
}


/**
 * The format --from or the file name gives, checked against the bytes: a ZIP is a DOCX
 * whatever a .doc name says, and a legacy Word file (.doc by name, or OLE/RTF bytes where
 * nothing else was asked for) gets a clear error instead of a decoding failure. Null:
 * nothing says, so the decoded text is sniffed.
 */
export function chooseFormat(bytes: Uint8Array, path: string | null | undefined, from: Format | undefined): Format | null {
  const named = from ?? formatFromPath(path);
  const ext = from ? null : extension(path);
  if (startsWith(bytes, SIGNATURE.zip) && (named === null || named === 'docx')) return 'docx';
  const word = startsWith(bytes, SIGNATURE.ole) || startsWith(bytes, SIGNATURE.rtf);
  if (ext === 'doc' || (word && (named === 'docx' || (named === null && ext === null)))) {
    throw new InputError('doc-format', 'is a legacy .doc file: convert it to .docx (e.g. libreoffice --headless --convert-to docx) and try again');
  }
  if (named === 'docx') throw new InputError('not-docx', 'is not a DOCX file (a DOCX is a ZIP archive and these bytes are not one)');
  return named;
}

// Legacy Chinese charsets by their declared names; GB2312 and GBK are subsets of GB18030.
const CHARSETS: Record<string, string> = {
  gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb_2312: 'gb18030', 'gb_2312-80': 'gb18030', csgb2312: 'gb18030',
  chinese: 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030', 'euc-cn': 'gb18030', gb18030: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5', 'cn-big5': 'big5', csbig5: 'big5',
};

const hasBom = (b: Uint8Array) => startsWith(b, [0xef, 0xbb, 0xbf]) || startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff]);

/**
 * The legacy Chinese charset an HTML page declares (<meta charset=gb2312>, or charset= in a
 * http-equiv Content-Type), to decode with before any guessing. A BOM outranks it; so do
 * bytes that are valid UTF-8, which is what a crawler that re-saved the page without
 * fixing its <meta> leaves behind. UTF-8 and Western declarations are left to the decoder.
 */
export function htmlCharset(bytes: Uint8Array, named: Format | null): string | undefined {
  if (hasBom(bytes)) return undefined;
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  if (named !== 'html' && !(named === null && sniffFormat(head) === 'html')) return undefined;
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const charset = m ? CHARSETS[m[1].toLowerCase()] : undefined;
  return charset && strictUtf8(bytes) === null ? charset : undefined;
}

// Any tag but <br>, which the Markdown reader reads itself as a line break in a cell.
const HTML_TAG = /<\/?(?!br\b)[a-z][a-z0-9]*[\s/>]/i;

/** Text and formats other than DOCX to blocks; the HTML and Markdown readers load only when needed. */
export async function readBlocks(text: string, format: TextFormat): Promise<Block[]> {
  switch (format) {
    case 'html':
      return (await import('./html.js')).readHtml(text);
    case 'markdown': {
      const { readMarkdown } = await import('./markdown.js');
      return readMarkdown(text, HTML_TAG.test(text) ? (await import('./html.js')).readHtml : undefined);
    }
    default:
      return readText(text);
  }
}

export async function readDocxBlocks(bytes: Uint8Array): Promise<Block[]> {
  return (await import('./docx.js')).readDocx(bytes);
}

/** The blocks' text, one line per line or cell, for checks that read the notice as a whole. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'line' ? b.text : b.rows.map((r) => r.map((c) => c.text).join('\n')).join('\n'))).join('\n');
}
