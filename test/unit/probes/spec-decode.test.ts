// Speculative-decoding acceptance from per-request counts (SGLang's meta_info), on the scale of vLLM's
// counters: tokens per verify step, the bonus token included.
import { describe, expect, it } from 'vitest';
import { perRequestAcceptance } from '../../../harness/probes/spec-decode.ts';

describe('perRequestAcceptance', () => {
  it('1 + Σaccepted / Σverify where every request has its accepted count, else Σ(completion − 1) / Σverify', () => {
    const known = perRequestAcceptance([{ verify: 10, completion: 25, accepted: 14 }, { verify: 5, completion: 11, accepted: 5 }], 2);
    expect(known.metrics).toMatchObject({ spec_requests: 2, spec_verify_steps: 15, spec_accepted_tokens: 19 });
    expect(known.metrics.mean_acceptance_length).toBeCloseTo(1 + 19 / 15, 12);
    expect(known.metrics.acceptance_rate).toBeCloseTo(19 / 30, 12);
    const older = perRequestAcceptance([{ verify: 10, completion: 25, accepted: null }, { verify: 5, completion: 11, accepted: 5 }], 2);
    expect(older.metrics.mean_acceptance_length).toBeCloseTo((24 + 10) / 15, 12);
    expect(perRequestAcceptance([{ verify: 0, completion: 1, accepted: 0 }], 2).problems[0]).toMatch(/speculation is not running/);
    expect(perRequestAcceptance([{ verify: 4, completion: 5, accepted: 0 }], 2).problems[0]).toMatch(/no draft token was accepted in 4 verify steps/);
  });
});
