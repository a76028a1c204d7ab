import { noticeJsonSchemaText } from '../model/json-schema.js';
import { writeOutput } from '../io.js';
import { EXIT, type ExitCode } from '../exit-codes.js';

export async function schemaCommand(flags: { output?: string }): Promise<ExitCode> {
  await writeOutput(flags.output, noticeJsonSchemaText());
  return EXIT.ok;
}
