// The JSON Schema of the matrix format, generated from the zod schema, for editors
// (`# yaml-language-server: $schema=./schema.json`). Pure; scripts/gen-schema.ts writes it.
import { z } from 'zod';
import { MatrixSchema } from './schema.ts';

export function matrixJsonSchema(): string {
  const schema = z.toJSONSchema(MatrixSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  const doc = {
    $schema: schema.$schema,
    title: 'GPU compatibility matrix, format version 1',
    description: 'images × gpus × models × flags; see docs/matrix.md',
    ...schema,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
