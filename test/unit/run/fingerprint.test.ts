// The environment fingerprint: engine version from the engine's version endpoints (NIM's
// /v1/version and /v1/metadata before /version), torch and CUDA from the server, the log, the
// image's environment and labels, the runner's facts last.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getEngine } from '../../../harness/engines/index.ts';
import { fingerprintOf, readVersionAnswers, torchFromLog, type FingerprintInput } from '../../../harness/run/fingerprint.ts';
import type { Cell } from '../../../harness/core/cell.ts';

const cell = { image: { ref: 'nvcr.io/nvidia/vllm:26.02-py3' }, gpu: { name: 'h100', computeCapability: '9.0' } } as Cell;
const facts = { driverVersion: '580.65', cudaVersion: '13.0', torchVersion: null };
const image = (over: Partial<FingerprintInput['image']> = {}): FingerprintInput['image'] => ({ ref: cell.image.ref, digest: 'sha256:abc', id: 'sha256:abc', labels: {}, architecture: 'amd64', os: 'linux', pulled: false, ...over });

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  servers = [];
});

async function serve(routes: Record<string, object>): Promise<string> {
  const s = createServer((req, res) => {
    const body = routes[req.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { detail: 'Not Found' }));
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

describe('fingerprintOf', () => {
  it('reads the engine version, torch and CUDA from /version when the server reports them', () => {
    const f = fingerprintOf({ cell, image: image({ labels: { 'org.opencontainers.image.version': '26.02' } }), facts, answers: [{ field: 'version', body: { version: '0.13.0', torch_version: '2.10.0', cuda_version: '13.1' } }], logLines: [] });
    expect(f).toMatchObject({ engineVersion: '0.13.0', torchVersion: '2.10.0', cudaVersion: '13.1', driverVersion: '580.65', imageLabels: { 'org.opencontainers.image.version': '26.02' } });
  });

  it('falls back to the startup log, then the image environment and labels, then the runner', () => {
    const env = { CUDA_VERSION: '12.9.1', PYTORCH_VERSION: '2.9.0a0+50eac81' };
    expect(fingerprintOf({ cell, image: image({ env }), facts, answers: [{ field: 'version', body: { version: '0.19.0' } }], logLines: [] })).toMatchObject({ engineVersion: '0.19.0', cudaVersion: '12.9.1', torchVersion: '2.9.0a0+50eac81' });
    expect(fingerprintOf({ cell, image: image({ env }), facts, answers: [], logLines: ['2026-11-22 07:00:01,123 [INFO] PyTorch version 2.7.1 available.'] }).torchVersion).toBe('2.7.1');
    expect(fingerprintOf({ cell, image: image({ labels: { 'com.nvidia.cuda.version': '13.0.2', 'org.opencontainers.image.version': '1.2' } }), facts, answers: [{ field: 'version', body: null }], logLines: [] })).toMatchObject({ engineVersion: '1.2', cudaVersion: '13.0.2', torchVersion: null });
    // An image that does not state its CUDA has none: the driver's is recorded as the driver's.
    expect(fingerprintOf({ cell, image: image(), facts, answers: [], logLines: [] })).toMatchObject({ engineVersion: null, cudaVersion: null, driverCuda: '13.0' });
  });

  it('finds the torch line anywhere in the log', () => {
    expect(torchFromLog(['x', 'INFO PyTorch version 2.2.2 available.'])).toBe('2.2.2');
    expect(torchFromLog(['PyTorch version unknown'])).toBeNull();
  });
});

describe('readVersionAnswers', () => {
  it('asks NIM for /v1/version, /v1/metadata and /version in that order; the first answer names the version', async () => {
    const base = await serve({ '/v1/version': { release: '1.8.0', api: '1.0.0' }, '/v1/metadata': { version: '1.8.0', selectedModelProfileId: 'abc' } });
    const answers = await readVersionAnswers(base, getEngine('nim'));
    expect(answers.map((a) => a.field)).toEqual(['release', 'version', 'version']);
    expect(answers[2]!.body).toBeNull();
    expect(fingerprintOf({ cell, image: image(), facts, answers, logLines: [] }).engineVersion).toBe('1.8.0');
  });

  it('uses /version for vLLM, and survives a server that answers nothing', async () => {
    const base = await serve({ '/version': { version: '0.19.0' } });
    expect(await readVersionAnswers(base, getEngine('vllm'))).toEqual([{ field: 'version', body: { version: '0.19.0' } }]);
    expect(await readVersionAnswers('http://127.0.0.1:1', getEngine('vllm'), 500)).toEqual([{ field: 'version', body: null }]);
  });
});
