import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { Root, RootContent, TableRow } from 'mdast';

/** The few Markdown shapes fengong writes; serialized by remark so cells are escaped right. */
export type MdBlock =
  | { kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] };

const text = (value: string) => ({ type: 'text' as const, value });

function row(cells: string[]): TableRow {
  // A newline cannot live in a GFM cell; a <br> keeps the line break visible.
  return { type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c.split(/\r?\n/).flatMap((part, i) => (i ? [{ type: 'html' as const, value: '<br>' }, text(part)] : [text(part)])) })) };
}

function node(b: MdBlock): RootContent {
  switch (b.kind) {
    case 'heading':
      return { type: 'heading', depth: b.depth, children: [text(b.text)] };
    case 'paragraph':
      return { type: 'paragraph', children: [text(b.text)] };
    case 'list':
      return { type: 'list', ordered: false, spread: false, children: b.items.map((i) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [text(i)] }] })) };
    case 'table':
      return { type: 'table', align: b.headers.map(() => null), children: [row(b.headers), ...b.rows.map(row)] };
  }
}

export function markdownDocument(blocks: MdBlock[]): string {
  const root: Root = { type: 'root', children: blocks.map(node) };
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-' }).stringify(root);
}
