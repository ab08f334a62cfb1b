// Before the browser tests: serve.spec.ts runs the built CLI, so the bundle is built first and a
// failed build fails the run (instead of skipping those tests, or testing yesterday's dist/).
import { buildFreshCli } from '../support/cli-bundle.ts';

export default async function globalSetup(): Promise<void> {
  await buildFreshCli();
}
