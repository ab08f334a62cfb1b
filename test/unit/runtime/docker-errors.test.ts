import { describe, expect, it } from 'vitest';
import { InfraError } from '../../../harness/errors.ts';
import { toInfraError } from '../../../harness/runtime/docker-errors.ts';

const cases: Array<[string, string, number | undefined, string]> = [
  ['(HTTP code 500) server error - could not select device driver "" with capabilities: [[gpu]]', 'start', 500, 'gpu-runtime-missing'],
  ['Error response from daemon: unknown or invalid runtime name: nvidia', 'create', 400, 'gpu-runtime-missing'],
  ['pull access denied for nvcr.io/nim/qwen, repository does not exist or may require \'docker login\': denied: requested access to the resource is denied', 'image', 404, 'registry-auth'],
  ['unauthorized: authentication required', 'image', 401, 'registry-auth'],
  ['manifest for vllm/vllm-openai:v9.9.9 not found: manifest unknown: manifest unknown', 'image', 404, 'image-missing'],
  ['driver failed programming external connectivity on endpoint x: Bind for 0.0.0.0:8000 failed: port is already allocated', 'start', 500, 'port-conflict'],
  ['write /var/lib/docker/tmp/GetImageBlob123: no space left on device', 'image', 500, 'disk-full'],
  ['connect ENOENT /var/run/docker.sock', 'create', undefined, 'docker-down'],
  ['Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution', 'image', 500, 'image-pull'],
  ['something odd', 'create', 500, 'container-create'],
];

describe('toInfraError', () => {
  it.each(cases)('%s → %s', (message, phase, statusCode, kind) => {
    const err = toInfraError(Object.assign(new Error(message), { statusCode }), phase, 'ctx');
    expect(err).toBeInstanceOf(InfraError);
    expect(err.kind).toBe(kind);
    expect(err.message).toContain(message);
    expect(err.hint).toBeTruthy();
    expect(err.exitCode).toBe(3);
  });

  it('keeps an InfraError as it is', () => {
    const e = new InfraError('disk-full', 'x');
    expect(toInfraError(e, 'image', 'ctx')).toBe(e);
  });
});
