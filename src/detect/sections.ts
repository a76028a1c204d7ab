import { numbering, RANK } from './numbering.js';
import { fold } from '../normalize/text.js';

/**
 * The headings enclosing a task, outermost first. A heading replaces every heading of
 * the same or deeper rank.
 */
export class SectionStack {
  private entries: { rank: number; text: string }[] = [];

  push(text: string, rank: number): void {
    this.entries = this.entries.filter((e) => e.rank < rank);
    this.entries.push({ rank, text });
  }

  /** Forgets the headings of this rank and deeper. */
  drop(rank: number): void {
    this.entries = this.entries.filter((e) => e.rank < rank);
  }

  /** Headings strictly outside an item of this rank. */
  outside(rank: number): string[] {
    return this.entries.filter((e) => e.rank < rank).map((e) => e.text);
  }

  all(): string[] {
    return this.entries.map((e) => e.text);
  }

  reset(): void {
    this.entries = [];
  }
}

/**
 * A section row: a numbered heading (一、 (一) 第一部分), or one whose number was lost in
 * scraping so that it starts with the bare 、 left behind.
 */
export function sectionRank(text: string): number | null {
  if (/^[、.]\S/.test(text)) return RANK['cn-dun'];
  const n = numbering(text);
  if (!n) return null;
  if (n.kind === 'part' || n.kind === 'cn-dun' || n.kind === 'ordinal' || n.kind === 'cn-paren') return RANK[n.kind];
  return null;
}

/** A note printed under a table (注:…, 说明:…): it ends the rows. */
export const TABLE_NOTE = /^\s*(?:注|说明|备注)\s*[:：]/;

/** Page furniture that ends the notice body: the 抄送 line, download links, print buttons, share bars. */
export const CHROME = /^(抄送\s*[:：]|文件下载|政策咨询|打印本页|【?打印(本页|此页)?】?|关闭窗口|【?关闭】?|相关(链接|附件|文件|阅读)|扫一扫|分享到|责任编辑|返回顶部|上一篇|下一篇|主办单位|网站标识码|版权所有)/;

/** A heading that names a task list: short, unnumbered, and saying what it is (要点, 分工, 清单 …). */
export function isListTitle(text: string): boolean {
  const t = fold(text).replace(/^附件\s*\d*\s*:?\s*/, '');
  if (t.length < 6 || t.length > 60) return false;
  if (/[。;,:]$/.test(t) || /。/.test(t) || /关于.*的(通知|意见|函|决定)$/.test(t)) return false;
  if (numbering(t)) return false;
  return /(要点|分工|清单|方案|任务|计划|安排|台账|事项|措施|责任)/.test(t) && !/^[《“]/.test(t);
}
