/**
 * Bumped whenever a change to the output schema can break a consumer of the JSON. Kept out
 * of schema.ts so that producing a notice never loads zod: a one-file parse starts faster.
 */
export const SCHEMA_VERSION = 1;
export const SCHEMA_ID = 'https://fengong.dev/schemas/notice.schema.json';
