import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';
import type { analyse as Analyse } from 'chardet';
import { InputError } from '../errors.js';
import type { Diagnostic } from '../model/schema.js';

export type Decoded = { text: string; encoding: string; diagnostics: Diagnostic[] };

// Plain UTF-8, most of what is crawled, needs neither library: they load on first use, so
// a one-file parse does not pay for them at start-up.
const require = createRequire(import.meta.url);
let iconvLib: typeof Iconv | undefined;
const iconv = (): typeof Iconv => (iconvLib ??= require('iconv-lite') as typeof Iconv);
const analyse: typeof Analyse = (bytes) => (require('chardet') as { analyse: typeof Analyse }).analyse(bytes);

/** File signatures, shared with the reader that routes DOCX and legacy Word files. */
export const SIGNATURE = {
  zip: [0x50, 0x4b, 0x03, 0x04],
  ole: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  rtf: [0x7b, 0x5c, 0x72, 0x74, 0x66],
};

export const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

const MAGIC: [string, number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive', SIGNATURE.zip],
  ['OLE document (.doc/.xls)', SIGNATURE.ole],
  ['gzip archive', [0x1f, 0x8b]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

export function sniffBinary(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) if (startsWith(bytes, sig)) return name;
  return null;
}

/** Share of characters a Chinese notice is made of: CJK, CJK punctuation, printable ASCII, line breaks. */
export function plausibility(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0 ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2010 && c <= 0x2027) || (c >= 0x2460 && c <= 0x24ff) || c === 0xb7
    ) good++;
  }
  return good / text.length;
}

/** The bytes as UTF-8, or null when they are not valid UTF-8. */
export function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function withBom(bytes: Uint8Array): Decoded | null {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: iconv().decode(Buffer.from(b.subarray(3)), 'utf-8'), encoding: 'utf-8', diagnostics: [] };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: iconv().decode(Buffer.from(b.subarray(2)), 'utf-16le'), encoding: 'utf-16le', diagnostics: [] };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: iconv().decode(Buffer.from(b.subarray(2)), 'utf-16be'), encoding: 'utf-16be', diagnostics: [] };
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { text: iconv().decode(Buffer.from(b.subarray(4)), 'gb18030'), encoding: 'gb18030', diagnostics: [] };
  return null;
}

// UTF-16 without a BOM: CJK text has few zero bytes, so decide by which reading is plausible.
function utf16NoBom(bytes: Uint8Array): Decoded | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const buf = Buffer.from(bytes);
  let best: Decoded | null = null;
  let bestScore = 0.97;
  for (const enc of ['utf-16le', 'utf-16be']) {
    const text = iconv().decode(buf, enc);
    const score = plausibility(text);
    if (score > bestScore && /[\u4e00-\u9fff]/.test(text)) {
      best = { text, encoding: enc, diagnostics: [] };
      bestScore = score;
    }
  }
  return best;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function legacyChinese(bytes: Uint8Array): Decoded | null {
  const sample = bytes.subarray(0, 262144);
  const ranked = analyse(sample)
    .map((m) => m.name.toLowerCase())
    .filter((n) => n === 'gb18030' || n === 'big5');
  const order = [...new Set([...ranked, 'gb18030', 'big5'])];
  const buf = Buffer.from(bytes);
  for (const enc of order) {
    const text = iconv().decode(buf, enc);
    if (plausibility(text) > 0.9 && !text.includes('\ufffd')) return { text, encoding: enc, diagnostics: [] };
  }
  return null;
}

/**
 * Bytes to text: a BOM first, then strict UTF-8, then UTF-16 without BOM, then
 * GB18030/GBK or Big5. A forced encoding skips all guessing.
 */
export function decode(bytes: Uint8Array, forced?: string): Decoded {
  if (bytes.length === 0) throw new InputError('empty', 'empty file');
  if (forced) {
    if (!iconv().encodingExists(forced)) throw new InputError('unknown-encoding', `unknown encoding "${forced}"`);
    return { text: iconv().decode(Buffer.from(bytes), forced), encoding: forced.toLowerCase(), diagnostics: [] };
  }
  const bom = withBom(bytes);
  if (bom) return bom;
  const kind = sniffBinary(bytes);
  if (kind) throw new InputError('binary', `binary file (${kind}), not a text notice`);
  const utf8 = strictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', diagnostics: [] };
  const truncated = truncatedUtf8(bytes);
  if (truncated) return truncated;
  const u16 = utf16NoBom(bytes);
  if (u16) return u16;
  if (hasNul(bytes)) throw new InputError('binary', 'binary file (holds NUL bytes), not a text notice');
  const legacy = legacyChinese(bytes);
  if (legacy) return legacy;
  throw new InputError('unknown-encoding', 'cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5); name it with --encoding');
}

// A download cut off mid-character: keep everything before the broken tail and say so.
function truncatedUtf8(bytes: Uint8Array): Decoded | null {
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    const text = strictUtf8(bytes.subarray(0, bytes.length - cut));
    if (text !== null) {
      return {
        text,
        encoding: 'utf-8',
        diagnostics: [{ severity: 'warning', code: 'truncated-utf8', message: `file ends inside a UTF-8 character at byte ${bytes.length - cut}; the last ${cut} byte(s) were dropped`, line: null }],
      };
    }
  }
  return null;
}
