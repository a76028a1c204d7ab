import { numeral } from '../normalize/numerals.js';
import { foldWidth, isSpaceCode } from '../normalize/text.js';

/**
 * Numbering schemes of Chinese official documents, outermost first. The rank is the
 * nesting a notice conventionally uses: 一、 > (一) > 1. > (1) > ①; 一是 items sit inside
 * a paragraph; 第X部分/第X章 sit above everything.
 */
export type NumberingKind = 'part' | 'cn-dun' | 'ordinal' | 'cn-paren' | 'arabic-dot' | 'decimal' | 'arabic-paren' | 'circled' | 'letter' | 'cn-shi' | 'article' | 'task';
export const RANK: Record<NumberingKind, number> = {
  part: 0, 'cn-dun': 1, ordinal: 1, 'cn-paren': 2, 'arabic-dot': 3, decimal: 4, 'arabic-paren': 4, circled: 5, letter: 5, 'cn-shi': 6, article: 1, task: 3,
};

/** `label` is the number as printed where it is not one integer: "1.2" of a decimal item. */
export type Numbering = { kind: NumberingKind; n: number; rest: string; marker: string; label?: string };

const CN = '[一二三四五六七八九十百零〇两]+';
const PATTERNS: [NumberingKind, RegExp][] = [
  // 第一部分, 第二章, and the 专项一: of a plan grouped by special campaigns.
  ['part', new RegExp(`^(?:第(${CN}|\\d+)(?:部分|章|篇)|专项(${CN}|\\d+)(?=[:、.,\\s]))[、.,:\\s]*`)],
  ['article', new RegExp(`^第(${CN}|\\d+)条(?=[\\s、.,:]|[^\\d])\\s*`)],
  // A task card's name line: 任务一:散煤污染治理, 事项3 …, 督办事项一:…. (重点任务一: heads a
  // part of its own, over numbered items.)
  ['task', new RegExp(`^(?:督办|督查)?(?:任务|事项)(${CN}|\\d{1,3})\\s*[:、.,\\s]\\s*`)],
  ['cn-dun', new RegExp(`^(${CN})[、.,]\\s*`)],
  // 第一,压实安全生产责任: an ordinal word in place of 一、.
  ['ordinal', new RegExp(`^第(${CN})[、,]\\s*`)],
  // (一) and the scraped 一) that lost its opening bracket.
  ['cn-paren', new RegExp(`^(?:[(\\[【〔](${CN})[)\\]】〕]|(${CN})\\))[、.,]?\\s*`)],
  ['cn-shi', new RegExp(`^(${CN})是(?=[^\\s])`)],
  // "1.2推行…" under "1.": not an amount (1.05公斤, 2.5%), which runs on in digits or a unit.
  ['decimal', /^(\d{1,2}\.[1-9]\d?)(?![\d.%])(?!\s*[亿万千百元角公斤吨米个倍项家户人次台套辆座条所件张天年月日小时亩升平])(?=\s*[\u4e00-\u9fff“"(])\s*/],
  ['arabic-paren', /^[(\[【〔](\d{1,3})[)\]】〕][、.,]?\s*|^(\d{1,3})[)](?!\d)\s*/],
  // "1.5亿" is a number, "3.2021年1月底前…" an item opening with a year.
  ['arabic-dot', /^(\d{1,3})(?:[.、,](?!\d{1,3}(?!\d))|\s+(?=[^\d\s]))\s*/],
  ['circled', /^([\u2460-\u2473\u3251-\u325f])\s*/],
  // Sub-points A. B. C. under an item.
  ['letter', /^([A-H])[.、)]\s*(?=[^\sA-Za-z])/],
];

// Every pattern above is anchored at the line's first character, which must be one of
// these (full-width forms included, as the line is width-folded before matching).
const MAY_OPEN = new Set(
  [...'第任事专督一二三四五六七八九十百零〇两([【〔（［0123456789０１２３４５６７８９ABCDEFGHＡＢＣＤＥＦＧＨ'].map((ch) => ch.charCodeAt(0)),
);
for (let c = 0x2460; c <= 0x2473; c++) MAY_OPEN.add(c);
for (let c = 0x3251; c <= 0x325f; c++) MAY_OPEN.add(c);

/** The numbering a line starts with, if any. */
export function numbering(text: string): Numbering | null {
  // Most lines are asked and most open with no number: turn those down before folding.
  if (!MAY_OPEN.has(text.charCodeAt(0))) return null;
  const t = foldWidth(text);
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const token = m[1] ?? m[2];
    const rest = text.slice(m[0].length);
    const marker = text.slice(0, m[0].length);
    if (kind === 'decimal') return { kind, n: Number(token.split('.')[1]), rest, marker, label: token };
    const n = kind === 'circled' ? circled(token) : kind === 'letter' ? token.charCodeAt(0) - 64 : numeral(token);
    if (!Number.isFinite(n)) continue;
    return { kind, n, rest, marker };
  }
  return null;
}

function shortOnceSpacesGo(text: string, max: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i)) && ++n > max) return false;
  return true;
}

function circled(ch: string): number {
  const c = ch.charCodeAt(0);
  return c <= 0x2473 ? c - 0x2460 + 1 : c - 0x3251 + 21;
}

/** A table's sequence cell: "12", "12.", "(十二)", "十二". */
export function seqCell(text: string): number | null {
  // A sequence cell is at most seven characters besides spaces; a long cell is no number.
  if (!shortOnceSpacesGo(text, 7)) return null;
  const t = foldWidth(text).replace(/\s+/g, '');
  const m = /^[(\[【〔]?(\d{1,3}|[一二三四五六七八九十百零〇两]{1,4})[)\]】〕]?[.、]?$/.exec(t);
  if (!m) return null;
  const n = numeral(m[1]);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** A hierarchical row number standing alone, "1.2" or "3-1", with its label as printed. */
export function decimalCell(text: string): { outer: number; inner: number; label: string } | null {
  const m = /^(\d{1,2})([.\-])(\d{1,2})$/.exec(foldWidth(text).trim());
  return m ? { outer: Number(m[1]), inner: Number(m[3]), label: m[0] } : null;
}
