// Readings made in the eleventh session from tuning logs and upstream sources (round 35 onward), each general and with its source
// in the signature or reader it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const category = (...lines: string[]): string => classifyLog(lines.join('\n')).category;

describe('round 35 readings', () => {
  it("reads verl's training bar as a step done (the rollout engine served) only once tqdm shows a rate", () => {
    const start = ["(TaskRunner pid=1651349) Size of train dataloader: 15625, Size of val dataloader: 1"];
    const created = '(TaskRunner pid=1651349) Training Progress:   0%|          | 0/15625 [00:00<?, ?it/s]';
    const moved = '(TaskRunner pid=1651349) Training Progress:   0%|          | 1/15625 [01:18<339:58:54, 78.34s/it]';
    expect(category(...start, created, moved)).toBe('healthy');
    expect(category(...start, created)).not.toBe('healthy');
  });
});
