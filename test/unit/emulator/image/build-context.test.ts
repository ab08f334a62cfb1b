import { describe, expect, it } from 'vitest';
import tar from 'tar-stream';
import { buildContext, dockerfile, parseLdd } from '../../../../harness/emulator/image/build-context.ts';
import { emulatorVersion } from '../../../../harness/emulator/image/image.ts';

const LDD = `	linux-vdso.so.1 (0x00007ffc1a5f2000)
	libdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f4d31970000)
	libstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f4d31600000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f4d3141e000)
	/lib64/ld-linux-x86-64.so.2 (0x00007f4d31989000)
`;

describe('build context', () => {
  it('reads the libraries and the loader out of ldd output, skipping the vDSO', () => {
    expect(parseLdd(LDD)).toEqual(['/lib/x86_64-linux-gnu/libdl.so.2', '/lib/x86_64-linux-gnu/libstdc++.so.6', '/lib/x86_64-linux-gnu/libc.so.6', '/lib64/ld-linux-x86-64.so.2']);
  });

  it('writes a FROM-scratch Dockerfile with the entrypoint, ports and labels', () => {
    const d = dockerfile({ 'org.opencontainers.image.version': 'abc' });
    expect(d.split('\n')[0]).toBe('FROM scratch');
    expect(d).toContain('ENTRYPOINT ["/usr/bin/node", "/emulator.mjs"]');
    expect(d).toContain('EXPOSE 8000 30000');
    expect(d).toContain('LABEL org.opencontainers.image.version="abc"');
  });

  it('packs node, the libraries at their paths and the bundle', async () => {
    const pack = buildContext({ nodeBinary: process.execPath, libraries: [], bundle: Buffer.from('console.log(1)'), labels: {} });
    const names: string[] = [];
    const extract = tar.extract();
    extract.on('entry', (h, stream, next) => {
      names.push(h.name);
      stream.on('end', next);
      stream.resume();
    });
    await new Promise<void>((resolve, reject) => {
      extract.on('finish', resolve);
      extract.on('error', reject);
      pack.pipe(extract);
    });
    expect(names).toEqual(['Dockerfile', 'rootfs/tmp/', 'rootfs/usr/bin/node', 'rootfs/emulator.mjs']);
  });

  it('versions the image by the bundle and the node version', () => {
    const a = emulatorVersion(Buffer.from('x'), 'v20.1.0');
    expect(a).toMatch(/^[0-9a-f]{12}$/);
    expect(emulatorVersion(Buffer.from('x'), 'v20.1.0')).toBe(a);
    expect(emulatorVersion(Buffer.from('y'), 'v20.1.0')).not.toBe(a);
    expect(emulatorVersion(Buffer.from('x'), 'v22.0.0')).not.toBe(a);
  });
});
