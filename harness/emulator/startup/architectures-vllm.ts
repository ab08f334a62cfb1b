// Which model architectures the emulated vLLM release registers, from the architecture facts
// (harness/engines/facts/vllm/architectures.ts). Only architectures the facts know are judged; any
// other is taken as loadable (the traits' unknown_architectures still name more). Pure.
import { factsAt, VLLM_FACTS } from '../../engines/facts/index.ts';

/** True when the facts know `architecture` and the release `version` does not register it. */
export function vllmLacksArchitecture(architecture: string, version: string): boolean {
  const known = VLLM_FACTS.architectures.filter((a) => a.architecture === architecture);
  if (known.length === 0) return false;
  return !factsAt(VLLM_FACTS, known, version).some((a) => a.architecture === architecture);
}
