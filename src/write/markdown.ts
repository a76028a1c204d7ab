import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import type { ListItem, Root, RootContent, Table, TableRow } from 'mdast';
import type { Notice, Task, TaskList } from '../model/schema.js';
import { byDue } from './csv.js';
import type { Writer } from './index.js';

const text = (value: string) => ({ type: 'text' as const, value });

function row(cells: string[]): TableRow {
  return { type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: c ? [text(c)] : [] })) };
}

function metaItem(label: string, value: string | number | null): ListItem[] {
  if (value === null || value === '') return [];
  return [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [{ type: 'strong', children: [text(label)] }, text(`: ${value}`)] }] }];
}

type Column = [header: string, cell: (t: Task) => string];

// Optional columns appear only when some task in the list fills them, so narrow lists stay narrow.
function table(list: TaskList): Table {
  const optional: Column[] = [];
  if (list.tasks.some((t) => t.sections.length > 0)) optional.push(['Section', (t) => t.sections.join(' > ')]);
  if (list.tasks.some((t) => t.title)) optional.push(['Title', (t) => t.title ?? '']);
  const columns: Column[] = [
    ['#', (t) => t.seq ?? ''],
    ...optional,
    ['Task', (t) => t.text],
    ['Lead', (t) => t.lead.join('; ')],
    ['Implementing', (t) => t.implementing.join('; ')],
    ['Deadline', (t) => byDue(t.deadlines).map((d) => d.raw).join('; ')],
    ['Due', (t) => byDue(t.deadlines).flatMap((d) => (d.due ? [d.due] : [])).join('; ')],
  ];
  return gfmTable(columns.map(([name]) => name), list.tasks.map((t) => columns.map(([, cell]) => cell(t))));
}

export function noticeTree(notice: Notice): RootContent[] {
  const { meta, source } = notice;
  const nodes: RootContent[] = [
    heading(1, meta.title ?? source.path ?? 'Untitled notice'),
    {
      type: 'list',
      ordered: false,
      spread: false,
      children: [
        ...metaItem('Document number', meta.docNumber),
        ...metaItem('Issuer', meta.issuer),
        ...metaItem('Issued', meta.issuedOn),
        ...metaItem('Year', meta.year),
        ...metaItem('Source', source.path),
        ...metaItem('SHA-256', source.sha256),
      ],
    },
  ];
  if (notice.lists.length === 0) nodes.push(paragraph('No task list found.'));
  for (const [i, list] of notice.lists.entries()) nodes.push(heading(2, list.title ?? `Task list ${i + 1}`), table(list));
  return nodes;
}

/** A GFM table of plain-text cells; remark escapes pipes and newlines when it serializes. */
export function gfmTable(headers: string[], rows: string[][]): Table {
  return { type: 'table', align: headers.map(() => null), children: [row(headers), ...rows.map(row)] };
}

export const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({ type: 'heading', depth, children: [text(value)] });
export const paragraph = (value: string): RootContent => ({ type: 'paragraph', children: [text(value)] });

export function stringifyMarkdown(children: RootContent[]): string {
  const root: Root = { type: 'root', children };
  // Aligning pipes pads every row to the longest cell, which for paragraph-long task texts
  // multiplies the file size without making the table any easier to read.
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify).stringify(root);
}

export function toMarkdown(notices: Notice[]): string {
  return stringifyMarkdown(notices.flatMap(noticeTree));
}

export const markdownWriter: Writer = {
  name: 'md',
  extension: '.md',
  write: toMarkdown,
};
