// Readings made in the session of round 22, each general and each with its upstream source in the code it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';

const category = (...lines: string[]): string => classifyLog(lines.join('\n')).category;

describe('round 22 readings', () => {
  it('reads a download refused with an HTTP error status, in its HTTP client\'s words, as the failure (other)', () => {
    // uv (reqwest) under its own error line, pip, and requests' raise_for_status in an error line
    expect(category('error: Failed to download `vllm==0.10.2`', '  Caused by: HTTP status client error (404 Not Found) for url (https://wheels.vllm.ai/0.10.2/vllm-0.10.2-cp38-abi3-manylinux2014_aarch64.whl)')).toBe('other');
    expect(category('ERROR: HTTP error 404 while getting https://download.pytorch.org/whl/cu128/torch-2.7.0.whl')).toBe('other');
    expect(category('ERROR 01-02 03:04:05 [hub.py:12] 404 Client Error: Not Found for url: https://example.com/model.bin')).toBe('other');
    // a success status, or the words without a status, name no failure
    expect(category('ERROR: HTTP error while getting https://x/y.whl')).toBe('unknown');
    // the Hub refusing a gated model keeps its own signature
    expect(classifyLog('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/m/resolve/main/config.json').signature).toBe('hf-model-access');
  });
});
