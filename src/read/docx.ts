import { createRequire } from 'node:module';
import mammoth from 'mammoth';
import { wordNumbers } from './docx-numbering.js';
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

type DocElement = { type: string; children?: DocElement[]; numbering?: unknown };
// mammoth's document model and its transforms, which its type declarations leave out.
const cjs = createRequire(import.meta.url);
const docs = cjs('mammoth/lib/documents') as { run: (children: DocElement[]) => DocElement; text: (value: string) => DocElement };
const transforms = cjs('mammoth/lib/transforms') as {
  getDescendantsOfType: (el: DocElement, type: string) => DocElement[];
  paragraph: (fn: (p: DocElement) => DocElement) => (el: DocElement) => DocElement;
};

/**
 * Word's numbers written into the numbered paragraphs they belong to, when there are as
 * many as mammoth found numbered paragraphs. mammoth turns each run of numbered paragraphs
 * into an <ol> that counts from 1, so items counting on across typed headings, or 序号
 * cells numbered by Word, would all start over.
 */
function withNumbers(numbers: (string | null)[]): (doc: DocElement) => DocElement {
  return (doc) => {
    const numbered = transforms.getDescendantsOfType(doc, 'paragraph').filter((p) => p.numbering);
    if (numbered.length !== numbers.length) return doc;
    let next = 0;
    return transforms.paragraph((p) => {
      if (!p.numbering) return p;
      const label = numbers[next++];
      if (label === null) return p;
      // Word sets its number apart with a tab: a number without a stop of its own gets a space.
      const text = /[\p{P}]$/u.test(label) ? label : `${label} `;
      return { ...p, numbering: null, children: [docs.run([docs.text(text)]), ...(p.children ?? [])] };
    })(doc);
  };
}

/**
 * A DOCX through mammoth's HTML (which keeps tables with their merged cells as
 * rowspan/colspan) and the HTML reader. Word's numbers are written into their paragraphs;
 * where they cannot be matched up, mammoth's ordered lists stand in for them. A DOCX has no
 * source lines, so blocks are numbered in reading order: paragraph and table-row numbers.
 */
export async function readDocx(bytes: Uint8Array, timeLimitMs = DOCX_TIME_LIMIT_MS): Promise<Block[]> {
  try {
    const convert = async () => {
      const numbers = await wordNumbers(bytes);
      // Left out, not undefined, without numbers: mammoth takes an undefined transform for one.
      return mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { convertImage: NO_IMAGES, ...(numbers && { transformDocument: withNumbers(numbers) }) });
    };
    const { value } = await withTimeLimit(convert(), timeLimitMs);
    return readHtml(value, { ordinal: true });
  } catch (e) {
    throw inputError(e);
  }
}
