import { unified } from 'unified';
import rehypeParse from 'rehype-parse';
import { decodeHTML } from 'entities';
import { readText } from './text.js';
import type { Element, Nodes } from 'hast';
import type { Block, Cell, Line, Table } from './blocks.js';
import { clean } from '../normalize/text.js';
import { chineseNumeral } from '../normalize/numerals.js';

export type HtmlOptions = {
  /**
   * Number blocks in reading order instead of by source line. Meant for HTML without line
   * structure of its own (mammoth's output for a DOCX); when omitted, a page with fewer
   * source lines than blocks (minified) is numbered this way too, since detectors tell
   * blocks apart by line.
   */
  ordinal?: boolean;
};

const NEVER_TEXT = new Set(['head', 'script', 'style', 'nav', 'aside', 'form', 'noscript', 'iframe', 'template', 'select', 'button', 'textarea', 'svg', 'object']);

const BLOCK = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'li', 'main',
  'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Page chrome named by class or id (top-nav, breadcrumb, bdsharebuttonbox, footer-links,
 * mainMenu …): a light heuristic, so it only skips what is short enough to be chrome and
 * holds no table. A wrapper that happens to carry such a name keeps its content.
 */
const CHROME_NAME = /nav|breadcrumb|crumb|footer|menu|share/i;
const CHROME_MAX_CHARS = 1000;

/** Cells holding this many lines are a page laid out in a table, not data. */
const LAYOUT_CELL_LINES = 20;
const MAX_COLSPAN = 100;

// CSS Text: a line break in the source between two East Asian wide characters vanishes
// instead of becoming a space (Chinese is written without spaces).
const WIDE = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
const WIDE_BREAK = new RegExp(`(${WIDE})[ \\t\\r\\f]*\\n[ \\t\\r\\n\\f]*(?=${WIDE})`, 'g');

function tidy(raw: string): string {
  return clean(raw.replace(WIDE_BREAK, '$1').replace(/[ \t\n\r\f]+/g, ' '));
}

const lineOf = (n: Nodes) => n.position?.start.line ?? 0;
const isElement = (n: Nodes): n is Element => n.type === 'element';
const is = (n: Nodes, ...names: string[]) => isElement(n) && names.includes(n.tagName);

function textLength(n: Nodes): number {
  if (n.type === 'text') return n.value.trim().length;
  return 'children' in n ? n.children.reduce((sum, c) => sum + textLength(c), 0) : 0;
}

function contains(n: Nodes, name: string): boolean {
  return 'children' in n && n.children.some((c) => is(c, name) || contains(c, name));
}

function hidden(el: Element): boolean {
  const style = String(el.properties.style ?? '').replace(/\s/g, '');
  return el.properties.hidden === true || /display:none|visibility:hidden/i.test(style);
}

function namedChrome(el: Element): boolean {
  if (is(el, 'html', 'body', 'main', 'article', 'table')) return false;
  const names = [...((el.properties.className as string[] | undefined) ?? []), String(el.properties.id ?? '')].join(' ');
  return CHROME_NAME.test(names) && !contains(el, 'table') && textLength(el) <= CHROME_MAX_CHARS;
}

// A grid laid out in CSS names its cells: <span class="cell">, <span class="td col-2">.
const CELL_NAME = /^(?:cell|td|col|grid-cell|table-cell)(?:[-_].*)?$/i;

/** An inline element standing for a table cell: its text is a cell of its own line. */
function gridCell(el: Element): boolean {
  const names = (el.properties.className as string[] | undefined) ?? [];
  return el.tagName === 'span' && names.some((n) => CELL_NAME.test(n));
}

/** Collects lines (and, at page level, tables) in reading order. */
class Flow {
  readonly blocks: Block[] = [];
  private buf = '';
  private at = 0;
  private prefix = '';

  text(value: string, line: number): void {
    const first = value.search(/\S/);
    if (first < 0) {
      this.buf += value;
      return;
    }
    if (!/\S/.test(this.buf)) this.at = line + (value.slice(0, first).match(/\n/g)?.length ?? 0);
    this.buf += value.slice(0, first) + this.prefix + value.slice(first);
    this.prefix = '';
  }

  /** A list item's number, printed before the item's first text. */
  number(marker: string): void {
    this.prefix = marker;
  }

  break(): void {
    const text = tidy(this.buf);
    if (text !== '') this.blocks.push({ kind: 'line', text, line: this.at });
    this.buf = '';
  }

  table(table: Table): void {
    this.break();
    this.blocks.push(table);
  }

  lines(): Line[] {
    this.break();
    return this.blocks.filter((b): b is Line => b.kind === 'line');
  }
}

function walk(node: Nodes, flow: Flow, inArticle: boolean): void {
  if (node.type === 'text') {
    flow.text(node.value, lineOf(node));
    return;
  }
  if (node.type !== 'element' && node.type !== 'root') return;
  if (node.type === 'element') {
    const el = node;
    if (NEVER_TEXT.has(el.tagName) || hidden(el) || namedChrome(el)) return;
    // An article's own header and footer hold its title and signature; the page's are chrome.
    if ((el.tagName === 'header' || el.tagName === 'footer') && !inArticle) return;
    if (el.tagName === 'br') return flow.break();
    if (el.tagName === 'table') return readTable(el, flow, inArticle);
    if (el.tagName === 'ol') return readOrderedList(el, flow, inArticle);
    const article = inArticle || el.tagName === 'article' || el.tagName === 'main';
    const block = BLOCK.has(el.tagName) || gridCell(el);
    if (block) flow.break();
    for (const child of el.children) walk(child, flow, article);
    if (block) flow.break();
    return;
  }
  for (const child of node.children) walk(child, flow, inArticle);
}

// The numbers of an ordered list live in the markup (and in a DOCX, in Word's numbering),
// not in the text; the detectors need them in the text.
// A list whose items hold lists of their own is the outer level of a notice's outline, which
// Chinese documents count 一、二、三、 (Word's numbering format does not survive conversion).
function readOrderedList(ol: Element, flow: Flow, inArticle: boolean): void {
  let n = typeof ol.properties.start === 'number' ? ol.properties.start : 1;
  const outline = ol.children.some((li) => isElement(li) && li.tagName === 'li' && li.children.some((c) => isElement(c) && c.tagName === 'ol'));
  flow.break();
  for (const child of ol.children) {
    if (isElement(child) && child.tagName === 'li') {
      const value = Number.parseInt(String(child.properties.value ?? ''), 10);
      if (Number.isInteger(value)) n = value;
      flow.number(outline && n < 100 ? `${chineseNumeral(n++)}、` : `${n++}.`);
      walk(child, flow, inArticle);
    } else walk(child, flow, inArticle);
  }
  flow.number('');
  flow.break();
}

function rowsOf(table: Element): Element[] {
  return table.children.flatMap((c) => {
    if (!isElement(c)) return [];
    if (c.tagName === 'tr') return [c];
    return is(c, 'thead', 'tbody', 'tfoot') ? c.children.filter((r): r is Element => is(r, 'tr')) : [];
  });
}

function cellText(td: Element, inArticle: boolean): string {
  const flow = new Flow();
  for (const child of td.children) walk(child, flow, inArticle);
  return flow.lines().map((l) => l.text).join('\n');
}

const span = (value: unknown, max: number) => (typeof value === 'number' && value >= 1 ? Math.min(Math.floor(value), max) : value === 0 ? max : 1);

/**
 * The table as a full grid: a cell spanning rows or columns is repeated into every slot
 * it covers (a merged 牵头单位 cell belongs to every row it spans). A repeated copy carries
 * its own row's line, so every row keeps the line it sits on.
 */
function expand(trs: Element[], inArticle: boolean): Cell[][] {
  const grid: Cell[][] = trs.map(() => []);
  trs.forEach((tr, r) => {
    let c = 0;
    for (const td of tr.children) {
      if (!isElement(td) || !is(td, 'td', 'th')) continue;
      while (grid[r][c]) c++;
      const rows = span(td.properties.rowSpan, trs.length - r);
      const cols = span(td.properties.colSpan, MAX_COLSPAN);
      const text = cellText(td, inArticle);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) grid[r + i][c + j] = i === 0 ? { text, line: lineOf(td), ...(j > 0 && { across: true }) } : { text, line: lineOf(trs[r + i]), spanned: true, ...(j > 0 && { across: true }) };
      }
      c += cols;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row, r) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', line: lineOf(trs[r]) }));
}

function isLayout(grid: Cell[][]): boolean {
  if (grid.length < 2 || grid[0].length < 2) return true;
  return grid.some((row) => row.some((c) => c.text.split('\n').length >= LAYOUT_CELL_LINES));
}

/**
 * A data table becomes one Table block. A layout table (one holding other tables, a single
 * row or column, or a whole page in a cell) is read as the flow it lays out, so the real
 * task table nested in it surfaces as a table of its own.
 */
function readTable(table: Element, flow: Flow, inArticle: boolean): void {
  for (const c of table.children) if (is(c, 'caption')) walk(c, flow, inArticle);
  const grid = contains(table, 'table') ? null : expand(rowsOf(table), inArticle);
  if (!grid || isLayout(grid)) {
    flow.break();
    for (const c of table.children) if (!is(c, 'caption')) walk(c, flow, inArticle);
    flow.break();
    return;
  }
  const rows = grid.filter((row) => row.some((c) => c.text !== ''));
  if (rows.length > 0) flow.table({ kind: 'table', rows, line: lineOf(table) });
}

/** Blocks numbered in reading order: each line and each table row gets the next number. */
function renumber(blocks: Block[]): Block[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.kind === 'line') return { ...b, line: ++n };
    const rows = b.rows.map((row) => {
      const line = ++n;
      return row.map((c) => ({ ...c, line }));
    });
    return { ...b, rows, line: rows[0][0]?.line ?? n };
  });
}

/**
 * An HTML page or fragment to blocks: page chrome (navigation, breadcrumbs, share bars,
 * page header and footer, scripts) left out, block elements and <br> ending lines, data
 * tables as full grids with <br>/<p> inside a cell kept as line breaks.
 */
export function readHtml(html: string, opts: HtmlOptions = {}): Block[] {
  try {
    const tree = unified().use(rehypeParse).parse(html);
    const flow = new Flow();
    walk(tree, flow, false);
    flow.break();
    const sourceLines = html.split('\n').length;
    return (opts.ordinal ?? sourceLines < flow.blocks.length) ? renumber(flow.blocks) : flow.blocks;
  } catch (e) {
    // Tags nested thousands deep overflow the recursive tree builders: read such a page as
    // the text between its tags rather than fail on it.
    if (e instanceof RangeError) return readText(pageText(html));
    throw e;
  }
}

const BLOCK_TAG = /<\/?(?:p|div|br|tr|li|h[1-6]|table|section|article|ul|ol|dd|dt|blockquote|pre)\b[^>]*>/gi;

function pageText(html: string): string {
  const body = html.replace(/<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  return decodeHTML(body.replace(BLOCK_TAG, '\n').replace(/<\/?t[dh]\b[^>]*>/gi, '\n').replace(/<[^>]*>/g, ''));
}
