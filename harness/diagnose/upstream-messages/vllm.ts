// Messages vllm raises or logs, by the category they mean, each with the line that writes it.
//
// Read from the source of vLLM as the mirror github:jinhuang12/vllm carries it (upstream's whole main
// history back to 2023) and github:Yuran-7/vllm-0.11 (the releases/v0.11.0 branch): every `raise`,
// `assert …, msg` and `logger.error/exception/critical` of vllm/ at 21 commits, 0.4 to 0.19. The
// commits of 0.10.2 and later are those harness/engines/facts/vllm/releases.ts names (and, for what was added
// after 0.19, github:local-inference-lab/vllm's main of 2026-05-27, MAIN_2026_05_27); no mirror here
// carries upstream's tags, so an older release is read at upstream's own version-bump commit on main
// (0.4.0, 0.4.2, 0.5.0, 0.5.4, 0.6.1: "Bump version to v0.x.y") or, once vLLM stopped bumping it in
// the tree, at main's last commit of the release day (0.6.3 … 0.10.0; 0.6.6 in its release week).
// vllm/commits.ts holds the commits cited. A source cites the newest release whose file still writes
// the words (or the last one that did); `what` says which releases wrote them when not all did.
// Messages that a signature or a generic rule of category-evidence.ts already decides rightly are
// left out: they are known. Asserts without a message (`assert is_fa_version_supported(…)`) are code,
// not a message, and are not here.
import type { UpstreamMessage } from './types.ts';
import { VLLM_BACKEND_MESSAGES } from './vllm/backend.ts';
import { VLLM_RUNTIME_MESSAGES } from './vllm/runtime.ts';
import { VLLM_AFTER_0_19_MESSAGES } from './vllm/after-0-19.ts';
import { VLLM_SWEPT_0_10_MESSAGES } from './vllm/swept-0-10.ts';
import { VLLM_SWEPT_0_19_MESSAGES } from './vllm/swept-0-19.ts';
import { VLLM_SWEPT_OLDER_MESSAGES } from './vllm/swept-older.ts';

export const VLLM_MESSAGES: readonly UpstreamMessage[] = [...VLLM_BACKEND_MESSAGES, ...VLLM_RUNTIME_MESSAGES, ...VLLM_AFTER_0_19_MESSAGES, ...VLLM_SWEPT_0_19_MESSAGES, ...VLLM_SWEPT_0_10_MESSAGES, ...VLLM_SWEPT_OLDER_MESSAGES];
