import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkCjkFriendly from 'remark-cjk-friendly';
import type { Nodes, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { Block, Cell, Line } from './blocks.js';
import { clean } from '../normalize/text.js';
import type { HtmlOptions } from './html.js';
import { gridTable, isGridRule } from './grid-table.js';

export type HtmlReader = (html: string, opts: HtmlOptions) => Block[];

const lineOf = (n: Nodes) => n.position?.start.line ?? 0;

/** Inline content as printed; hard breaks and <br> (how converters break lines inside table cells) as "\n". */
function inline(nodes: PhrasingContent[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text' || n.type === 'inlineCode') return n.value;
      if (n.type === 'break') return '\n';
      if (n.type === 'html') return /^<br\s*\/?>$/i.test(n.value.trim()) ? '\n' : '';
      if (n.type === 'image') return n.alt ?? '';
      // ~~2023年6月底前~~ 2023年9月底前: struck-out text was replaced; only the rest stands.
      if (n.type === 'delete') return '';
      return 'children' in n ? inline(n.children) : '';
    })
    .join('');
}

function lines(text: string, first: number): Line[] {
  return text
    .split('\n')
    .map((t, i): Line => ({ kind: 'line', text: clean(t), line: first + i }))
    .filter((l) => l.text !== '');
}

function table(node: MdTable): Block {
  const rows = node.children.map((row) => row.children.map((c): Cell => ({ text: clean(inline(c.children)).split(/\s*\n\s*/).join('\n'), line: lineOf(row) })));
  const width = Math.max(...rows.map((r) => r.length));
  const full = rows.map((r, i) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ text: '', line: lineOf(node.children[i]) }))]);
  return { kind: 'table', rows: full, line: lineOf(node) };
}

// Raw HTML in Markdown is mostly a table too complex for pipes (merged cells), kept as is by
// the converter: read it as HTML, at the lines where it sits.
function html(value: string, at: number, readHtml: HtmlReader): Block[] {
  const shift = (line: number) => line + at - 1;
  return readHtml(value, { ordinal: false }).map((b): Block =>
    b.kind === 'line' ? { ...b, line: shift(b.line) } : { ...b, line: shift(b.line), rows: b.rows.map((r) => r.map((c) => ({ ...c, line: shift(c.line) }))) },
  );
}

function blocksOf(nodes: RootContent[], source: string, readHtml?: HtmlReader): Block[] {
  return nodes.flatMap((n): Block[] => {
    switch (n.type) {
      case 'heading':
        return lines(inline(n.children).replace(/\n/g, ''), lineOf(n));
      case 'paragraph':
        return lines(inline(n.children), lineOf(n));
      case 'list':
        return n.children.flatMap((item, i) => {
          const blocks = blocksOf(item.children, source, readHtml);
          const first = blocks.find((b): b is Line => b.kind === 'line');
          // remark keeps the list's first number, not each item's: items count on from it.
          if (n.ordered && first) first.text = `${(n.start ?? 1) + i}.${first.text}`;
          return blocks;
        });
      case 'table':
        return [table(n)];
      case 'blockquote':
        return blocksOf(n.children, source, readHtml);
      case 'html':
        return readHtml ? html(n.value, lineOf(n), readHtml) : [];
      case 'code': {
        // Text indented four spaces (首行缩进 in scraped prose) parses as code; fenced code starts a line later.
        const fenced = /^\s{0,3}(```|~~~)/.test(source.slice(n.position?.start.offset ?? 0));
        return lines(n.value, lineOf(n) + (fenced ? 1 : 0));
      }
      default:
        return [];
    }
  });
}

/**
 * Markdown (CommonMark + GFM) to blocks: headings and paragraph lines as lines, numbered
 * items with their numbers, pipe tables as tables. Raw HTML is read with `readHtml`, which
 * the caller passes only for Markdown holding tags, so the HTML parser loads only then;
 * without it raw HTML (comments) is left out.
 */
export function readMarkdown(markdown: string, readHtml?: HtmlReader): Block[] {
  const { text, grids } = withoutBarePipeTables(withoutGridTables(markdown));
  // One tilde is a range in Chinese text (3月~6月); only ~~…~~ strikes text out.
  // CommonMark takes no ** next to Chinese punctuation (升级**“一键游”**平台) for emphasis;
  // the CJK-friendly rules do, so the asterisks do not stay in the text.
  const tree = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkCjkFriendly).parse(text);
  const blocks = blocksOf(tree.children, text, readHtml);
  return grids.length === 0 ? blocks : [...blocks, ...grids].sort((a, b) => a.line - b.line);
}

/**
 * Pandoc's grid tables (+---+ rules), which remark reads as paragraphs: read apart, and
 * blanked in the text remark parses so every other block keeps its line.
 */
function withoutGridTables(markdown: string): { text: string; grids: Block[] } {
  if (!/\+-|[─━═]/.test(markdown)) return { text: markdown, grids: [] };
  const raw = markdown.split('\n');
  const grids: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    const grid = isGridRule(raw[i]) ? gridTable(raw, i, (k) => k + 1) : null;
    if (!grid) continue;
    grids.push(grid.table);
    for (let k = i; k < grid.end; k++) raw[k] = '';
    i = grid.end - 1;
  }
  return { text: grids.length ? raw.join('\n') : markdown, grids };
}

const isPipe = (c: string | undefined) => c === '|' || c === '｜';
// Tested on each line with no pattern that could backtrack over a long line of spaces.
const pipeRow = (line: string) => {
  const t = line.trim();
  return t.length >= 2 && isPipe(t[0]) && isPipe(t[t.length - 1]);
};
const delimiterRow = (line: string) => {
  const t = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return t !== '' && t.split('|').every((c) => /^:?-+:?$/.test(c.trim()));
};

/**
 * Pipe rows without the delimiter row under the header (a web clipper's copy of a table):
 * no table to GFM, which reads them as a paragraph, but a table all the same. Read apart
 * like grid tables; <br> breaks a line inside a cell, as in a GFM table.
 */
function withoutBarePipeTables({ text, grids }: { text: string; grids: Block[] }): { text: string; grids: Block[] } {
  if (!text.includes('|') && !text.includes('｜')) return { text, grids };
  const raw = text.split('\n');
  const found: Block[] = [];
  for (let i = 0; i < raw.length; i++) {
    let end = i;
    while (end < raw.length && pipeRow(raw[end])) end++;
    // A delimiter row anywhere in the run makes it GFM's table (a title row above it included).
    if (end - i < 2 || raw.slice(i, end).some(delimiterRow)) {
      i = Math.max(i, end - 1);
      continue;
    }
    const rows = raw.slice(i, end).map((r, k) =>
      r.trim().slice(1, -1).split(/(?<!\\)[|｜]/).map((c): Cell => ({ text: clean(c.replace(/\\\|/g, '|')).split(/<br\s*\/?>/i).map((p) => p.trim()).join('\n'), line: i + k + 1 })),
    );
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    const full = rows.map((r) => [...r, ...Array.from({ length: width - r.length }, (): Cell => ({ text: '', line: r[0].line }))]);
    found.push({ kind: 'table', rows: full, line: i + 1 });
    for (let k = i; k < end; k++) raw[k] = '';
    i = end - 1;
  }
  return found.length === 0 ? { text, grids } : { text: raw.join('\n'), grids: [...grids, ...found] };
}
