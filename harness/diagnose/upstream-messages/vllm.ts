// Messages vllm raises or logs, by the category they mean, each with the line that writes it.
//
// Read from the source of vLLM's own repository as the mirror github:jinhuang12/vllm carries it (its
// full main history back to 2023) and github:Yuran-7/vllm-0.11 (the releases/v0.11.0 branch). The
// commits of 0.10.2 and later are those harness/engines/facts/vllm/releases.ts names; no mirror here
// carries upstream's tags, so each older release is read at upstream's own version-bump commit on
// main (0.4.0 … 0.6.1: "Bump version to v0.x.y"), or, after vLLM stopped bumping versions in the
// tree, at main's last commit of the release day (0.6.3 … 0.10.0). A source cites the newest
// release whose file still writes the words (or the last one that did); the `what` says which
// releases wrote them. Messages whose words a signature or a generic rule of category-evidence.ts
// already decides rightly are left out: they are known.
import type { UpstreamMessage } from './types.ts';
import { VLLM_BACKEND_MESSAGES } from './vllm/backend.ts';
import { VLLM_RUNTIME_MESSAGES } from './vllm/runtime.ts';

export const VLLM_MESSAGES: readonly UpstreamMessage[] = [...VLLM_BACKEND_MESSAGES, ...VLLM_RUNTIME_MESSAGES];
