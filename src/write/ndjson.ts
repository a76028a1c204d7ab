import type { Notice } from '../model/schema.js';
import type { Writer } from './index.js';

/**
 * One JSON object per task, each carrying what identifies its notice (sha256, path) and the
 * notice's meta, so a line stands alone when loaded into a database or piped through jq.
 */
export function ndjsonLines(notice: Notice): string {
  let out = '';
  for (const [index, list] of notice.lists.entries()) {
    for (const task of list.tasks) {
      const line = { notice: notice.source.sha256, file: notice.source.path, meta: notice.meta, list: { index: index + 1, title: list.title }, ...task };
      out += JSON.stringify(line) + '\n';
    }
  }
  return out;
}

export const ndjsonWriter: Writer = {
  name: 'ndjson',
  extension: '.ndjson',
  write: (notices) => notices.map(ndjsonLines).join(''),
};
