import { displayWidth } from '../normalize/text.js';

/**
 * Text copied out of a PDF is hard-wrapped: every line of a paragraph runs to the page
 * width and breaks mid-word, clauses and unit names included, and page numbers sit
 * between the pages. Such text is recognised by its lines piling up at one width with
 * none much wider, and its paragraphs are joined back before anything reads them.
 */

export type SourceLine = { text: string; line: number; pageBreak?: boolean };

const PAGE_NUMBER = /^[\s\u3000]*(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?)[\s\u3000]*$/;
/** A page number printed between pages (— 3 —, 第3页 共5页): never content. */
export const isPageNumber = (line: string) => PAGE_NUMBER.test(line);

const INDENT = /^[ \u3000\u00a0\t]/;
const NUMBERED = /^[\s\u3000]*(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.．、])/;
// A line that closes a sentence or an item's clause: a numbered line after it starts anew.
const CLOSED = /[。；;：:！!？?）)】]$/;
const SENTENCE_END = /[。；;！!？?）)】]$/;
const MIN_WIDTH = 40;
const MIN_FULL = 6;


/**
 * The page width when the text is hard-wrapped, else null. The full-width lines of a wrapped
 * page break mid-sentence; lines that merely share a length (a list of same-sized items)
 * end their sentences.
 */
function pageWidth(raw: string[], widths: number[]): number | null {
  const count = new Map<number, number>();
  for (const w of widths) if (w >= MIN_WIDTH) count.set(w, (count.get(w) ?? 0) + 1);
  let best = 0;
  let at = 0;
  // A full line may fall one column short when the next character is two columns wide.
  for (const w of count.keys()) {
    const n = (count.get(w) ?? 0) + (count.get(w - 1) ?? 0);
    if (n > best || (n === best && w > at)) [best, at] = [n, w];
  }
  if (best < MIN_FULL) return null;
  const nonBlank = widths.filter((w) => w > 0).length;
  const wider = widths.filter((w) => w > at + 2).length;
  const closed = raw.filter((l, i) => widths[i] >= at - 1 && widths[i] <= at && SENTENCE_END.test(l.trimEnd())).length;
  // A flattened table's long cells can share a width too, but each is followed by a short
  // cell (a deadline, a number); a wrapped paragraph goes on at length.
  const cells = raw.filter((_, i) => widths[i] >= at - 1 && widths[i] <= at && widths[i + 1] > 0 && widths[i + 1] <= 20).length;
  return wider * 50 <= nonBlank && closed * 3 < best && cells * 2 < best ? at : null;
}

/**
 * The lines with hard-wrapped paragraphs joined and page numbers dropped; each joined line
 * keeps the number of its first source line. Null when the text is not hard-wrapped.
 */
export function unwrap(raw: string[]): SourceLine[] | null {
  // The lines of a drawn table share one width too, and are never a paragraph.
  const widths = raw.map((l) => (drawn(l) ? 0 : displayWidth(l)));
  const page = pageWidth(raw, widths);
  if (page === null) return null;
  const indented = raw.filter((l) => INDENT.test(l) && l.trim() !== '').length >= 3;
  const out: SourceLine[] = [];
  let open: SourceLine | null = null;
  let paged = false;
  for (let i = 0; i < raw.length; i++) {
    if (PAGE_NUMBER.test(raw[i])) {
      paged = true;
      continue;
    }
    const text = raw[i];
    if (open && text.trim() !== '' && !drawn(text) && continues(open.text, text, indented)) open.text += text.trimStart();
    else if (open && text.trim() === '' && pageBreakAhead(raw, i)) continue;
    else {
      open = { text, line: i + 1 };
      if (paged && text.trim() !== '') [open.pageBreak, paged] = [true, false];
      out.push(open);
    }
    if (text.trim() === '' || widths[i] < page - 3) open = null;
  }
  return out;
}

/** A line of a table drawn with | + or box characters, wall to wall. */
const drawn = (line: string) => /^\s*[|+\u2500-\u257f].*[|+\u2500-\u257f]\s*$/.test(line);

/** Whether a line goes on the paragraph whose last line ran to the page width. */
function continues(prev: string, next: string, indented: boolean): boolean {
  if (indented) return !INDENT.test(next);
  return !(NUMBERED.test(next) && CLOSED.test(prev.trimEnd()));
}

/** Blank lines that lead to a page number: the paragraph goes on over the page break. */
function pageBreakAhead(raw: string[], i: number): boolean {
  let j = i;
  while (j < raw.length && raw[j].trim() === '') j++;
  if (j < raw.length && PAGE_NUMBER.test(raw[j])) return true;
  let k = i - 1;
  while (k >= 0 && raw[k].trim() === '') k--;
  return k >= 0 && PAGE_NUMBER.test(raw[k]);
}
