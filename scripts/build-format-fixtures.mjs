#!/usr/bin/env node
// Renders each seed notice (fixtures/seeds/*.txt) as the HTML page, Markdown file and DOCX
// attachment it could have been scraped from, into fixtures/formats/, plus the hand-made
// edge cases in fixtures/formats/extra/. Run after `npm run build`:
//
//   node scripts/build-format-fixtures.mjs
//
// The seed's structure comes from fengong itself (the task tables its detectors find in the
// text); everything else is the seed's own lines, in order. Check the result with
//   node ../shared/tools/score.mjs --inputs fixtures/formats --ext html   (and md, docx)
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { Document, Packer, Paragraph, Table, TableRow, TableCell, HeadingLevel, LevelFormat, AlignmentType, WidthType } from 'docx';
import { decode } from '../dist/decode/decode.js';
import { readBlocks } from '../dist/read/index.js';
import { detectLists } from '../dist/detect/index.js';
import { headerRoles } from '../dist/detect/header.js';
import { numbering } from '../dist/detect/numbering.js';
import { clean } from '../dist/normalize/text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(root, 'fixtures/seeds');
const out = join(root, 'fixtures/formats');

// Page chrome in each seed, by source line: where a real page would have had it.
const CHROME = {
  '000_01622556c790d653': { 1: 'header', 2: 'nav', 3: 'breadcrumb' },
  '001_18287eb594d4747f': { 1: 'breadcrumb', 2: 'breadcrumb', 91: 'footer' },
  '002_daf8c5972cb24576': { 4: 'share' },
  '003_a4af0b0c03741768': { 1: 'breadcrumb', 11: 'share' },
  '004_f52bad858648e459': {},
};

// ---------- the seed as a document: prose parts and tables ----------

/**
 * A task table as the detectors read it from the seed: header cells and one row per task.
 * Category cells come from the hand-checked key: the scraped stream repeats some merged
 * category cells and drops others, and the key records what each row's categories are.
 */
function tableOf(list, key) {
  const roles = headerRoles(list.columns.map((c) => c.trim())) ?? [];
  const at = (role) => roles.indexOf(role);
  const categorized = roles.includes('category');
  const sections = list.tasks.map((t, i) => {
    if (!categorized) return t.sections;
    if (key?.tasks[i]?.seq !== t.seq) throw new Error(`${list.title}: task ${i + 1} does not line up with its key`);
    return key.tasks[i].sections;
  });
  const depth = categorized ? Math.max(...sections.map((s) => s.length)) : 0;
  const rest = list.columns.map((text, i) => ({ text, role: roles[i] })).filter((c) => !['seq', 'category', 'text'].includes(c.role));
  const header = [
    { text: at('seq') >= 0 ? list.columns[at('seq')] : '' },
    ...(categorized ? [{ text: list.columns[at('category')], span: depth }] : []),
    { text: at('text') >= 0 ? list.columns[at('text')] : '' },
    ...rest.map((c) => ({ text: c.text })),
  ];
  const rows = list.tasks.map((t, i) => {
    const column = (role) => {
      const units = t.units.filter((u) => u.role === role || (role === 'implementing' && u.role === 'units')).map((u) => u.text);
      return role === 'deadline' ? t.deadlines.join('\n') : units.join('\n');
    };
    for (const u of t.units) if (!rest.some((c) => c.role === u.role || (c.role === 'units' && u.role === 'implementing'))) throw new Error(`no column for ${u.role} in ${list.title}`);
    return {
      seq: t.seq,
      cats: categorized ? [...sections[i], ...new Array(depth - sections[i].length).fill('')] : [],
      sections: categorized ? [] : sections[i],
      text: t.text,
      rest: rest.map((c) => column(c.role === 'units' ? 'implementing' : c.role)),
    };
  });
  return { kind: 'table', title: list.title, header, depth, width: header.reduce((n, h) => n + (h.span ?? 1), 0), rows };
}

function prose(text, where) {
  if (where) return { kind: 'chrome', where, text };
  const n = numbering(text);
  const heading = n && ['cn-dun', 'cn-paren'].includes(n.kind) && text.length <= 40 && !/[。;:]$/.test(text);
  if (heading) return { kind: 'heading', depth: n.kind === 'cn-dun' ? 2 : 3, text };
  if (n && n.kind === 'arabic-dot' && /^\d+\./.test(text)) return { kind: 'item', n: n.n, text: n.rest.trim() };
  return { kind: 'para', text };
}

async function seedDocument(name) {
  const text = decode(readFileSync(join(seeds, `${name}.txt`))).text;
  const lists = detectLists(await readBlocks(text, 'text')).filter((l) => l.layout === 'cell-stream' || l.layout === 'grid');
  const key = JSON.parse(readFileSync(join(root, 'fixtures/gold', `${name}.gold.json`), 'utf8'));
  const chrome = CHROME[name];
  const parts = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const list = lists.find((l) => line >= l.from && line <= l.to);
    if (list) {
      if (line === list.from) {
        if (list.title) parts.push({ kind: 'para', text: list.title });
        parts.push(tableOf(list, key.lists[lists.indexOf(list)]));
      }
      return;
    }
    const body = clean(raw);
    if (body !== '') parts.push(prose(body, chrome[line]));
  });
  return parts;
}

// ---------- HTML ----------

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cellHtml = (s, paragraphs) => (paragraphs ? s.split('\n').map((p) => `<p>${esc(p)}</p>`).join('') : s.split('\n').map(esc).join('<br>'));

/** Row spans of a category column: 0 for a slot a cell above covers. Consecutive rows under the same categories merge. */
function spans(rows, level) {
  const key = (r) => (r.cats[level] === '' ? null : JSON.stringify(r.cats.slice(0, level + 1)));
  return rows.map((r, i) => {
    const k = key(r);
    if (k === null) return 1;
    if (i > 0 && key(rows[i - 1]) === k) return 0;
    let n = 1;
    while (i + n < rows.length && key(rows[i + n]) === k) n++;
    return n;
  });
}

function tableHtml(t) {
  const out = ['<table border="1" cellspacing="0" cellpadding="4" class="MsoNormalTable">'];
  out.push(`<tr>${t.header.map((h) => `<th${h.span ? ` colspan="${h.span}"` : ''}>${esc(h.text)}</th>`).join('')}</tr>`);
  const rowSpans = Array.from({ length: t.depth }, (_, k) => spans(t.rows, k));
  let path = [];
  t.rows.forEach((r, i) => {
    r.sections.forEach((s, k) => {
      if (path[k] !== s) out.push(`<tr><td colspan="${t.width}">${esc(s)}</td></tr>`);
    });
    path = r.sections;
    const cats = r.cats.map((c, k) => (rowSpans[k][i] === 0 ? '' : `<td${rowSpans[k][i] > 1 ? ` rowspan="${rowSpans[k][i]}"` : ''}>${esc(c)}</td>`));
    // Long texts come as paragraphs in the cell, as Word-made pages have them; the others break lines with <br>.
    const cells = [`<td>${esc(r.seq ?? '')}</td>`, ...cats, `<td>${cellHtml(r.text, r.text.length > 200)}</td>`, ...r.rest.map((c) => `<td>${cellHtml(c, false)}</td>`)];
    out.push(`<tr>${cells.join('')}</tr>`);
  });
  out.push('</table>');
  return out.join('\n');
}

const CHROME_HTML = {
  header: (t) => `<header class="site-header"><div class="top-links">${esc(t)}</div></header>`,
  nav: (t) => `<nav class="main-nav"><ul>${t.split(/\s*\|\s*/).map((x) => `<li><a href="#">${esc(x)}</a></li>`).join('')}</ul></nav>`,
  breadcrumb: (t) => `<div class="breadcrumb">${esc(t)}</div>`,
  share: (t) => `<div class="bdsharebuttonbox">${esc(t)}</div>`,
  footer: (t) => `<footer class="page-footer"><p>${esc(t)}</p></footer>`,
};

function html(parts) {
  const title = (parts.find((p) => p.kind === 'para' && /(通知|总结)$/.test(p.text)) ?? parts.find((p) => p.kind === 'para'))?.text ?? '';
  const body = parts.map((p) => {
    if (p.kind === 'chrome') return CHROME_HTML[p.where](p.text);
    if (p.kind === 'table') return tableHtml(p);
    if (p.kind === 'heading') return `<p style="text-indent:2em"><strong>${esc(p.text)}</strong></p>`;
    if (p.kind === 'item') return `<p style="text-indent:2em">${p.n}.${esc(p.text)}</p>`;
    return `<p>${esc(p.text)}</p>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${esc(title)}</title>`,
    '<style>table{border-collapse:collapse}td,th{border:1px solid #000}</style>',
    '<script>var _hmt = _hmt || []; /* 网站统计 */</script>',
    '</head>',
    '<body>',
    '<div id="content" class="article">',
    ...body,
    '</div>',
    '<script src="/js/share.js"></script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

// ---------- Markdown ----------

const textNode = (value) => ({ type: 'text', value });
const phrasing = (s) => s.split('\n').flatMap((line, i) => (i === 0 ? [textNode(line)] : [{ type: 'html', value: '<br>' }, textNode(line)]));

function tableMd(t) {
  const row = (cells) => ({ type: 'tableRow', children: cells.map((c) => ({ type: 'tableCell', children: phrasing(c) })) });
  // Pipes cannot merge cells: a merged header leaves its tail blank and merged categories repeat on every row, as converters write them.
  const header = t.header.flatMap((h) => [h.text, ...new Array((h.span ?? 1) - 1).fill('')]);
  const rows = [row(header)];
  let path = [];
  for (const r of t.rows) {
    r.sections.forEach((s, k) => {
      if (path[k] !== s) rows.push(row([s, ...new Array(t.width - 1).fill('')]));
    });
    path = r.sections;
    rows.push(row([r.seq ?? '', ...r.cats, r.text, ...r.rest]));
  }
  return { type: 'table', align: [], children: rows };
}

function markdown(parts) {
  const children = [];
  for (const p of parts) {
    const last = children[children.length - 1];
    if (p.kind === 'table') children.push(tableMd(p));
    else if (p.kind === 'heading') children.push({ type: 'heading', depth: p.depth, children: [textNode(p.text)] });
    else if (p.kind === 'item') {
      const item = { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [textNode(p.text)] }] };
      if (last?.type === 'list' && last.start + last.children.length === p.n) last.children.push(item);
      else children.push({ type: 'list', ordered: true, start: p.n, spread: false, children: [item] });
    } else children.push({ type: 'paragraph', children: [textNode(p.text)] });
  }
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bulletOrdered: '.' }).stringify({ type: 'root', children });
}

// ---------- DOCX ----------

const paragraphs = (s) => s.split('\n').map((text) => new Paragraph({ text }));

function tableDocx(t) {
  const cell = (text, opts = {}) => new TableCell({ children: paragraphs(text), ...opts });
  const rowSpans = Array.from({ length: t.depth }, (_, k) => spans(t.rows, k));
  const rows = [new TableRow({ tableHeader: true, children: t.header.map((h) => cell(h.text, h.span ? { columnSpan: h.span } : {})) })];
  let path = [];
  t.rows.forEach((r, i) => {
    r.sections.forEach((s, k) => {
      if (path[k] !== s) rows.push(new TableRow({ children: [cell(s, { columnSpan: t.width })] }));
    });
    path = r.sections;
    const cats = r.cats.flatMap((c, k) => (rowSpans[k][i] === 0 ? [] : [cell(c, rowSpans[k][i] > 1 ? { rowSpan: rowSpans[k][i] } : {})]));
    rows.push(new TableRow({ children: [cell(r.seq ?? ''), ...cats, cell(r.text), ...r.rest.map((c) => cell(c))] }));
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

// Word's own numbering for 1. 2. 3. items: the numbers are not in the text, as in a real attachment.
const NUMBERING = { config: [{ reference: 'items', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] }] };

async function docx(parts) {
  const children = [];
  let list = 0;
  let next = 1;
  for (const p of parts) {
    if (p.kind === 'chrome') continue;
    if (p.kind === 'table') children.push(tableDocx(p));
    else if (p.kind === 'heading') children.push(new Paragraph({ text: p.text, heading: p.depth === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3 }));
    else if (p.kind === 'item' && (p.n === 1 || p.n === next)) {
      if (p.n === 1) list++;
      next = p.n + 1;
      children.push(new Paragraph({ text: p.text, numbering: { reference: 'items', level: 0, instance: list } }));
    } else children.push(new Paragraph({ text: p.kind === 'item' ? `${p.n}.${p.text}` : p.text }));
    if (p.kind !== 'item') next = 1;
  }
  const doc = new Document({ creator: 'fengong', numbering: NUMBERING, sections: [{ children }] });
  return reproducible(await Packer.toBuffer(doc));
}

/** The same DOCX bytes on every build: fixed timestamps in the archive and in its properties. */
async function reproducible(buffer) {
  const FIXED = new Date('2020-01-01T00:00:00Z');
  const zip = await JSZip.loadAsync(buffer);
  const core = zip.file('docProps/core.xml');
  if (core) zip.file('docProps/core.xml', (await core.async('string')).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, `$1${FIXED.toISOString().replace('.000', '')}`));
  zip.forEach((_, f) => {
    f.date = FIXED;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

// ---------- edge cases ----------

const TASK_HEAD = '<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>';

function chromePage() {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某市人民政府办公室关于印发2021年政务公开重点工作任务分工的通知_某市人民政府</title>
<script>document.write("1 首页 牵头单位:市政府办公室");</script></head>
<body>
<table width="1000" class="layout"><tr><td>
  <div id="topNav"><a href="/">首页</a> | <a href="/xxgk">信息公开</a> | <a href="/zwfw">政务服务</a></div>
  <nav><ul><li>1 机构概况</li><li>2 政策文件</li><li>3 责任单位:市政府办公室</li></ul></nav>
  <div class="crumbs">您当前的位置:首页 &gt; 政策文件 &gt; 市政府办文件</div>
</td></tr>
<tr><td>
  <h1>某市人民政府办公室关于印发2021年政务公开重点工作任务分工的通知</h1>
  <p>某政办〔2021〕7号</p>
  <p>各县(区)人民政府,市政府各部门:</p>
  <p>现将《2021年政务公开重点工作任务分工》印发给你们,请认真贯彻落实。</p>
  <p>某市人民政府办公室</p>
  <p>2021年4月2日</p>
  <p>2021年政务公开重点工作任务分工</p>
  <table border="1">
    ${TASK_HEAD}
    <tr><td>1</td><td>加强政策解读&amp;回应,<br>做好重要政策的解读工作。</td><td>市政府办公室</td><td>市直各部门</td><td>6月底前</td></tr>
    <tr><td>2</td><td><p>推进决策公开。</p><p>扩大公众参与。</p></td><td>市司法局</td><td>各县(区)政府</td><td>全年</td></tr>
    <tr><td>3</td><td>做好政府信息公开年报工作。</td><td>市政务公开办</td><td>市直各部门</td><td>1月31日前</td></tr>
  </table>
  <div class="bdsharebuttonbox">分享到:微信 微博 责任编辑:张三</div>
</td></tr></table>
<div class="footer-links">主办单位:某市人民政府办公室 承办:某市数据资源局 电话:0551-1234567 2021年1月1日</div>
<footer><p>版权所有 某市人民政府 1. 网站标识码 3401000001</p></footer>
</body></html>
`;
}

function gb2312Page() {
  return `<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>关于印发2019年政务公开工作要点的通知</title></head>
<body>
<p>某县人民政府办公室关于印发2019年政务公开工作要点的通知</p>
<p>某政办发〔2019〕12号</p>
<p>各乡镇人民政府,县政府各部门:</p>
<p>现将《2019年政务公开工作要点》印发给你们,请认真贯彻执行。</p>
<p>某县人民政府办公室</p>
<p>2019年3月8日</p>
<p>2019年政务公开工作要点</p>
<table border="1">
${TASK_HEAD}
<tr><td>1</td><td>加强政策解读工作,做到同步起草、同步审签、同步发布。</td><td>县政府办公室</td><td>县直各部门</td><td>年底前</td></tr>
<tr><td>2</td><td>推进重大建设项目信息公开。</td><td>县发展改革局</td><td>县直有关部门</td><td>9月底前</td></tr>
<tr><td>3</td><td>做好政务舆情回应,及时发布权威信息。</td><td>县委宣传部</td><td>各乡镇人民政府</td><td>持续推进</td></tr>
</table>
</body></html>
`;
}

function mergedLeadPage() {
  const tasks = ['推进财政预决算公开。', '做好政府债务信息公开。', '公开重点项目资金安排。', '推进减税降费政策公开。', '做好惠企资金信息公开。', '推进政府采购信息公开。'];
  const rows = tasks.map((t, i) => {
    const category = i === 0 ? '<td rowspan="6">财政信息公开</td>' : '';
    const lead = i === 0 ? '<td rowspan="5">市财政局</td>' : i === 5 ? '<td>市公共资源交易中心</td>' : '';
    return `<tr><td>${i + 1}</td>${category}<td>${t}</td>${lead}<td>各县(区)政府</td><td>全年</td></tr>`;
  });
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<p>2020年财政信息公开重点任务分工</p>
<table border="1">
<tr><th>序号</th><th>工作类别</th><th>工作任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
${rows.join('\n')}
</table>
</body></html>
`;
}

async function notADocx() {
  const zip = new JSZip();
  zip.file('readme.txt', '这是一个压缩包,不是 Word 文档。', { date: new Date('2020-01-01T00:00:00Z') });
  return zip.generateAsync({ type: 'nodebuffer' });
}

// OLE compound file signature, then the first bytes of a Word 97 header: what a .doc starts with.
const LEGACY_DOC = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0), Buffer.from('Microsoft Word 97-2003 文档', 'utf16le')]);
const BROKEN_ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from('下载中断,文件不完整'.repeat(20))]);

// ---------- main ----------

mkdirSync(join(out, 'extra'), { recursive: true });
for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort()) {
  const name = basename(file, '.txt');
  const parts = await seedDocument(name);
  writeFileSync(join(out, `${name}.html`), html(parts));
  writeFileSync(join(out, `${name}.md`), markdown(parts));
  writeFileSync(join(out, `${name}.docx`), await docx(parts));
  const tables = parts.filter((p) => p.kind === 'table');
  console.log(`${name}: ${parts.length} parts, ${tables.length} table(s) of ${tables.map((t) => t.rows.length).join('+') || 0} rows`);
}
writeFileSync(join(out, 'extra/chrome.html'), chromePage());
writeFileSync(join(out, 'extra/gb2312.html'), iconv.encode(gb2312Page(), 'gb2312'));
writeFileSync(join(out, 'extra/merged-lead.html'), mergedLeadPage());
writeFileSync(join(out, 'extra/legacy.doc'), LEGACY_DOC);
writeFileSync(join(out, 'extra/broken.docx'), BROKEN_ZIP);
writeFileSync(join(out, 'extra/archive.zip'), await notADocx());
console.log('extra: chrome.html gb2312.html merged-lead.html legacy.doc broken.docx archive.zip');
