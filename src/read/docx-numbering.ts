import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { chineseNumeral } from '../normalize/numerals.js';

/** One level of a Word list: where it starts, how its number is written, and its text ("%1、", "（%2）"). */
type Level = { start: number; format: string; text: string };

type Numbering = {
  /** Levels by abstract list, then by level index. */
  abstracts: Map<string, Level[]>;
  /** Each list instance's abstract list, and the levels it restarts (startOverride). */
  nums: Map<string, { abstract: string; restarts: Map<number, number> }>;
  /** Paragraph styles that carry a level of an abstract list themselves. */
  styles: Map<string, { abstract: string; level: number }>;
};

// A damaged part is read as far as it goes, without xmldom's warnings on stderr.
const quiet = () => undefined;
const parseXml = (text: string) => new DOMParser({ errorHandler: { warning: quiet, error: quiet, fatalError: quiet } }).parseFromString(text, 'text/xml');

const val = (el: Element | undefined, name: string): string | null => {
  const found = el?.getElementsByTagName(name)[0];
  return found ? found.getAttribute('w:val') : null;
};

const children = (el: Element, name: string): Element[] => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && n.nodeName === name);

function readNumbering(xml: string): Numbering {
  const root = parseXml(xml).documentElement;
  const abstracts = new Map<string, Level[]>();
  const styles = new Map<string, { abstract: string; level: number }>();
  const nums = new Map<string, { abstract: string; restarts: Map<number, number> }>();
  if (!root) return { abstracts, nums, styles };
  for (const a of children(root, 'w:abstractNum')) {
    const id = a.getAttribute('w:abstractNumId') ?? '';
    const levels: Level[] = [];
    for (const lvl of children(a, 'w:lvl')) {
      const i = levelOf(lvl.getAttribute('w:ilvl') ?? '0');
      if (i === null) continue;
      levels[i] = { start: Number(val(lvl, 'w:start') ?? '1'), format: val(lvl, 'w:numFmt') ?? 'decimal', text: val(lvl, 'w:lvlText') ?? '' };
      const style = val(lvl, 'w:pStyle');
      if (style) styles.set(style, { abstract: id, level: i });
    }
    abstracts.set(id, levels);
  }
  for (const n of children(root, 'w:num')) {
    const restarts = new Map<number, number>();
    for (const o of children(n, 'w:lvlOverride')) {
      const start = val(o, 'w:startOverride');
      const level = levelOf(o.getAttribute('w:ilvl') ?? '0');
      if (start !== null && level !== null) restarts.set(level, Number(start));
    }
    nums.set(n.getAttribute('w:numId') ?? '', { abstract: val(n, 'w:abstractNumId') ?? '', restarts });
  }
  return { abstracts, nums, styles };
}

/** Word has nine list levels, 0 to 8; anything else in a damaged file is no level. */
function levelOf(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 8 ? n : null;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function formatted(n: number, format: string): string {
  if (!Number.isSafeInteger(n) || n < 1) return String(n);
  if (/^(?:chinese|ideograph|taiwanese|japaneseCounting)/.test(format) && n < 100) return chineseNumeral(n);
  if (format.startsWith('decimalEnclosedCircle')) return CIRCLED[n - 1] ?? String(n);
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  if (format === 'upperLetter' || format === 'lowerLetter') {
    const letter = String.fromCharCode(64 + (((n - 1) % 26) + 1));
    return format === 'upperLetter' ? letter : letter.toLowerCase();
  }
  return String(n);
}

/**
 * The numbers Word shows before its numbered paragraphs, in document order: "3." for an
 * item counting on across the headings typed between its list's items, "（二）" for a
 * second-level item, null for a bullet. A list instance counts on from the instances of
 * the same list before it unless it restarts a level (startOverride), as Word does.
 * Null when the document cannot be read this way: mammoth then keeps its own lists.
 */
export async function wordNumbers(bytes: Uint8Array): Promise<(string | null)[] | null> {
  try {
    return await numbersOf(bytes);
  } catch {
    return null;
  }
}

async function numbersOf(bytes: Uint8Array): Promise<(string | null)[] | null> {
  const zip = await JSZip.loadAsync(bytes);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return null;
  const { abstracts, nums, styles } = readNumbering(numberingXml);
  const body = parseXml(documentXml).documentElement;
  if (!body) return null;
  const counters = new Map<string, (number | undefined)[]>();
  const countsOf = (abstract: string) => {
    let count = counters.get(abstract);
    if (!count) counters.set(abstract, (count = []));
    return count;
  };
  const begun = new Set<string>();
  const out: (string | null)[] = [];
  for (const p of Array.from(body.getElementsByTagName('w:p'))) {
    // mammoth reads the fallback of alternate content (a text box drawn twice), never the choice.
    if (inside(p, 'mc:Choice')) continue;
    const pPr = children(p, 'w:pPr')[0];
    const numPr = pPr && children(pPr, 'w:numPr')[0];
    const numId = numPr ? val(numPr, 'w:numId') : null;
    let abstract: string | undefined;
    let level = levelOf((numPr && val(numPr, 'w:ilvl')) ?? '0');
    if (level === null) continue;
    if (numId !== null) {
      if (numId === '0') continue;
      const num = nums.get(numId);
      if (!num) continue;
      abstract = num.abstract;
      if (!begun.has(numId)) {
        begun.add(numId);
        const count = countsOf(abstract);
        for (const [l, start] of num.restarts) {
          count[l] = start - 1;
          count.length = Math.min(count.length, l + 1);
        }
      }
    } else {
      const style = pPr && val(pPr, 'w:pStyle');
      const styled = style ? styles.get(style) : undefined;
      if (!styled) continue;
      abstract = styled.abstract;
      level = styled.level;
    }
    const levels = abstracts.get(abstract);
    if (!levels?.[level]) continue;
    const count = countsOf(abstract);
    count[level] = (count[level] ?? levels[level].start - 1) + 1;
    count.length = level + 1;
    const { format, text } = levels[level];
    if (format === 'bullet' || format === 'none') {
      out.push(null);
      continue;
    }
    out.push(text.replace(/%([1-9])/g, (_, d: string) => formatted(count[Number(d) - 1] ?? levels[Number(d) - 1]?.start ?? 1, levels[Number(d) - 1]?.format ?? 'decimal')));
  }
  return out;
}

function inside(el: Element, name: string): boolean {
  for (let n = el.parentNode; n; n = n.parentNode) if (n.nodeName === name) return true;
  return false;
}
