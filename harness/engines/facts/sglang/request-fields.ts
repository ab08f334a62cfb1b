// Per-request fields SGLang returns in `meta_info` (native /generate responses; the OpenAI routes do not
// carry them) under speculative decoding, as python/sglang/srt/managers/tokenizer_manager.py fills them.
import type { RequestFieldFact } from '../types.ts';

export const SGLANG_REQUEST_FIELDS: readonly RequestFieldFact[] = [
  {
    field: 'completion_tokens',
    where: 'meta_info',
    since: '0.4.6',
    until: null,
    note: 'Output tokens of the request. With spec_verify_ct it gives the acceptance where spec_accept_token_num is missing (before 0.5.6): (completion_tokens − 1) / spec_verify_ct, the first token coming from prefill, not from a verify step. Each verify step adds accept_len − 1 to the accepted count (e.g. 0.5.5 python/sglang/srt/speculative/eagle_info.py:396–397, python/sglang/srt/managers/scheduler_output_processor_mixin.py:277–278).',
    sources: [
      { release: '0.4.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1049, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.4.10', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1501, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.0', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1550, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.2', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1224, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.4', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1385, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.5', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1474, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1616, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1530, says: '"completion_tokens": recv_obj.completion_tokens[i],' },
    ],
  },
  {
    field: 'spec_verify_ct',
    where: 'meta_info',
    since: '0.4.6',
    until: null,
    note: 'Verify steps (forward passes) of the request under speculative decoding; completion_tokens / spec_verify_ct is its mean acceptance length. Up to 0.5.6 it is set for every request (0 without speculation); from 0.5.9 only when the request had a verify step.',
    sources: [
      { release: '0.4.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1087, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.4.10', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1540, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.0', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1598, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.2', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1272, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.4', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1595, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.5', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1709, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1851, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1858, says: 'meta_info["spec_verify_ct"] = recv_obj.spec_verify_ct[i]' },
    ],
  },
  {
    field: 'spec_accept_length',
    where: 'meta_info',
    since: '0.5.4',
    until: null,
    note: 'Per request: completion_tokens / spec_verify_ct (bonus token included).',
    sources: [
      { release: '0.5.4', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1614, says: 'meta_info["spec_accept_length"] = (' },
      { release: '0.5.5', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1728, says: 'meta_info["spec_accept_length"] = (' },
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1871, says: 'meta_info["spec_accept_length"] = (' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1853, says: 'meta_info["spec_accept_length"] = (' },
    ],
  },
  {
    field: 'spec_accept_rate',
    where: 'meta_info',
    since: '0.5.4',
    until: null,
    note: 'Per request: accepted draft tokens / (spec_verify_ct × draft tokens per step).',
    sources: [
      { release: '0.5.4', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1613, says: 'meta_info["spec_accept_rate"] = accepted_tokens / total_draft_tokens' },
      { release: '0.5.5', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1727, says: 'meta_info["spec_accept_rate"] = accepted_tokens / total_draft_tokens' },
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1870, says: 'meta_info["spec_accept_rate"] = accepted_tokens / total_draft_tokens' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1852, says: 'meta_info["spec_accept_rate"] = accepted_tokens / total_draft_tokens' },
    ],
  },
  {
    field: 'spec_accept_token_num',
    where: 'meta_info',
    since: '0.5.6',
    until: null,
    note: 'Per request: accepted draft tokens.',
    sources: [
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1874, says: 'meta_info["spec_accept_token_num"] = accepted_tokens' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1856, says: 'meta_info["spec_accept_token_num"] = accepted_tokens' },
    ],
  },
  {
    field: 'spec_draft_token_num',
    where: 'meta_info',
    since: '0.5.6',
    until: null,
    note: 'Per request: draft tokens proposed.',
    sources: [
      { release: '0.5.6', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1875, says: 'meta_info["spec_draft_token_num"] = total_draft_tokens' },
      { release: '0.5.9', path: 'python/sglang/srt/managers/tokenizer_manager.py', line: 1857, says: 'meta_info["spec_draft_token_num"] = total_draft_tokens' },
    ],
  },
];
