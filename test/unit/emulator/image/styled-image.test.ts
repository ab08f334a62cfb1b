// Styled emulator images: the labels and environment an image's traits give it, as a Dockerfile
// FROM the emulator image, under a content-hashed tag.
import { describe, expect, it } from 'vitest';
import { ensureStyledImage, imageStyleOf, styledDockerfile, styledTag } from '../../../../harness/emulator/image/styled-image.ts';
import { EmulatorTraits } from '../../../../harness/core/emulator-traits.ts';
import { MemoryRuntime } from '../../../support/memory-runtime.ts';

describe('imageStyleOf', () => {
  it('is null for an unstyled image without labels or env (the emulator image runs as is)', () => {
    expect(imageStyleOf(EmulatorTraits.parse({}))).toBeNull();
  });

  it('gives styled CUDA images CUDA_VERSION, jetson-containers builds only what the traits say', () => {
    expect(imageStyleOf(EmulatorTraits.parse({ personality: 'ngc', cuda_version: '13.1', image_labels: { 'com.nvidia.build.id': '1' } }))).toEqual({ labels: { 'com.nvidia.build.id': '1' }, env: { CUDA_VERSION: '13.1' } });
    expect(imageStyleOf(EmulatorTraits.parse({ personality: 'jetson-containers' }))).toBeNull();
    expect(imageStyleOf(EmulatorTraits.parse({ personality: 'nim', image_env: { CUDA_VERSION: '12.8.1', NIM_X: 'y' } }))!.env).toEqual({ CUDA_VERSION: '12.8.1', NIM_X: 'y' });
  });
});

describe('styledDockerfile / styledTag', () => {
  const style = { labels: { 'org.opencontainers.image.version': '26.02', a: 'say "hi"' }, env: { CUDA_VERSION: '13.1', B: 'x y' } };

  it('writes LABEL and ENV over the emulator image, sorted and quoted', () => {
    expect(styledDockerfile('matrix-emulator:abc', style)).toBe(
      'FROM matrix-emulator:abc\nLABEL "a"="say \\"hi\\"" "org.opencontainers.image.version"="26.02"\nENV B="x y" CUDA_VERSION="13.1"\n',
    );
  });

  it('tags by content: same style same tag, another style another', () => {
    const t = styledTag('matrix-emulator:abc', style);
    expect(t).toMatch(/^matrix-emulator:abc-s[0-9a-f]{10}$/);
    expect(styledTag('matrix-emulator:abc', { ...style })).toBe(t);
    expect(styledTag('matrix-emulator:abc', { ...style, env: { CUDA_VERSION: '13.2' } })).not.toBe(t);
    expect(styledTag('matrix-emulator:def', style)).not.toBe(t);
  });
});

describe('ensureStyledImage (through the runtime)', () => {
  it('builds a styled image once, from a context holding its Dockerfile, and reuses it after', async () => {
    const runtime = new MemoryRuntime({ missing: (ref) => ref.includes('-s') });
    const traits = EmulatorTraits.parse({ personality: 'ngc', cuda_version: '13.1' });
    const tag = await ensureStyledImage(runtime, 'matrix-emulator:abc', traits);
    expect(tag).toBe(styledTag('matrix-emulator:abc', imageStyleOf(traits)!));
    expect(runtime.built.get(tag)!.toString()).toContain(styledDockerfile('matrix-emulator:abc', imageStyleOf(traits)!));
    expect(await ensureStyledImage(runtime, 'matrix-emulator:abc', traits)).toBe(tag);
    expect(runtime.journal).toEqual([`build ${tag}`]);
  });

  it('an unstyled image runs as the emulator image: nothing is built', async () => {
    const runtime = new MemoryRuntime();
    expect(await ensureStyledImage(runtime, 'matrix-emulator:abc', EmulatorTraits.parse({}))).toBe('matrix-emulator:abc');
    expect(runtime.journal).toEqual([]);
  });
});
