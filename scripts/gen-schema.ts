// Writes matrix/schema.json from the zod schema: `npx tsx scripts/gen-schema.ts`.
// test/unit/matrix/json-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { matrixJsonSchema } from '../harness/matrix/json-schema.ts';

const out = fileURLToPath(new URL('../matrix/schema.json', import.meta.url));
writeFileSync(out, matrixJsonSchema());
process.stdout.write(`wrote ${out}\n`);
