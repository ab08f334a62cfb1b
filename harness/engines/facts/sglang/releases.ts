// The SGLang releases whose source was read, and which commit stands for each. The mirror read
// (BBuf/sglang, a fork carrying upstream's history) has no release tags, so each release names the
// commit that bumped python/sglang/version.py to it (the commit the release was cut from), except:
// - 0.5.0: history has no "0.5.0" bump; 0.5.0rc2 is the last bump before 0.5.1 and stands for it;
// - 0.5.9: after 0.5.6.post2 the version comes from git tags (setuptools-scm, #15985), so no bump
//   commit exists; the docs moved to v0.5.9 on 2026-02-25, and the last main commit of 2026-02-17 is
//   read (main-before-release): a change merged between it and the real cut is missing here.
import type { ReleaseRead } from '../types.ts';

const BBUF = 'BBuf/sglang';

export const SGLANG_RELEASES: readonly ReleaseRead[] = [
  { version: '0.4.0', commit: 'f8b0326934bacb7a7d4eba68fb6eddebaa6ff751', kind: 'tag', mirror: BBUF, note: '2024-12-03 "chore: bump v0.4.0 (#2338)"' },
  { version: '0.4.6', commit: '84022c0e563c9b519fa16bf0eb7f9d750a728531', kind: 'tag', mirror: BBUF, note: '2025-04-27 "Release v0.4.6 (#5795)"' },
  { version: '0.4.10', commit: '023288645b80fb41b3eed55fd413dd69a7904593', kind: 'tag', mirror: BBUF, note: '2025-07-31 "chore: bump v0.4.10 (#8608)", the last 0.4 minor (0.4.10.post2 followed on 2025-08-03)' },
  { version: '0.5.0', commit: 'fab0f6e77dd70f3f4d0d974896739e6b4ca8b2dd', kind: 'release-branch', mirror: BBUF, note: '2025-08-14 "chore: bump v0.5.0rc2 (#9203)": no 0.5.0 bump exists; the next bump is "Release 0.5.1" (2025-08-23)' },
  { version: '0.5.2', commit: 'b0d25e72c401f37b55d689ddbf05b8c583afe854', kind: 'tag', mirror: BBUF, note: '2025-09-11 "chore: bump v0.5.2 (#10221)"' },
  { version: '0.5.4', commit: '1053e1be17ac1220acce874f80435d765c15aab9', kind: 'tag', mirror: BBUF, note: '2025-10-23 "chore: bump SGLang version to 0.5.4 (#12027)"' },
  { version: '0.5.5', commit: '0c006b8809cd99e1f95926401a2823dd952641c8', kind: 'tag', mirror: BBUF, note: '2025-11-07 "chore: bump SGLang version to 0.5.5 (#12739)"; the nightly matrix runs lmsysorg/sglang:v0.5.5' },
  { version: '0.5.6', commit: '7ae368efde14f0b2abe769a5fbb99b8154b2a9b7', kind: 'tag', mirror: BBUF, note: '2025-12-02 "chore: bump SGLang version to 0.5.6 (#14316)"' },
  { version: '0.5.9', commit: 'e02a9bec8d9cc02ffd867b58a8edb33fe4ae880a', kind: 'main-before-release', mirror: BBUF, note: '2026-02-17 "Refactor sampler: Use a better hash function for deterministic sampling … (#18915)"; Ascend docs name v0.5.9 images from 2026-02-25' },
];
