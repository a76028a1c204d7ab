import { z } from 'zod';
import { Notice, SCHEMA_ID, SCHEMA_VERSION } from './schema.js';

/** The published JSON Schema, generated from the zod schema so the two cannot drift. */
export function noticeJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Notice, { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
  return { ...schema, $id: SCHEMA_ID, title: 'fengong notice', version: SCHEMA_VERSION };
}

export function noticeJsonSchemaText(): string {
  return JSON.stringify(noticeJsonSchema(), null, 2) + '\n';
}
