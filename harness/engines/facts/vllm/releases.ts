// The vLLM releases whose source was read, and which commit stands for each. No mirror reachable
// here carries upstream's tags or release branches for 0.12–0.18 (checked 2026-12-02: `git tag` is
// empty and no releases/* branch exists in jinhuang12/vllm, local-inference-lab/vllm,
// Yuran-7/vllm-0.11, RhizoNymph/vllm, jsboige/vllm, mkim0628/vllm, AKafakA/vllm, micmelesse/vllm;
// vllm-project/vllm itself is too large to bring here), so each release names the commit read and
// how it was chosen:
// - release-branch: the upstream release branch as a fork carries it;
// - main-before-release: the last main commit of the day a week before the release date, the usual
//   distance of the release-branch cut (v0.11.0 was cut 6 days, v0.16.0 3 days before release).
//   A feature merged between that commit and the real cut is missing from these facts; `since`
//   dates of such features are checked with `git log -S` (see the notes in flags.ts's users).
import type { ReleaseRead } from '../types.ts';

const JINHUANG = 'jinhuang12/vllm';

export const VLLM_RELEASES: readonly ReleaseRead[] = [
  { version: '0.10.2', commit: '2e5d21378db8226b04bb76f3e7119a9ddd0239df', kind: 'main-before-release', mirror: JINHUANG, note: '2025-09-07 "Skip MM Encoder for non-first PP ranks (#24387)"; v0.10.2 was released 2025-09-13' },
  { version: '0.11.0', commit: 'b8b302cde434df8c9289a2b465406b47ebab1c2d', kind: 'release-branch', mirror: 'Yuran-7/vllm-0.11', note: '2025-10-10 "Update CUDA architecture list in build pipeline for 12.9.1 wheels (#26592)": the newest upstream commit of the releases/v0.11.0 branch that fork carries (cut from main at b761df963, 2025-09-26)' },
  { version: '0.11.1', commit: '0bf29fadf5f8b28817fbccb037fb70adaef3f7f1', kind: 'main-before-release', mirror: JINHUANG, note: '2025-11-10 "[Test] Remove old non-varlen FA2 test (#28420)"; v0.11.1 was released 2025-11-18' },
  { version: '0.12.0', commit: 'ba1fcd84a7f1dc907c17bf4ba4fab6762a9f33a1', kind: 'main-before-release', mirror: JINHUANG, note: '2025-11-26 "[TPU] add tpu_inference (#27277)"; v0.12.0 was released 2025-12-03' },
  { version: '0.13.0', commit: '08f8a5627e6306312202d5c0fda8b7255d2f27fc', kind: 'main-before-release', mirror: JINHUANG, note: '2025-12-12 "[CI/Build][Kernel][BugFix][AMD] Fix per_token_group_quant_fp8 … (#30292)"; v0.13.0 was released 2025-12-18' },
  { version: '0.14.0', commit: '8ef50d9a6b91b7800e69a846219069a29a0298a4', kind: 'main-before-release', mirror: JINHUANG, note: '2026-01-13 "[Kernel][Performance] Enable smaller Scaling Factor tiling for NVFP4 small-batch decoding (#30885)"; v0.14.0 was released 2026-01-20' },
  { version: '0.15.0', commit: '0118cdcc02ae16a137645e2289bf41f5e3da9d80', kind: 'main-before-release', mirror: JINHUANG, note: '2026-01-23 "[fix] add VLLM_OBJECT_STORAGE_SHM_BUFFER_NAME to compile factors (#32912)"; v0.15.0 was released 2026-01-29' },
  { version: '0.16.0', commit: '7a06e5b05b170d7da31845866da0a99fc65253a1', kind: 'release-branch', mirror: JINHUANG, note: '2026-02-11 "[Bugfix] Fix MTP accuracy for GLM-5 (#34385)": the fork\'s v0.16.0 branch minus its own "release script" commit (cut from main at 22b64948f, 2026-02-09)' },
  { version: '0.17.0', commit: 'e3691988d0bf7c915d544d9204b53506815464ca', kind: 'main-before-release', mirror: JINHUANG, note: '2026-02-27 "[ROCm]: fix aiter rope functionalization (#35533)"; v0.17.0 was released in early March 2026. Doubtful edge: "torch.compile took" (2dde535df, 2026-03-07) and "Starting vLLM server on" (bc6be89d1, 2026-03-05) are dated here to 0.18.0 but may be in 0.17.0 if its branch was cut after them' },
  { version: '0.18.0', commit: '367cf5cd3eb234e0e191a6d7883bc66f54f42f79', kind: 'main-before-release', mirror: JINHUANG, note: '2026-03-13 "[Feat][Bugfix] Enable additional dimension for Flashinfer MLA and fix routing dtype (#36931)"; v0.18.0 was released in March 2026' },
  { version: '0.19.0', commit: '2a69949bdadf0e8942b7a1619b229cb475beef20', kind: 'tag', mirror: JINHUANG, note: '2026-04-02 "[Bugfix]: Fix Gemma4ToolParser.__init__() missing `tools` parameter (#38847)": the commit the fork\'s "Merge upstream vllm v0.19.0 (2a69949bd)" merges' },
];
