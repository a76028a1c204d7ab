import { stringify } from 'yaml';
import type { Writer } from './index.js';

export const yamlWriter: Writer = {
  name: 'yaml',
  extension: '.yaml',
  write: (notices) => stringify(notices.length === 1 ? notices[0] : notices, { lineWidth: 0 }),
};
