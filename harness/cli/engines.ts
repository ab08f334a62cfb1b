// `matrix engines [ENGINE[@VERSION]] [--json]`: what the harness believes about an engine release
// (launcher, flags and their spellings with first/last release, env vars, metrics, log lines,
// known limits), each belief with the upstream line it was read from. Wiring only: the facts are
// harness/engines/facts/, the text is engines-output.ts.
import { UsageError } from '../errors.ts';
import { engineFacts, factsAt, releaseFor, type EngineFacts } from '../engines/facts/index.ts';
import { ENGINE_IDS } from '../core/cell.ts';
import { defineCommand } from './command.ts';
import { enginesText, isEngineId, parseEngineRef, releasesText, releaseText } from './engines-output.ts';

function resolve(ref: string): { facts: EngineFacts; version: string | null } {
  const { engine, version } = parseEngineRef(ref);
  if (!isEngineId(engine)) throw new UsageError(`matrix engines: unknown engine "${engine}"`, `engines are ${ENGINE_IDS.join(', ')}`);
  const facts = engineFacts(engine);
  if (facts === null) throw new UsageError(`matrix engines: no facts about ${engine} have been read from its source yet`, 'run `matrix engines` for the engines with facts');
  return { facts, version };
}

function releaseJson(facts: EngineFacts, release: string): unknown {
  const at = <T extends { since: string; until: string | null }>(list: readonly T[]) => factsAt(facts, list, release);
  return {
    engine: facts.engine, upstream: facts.upstream, release: facts.releases.find((r) => r.version === release),
    launchers: at(facts.launchers), flags: at(facts.flags), values: at(facts.values), env: at(facts.env), defaults: at(facts.defaults),
    readiness: at(facts.readiness), metrics: at(facts.metrics), logLines: at(facts.logLines), architectures: at(facts.architectures), pins: at(facts.pins),
    ...(facts.requestFields ? { requestFields: at(facts.requestFields) } : {}),
  };
}

export const command = defineCommand({
  name: 'engines',
  summary: 'what the harness believes about an engine release, each belief with its upstream source line',
  usage: '[ENGINE[@VERSION]] [--json]',
  positionals: { min: 0, max: 1, name: 'ENGINE[@VERSION]' },
  options: {
    json: { type: 'boolean', description: 'print the facts as JSON' },
  },
  examples: ['matrix engines', 'matrix engines vllm', 'matrix engines vllm@0.11.0', 'matrix engines vllm@0.19.0 --json', 'matrix engines sglang@0.5.5', 'matrix engines nim@2.0.9'],
  async run({ positionals, values }) {
    const ref = positionals[0];
    if (ref === undefined) {
      process.stdout.write(values.json ? JSON.stringify(ENGINE_IDS.map((id) => ({ engine: id, releases: engineFacts(id)?.releases ?? [] })), null, 2) + '\n' : enginesText());
      return 0;
    }
    const { facts, version } = resolve(ref);
    if (version === null) {
      process.stdout.write(values.json ? JSON.stringify(facts.releases, null, 2) + '\n' : releasesText(facts));
      return 0;
    }
    const read = releaseFor(facts, version);
    if (read === null) {
      throw new UsageError(`matrix engines: nothing is known about ${facts.engine} ${version}`, `the oldest release read is ${facts.releases[0]?.version ?? '-'}; run \`matrix engines ${facts.engine}\``);
    }
    process.stdout.write(values.json ? JSON.stringify(releaseJson(facts, read.version), null, 2) + '\n' : releaseText(facts, version, read));
    return 0;
  },
});
