// The signatures fit the wordings seen so far; a new wording of a known failure meets only the
// generic evidence (error names and codes, exception words, frames). So every tuning log that a
// signature decides must land in the same category with no signature at all: what the classifier
// would say of the same failure written in words no signature knows.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { readCorpusDir } from '../../../harness/cli/corpus-dir.ts';

const tuning = readCorpusDir(new URL('../../fixtures/logs', import.meta.url).pathname, 'tuning');

/**
 * Old vLLM warns "Failed to import from vllm._C with ImportError(… undefined symbol …)" and runs on
 * (CPU builds, other platforms); only a signature that knows this log stops at it can call it the cause.
 * So does PyTorch's caching allocator ("memory allocation failed with OOM on device 1 …", a warning before
 * it retries): a warning decides only by a signature that says what it reports (the labelling guide, rule 6).
 * So does vLLM's Ray warning "The number of required GPUs exceeds the total number of available GPUs in the placement group."
 * (vLLM then waits for the group: the signature names the cause, tensor parallelism asking for more GPUs than there are;
 * round 26's blind readers, two to one, called a log that ends while it waits `unknown`, which is what generic evidence says; round 48's,
 * two to one, called another such log `other` by rule 6, what a person fixing it would call it, and the first was relabelled to match).
 * (Round 40) PyTorch's two warnings of one cause, a GPU's capability below its build's: generic evidence reads the first, "PyTorch no
 * longer supports this GPU because it is too old", as the GPU refused (a reading the guide leaves in doubt: upstream-messages/pytorch.ts),
 * the signature the pair; and an IPython traceback cut before its message, whose header names the exception's class
 * (`LocalEntryNotFoundError  Traceback (most recent call last)`): only the signature knows that class is the Hub's.
 * (Round 45) LMDeploy's WARNING that AutoConfig could not read the checkpoint ("… has model type `qwen3_moe` but Transformers does not
 * recognize this architecture"), after which LMDeploy goes on to look the model up itself: a warning names the cause only by a signature.
 */
const SIGNATURE_ONLY = new Set([
  'import-error/vllm-5501-custom-ops-undefined-symbol.log',
  'oom/sglang-38202-kimi-k3-dp-attention-ep-draft-kv-oom.log',
  'other/vllm-14997-tp2-pp2-ray-waiting-for-placement-group.log',
  'other/aibrix-927-vllm-multinode-waiting-placement-group.log',
  'no-kernel-image/exllamav2-786-tabbyapi-gtx1080ti-sm61-torch-cu128-warning.log',
  'other/vllm-567-notebook-opt125m-localentrynotfound.log',
  'unsupported-model/lmdeploy-3514-windows-qwen3-30b-a3b-qwen3-moe-not-recognized.log',
]);

describe('without signatures, generic evidence alone', () => {
  const bySignature = tuning.filter((l) => classifyLog(l.text).confidence === 'signature' && !SIGNATURE_ONLY.has(`${l.label}/${l.name}`));

  it('has many signature-decided logs to check', () => {
    expect(bySignature.length).toBeGreaterThan(80);
  });

  it('puts every signature-decided tuning log in the same category', () => {
    const changed = bySignature
      .map((l) => ({ log: `${l.label}/${l.name}`, with: classifyLog(l.text).category, without: classifyLog(l.text, { signatures: [] }) }))
      .filter((r) => r.with !== r.without.category)
      .map((r) => ({ log: r.log, with: r.with, without: r.without.category }));
    expect(changed).toEqual([]);
  });

  it('says so: generic confidence (none for an `other` that no evidence names), with the evidence line', () => {
    for (const l of bySignature) {
      const d = classifyLog(l.text, { signatures: [] });
      // `other` is also what some evidence names (a kernel crash, host memory, the request slots run out): then generic
      if (d.category === 'other') expect(['none', 'generic'], l.name).toContain(d.confidence);
      else expect(d.confidence, l.name).toBe('generic');
      expect(d.evidence.length, l.name).toBeGreaterThan(0);
    }
  });
});
