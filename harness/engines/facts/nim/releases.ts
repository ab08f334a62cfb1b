// The NVIDIA NIM for LLMs documentation read: NIM's source is not public, so its facts come from the
// documentation pages of docs.nvidia.com/nim/large-language-models, one version per page read. A NIM
// source line is a page: `path` is the page's URL, `line` is 0 (pages have no line numbers) and `says`
// quotes the page's text as it was read. Documentation has no commit: `commit` holds forty zeros.
import type { ReleaseRead } from '../types.ts';

const DOCS = 'docs.nvidia.com/nim/large-language-models';
const NO_COMMIT = '0'.repeat(40);

export const NIM_RELEASES: readonly ReleaseRead[] = [
  { version: '1.10.0', commit: NO_COMMIT, kind: 'tag', mirror: DOCS, note: 'documentation 1.10.0 (configuration.html); NIM 1.x, TRT-LLM or vLLM profiles' },
  { version: '2.0.0', commit: NO_COMMIT, kind: 'tag', mirror: DOCS, note: 'documentation 2.0.0 (reference/api-reference.html, reference/advanced-configuration.html, deployment/model-free-nim.html); NIM 2.x serves through vLLM' },
  { version: '2.0.9', commit: NO_COMMIT, kind: 'tag', mirror: DOCS, note: 'documentation 2.0.9 (reference/environment-variables.html)' },
  { version: '2.1.6', commit: NO_COMMIT, kind: 'tag', mirror: DOCS, note: 'documentation "latest", 2.1.6 when read (deployment/model-download.html)' },
];
