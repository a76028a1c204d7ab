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
  return {
    type: 'table',
    align: columns.map(() => null),
    children: [row(columns.map(([name]) => name)), ...list.tasks.map((t) => row(columns.map(([, cell]) => cell(t))))],
  };
}

export function noticeTree(notice: Notice): RootContent[] {
  const { meta, source } = notice;
  const nodes: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(meta.title ?? source.path ?? 'Untitled notice')] },
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
  if (notice.lists.length === 0) nodes.push({ type: 'paragraph', children: [text('No task list found.')] });
  for (const [i, list] of notice.lists.entries()) {
    nodes.push({ type: 'heading', depth: 2, children: [text(list.title ?? `Task list ${i + 1}`)] }, table(list));
  }
  return nodes;
}

export function toMarkdown(notices: Notice[]): string {
  const root: Root = { type: 'root', children: notices.flatMap(noticeTree) };
  // Aligning pipes pads every row to the longest cell, which for paragraph-long task texts
  // multiplies the file size without making the table any easier to read.
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify).stringify(root);
}

export const markdownWriter: Writer = {
  name: 'md',
  extension: '.md',
  write: toMarkdown,
};
