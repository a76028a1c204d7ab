import type { Writer } from './index.js';

export const jsonWriter: Writer = {
  name: 'json',
  extension: '.json',
  write: (notices) => JSON.stringify(notices.length === 1 ? notices[0] : notices, null, 2) + '\n',
};
