// Environment variables vLLM honours that the adapter sets (vllm/envs.py).
import type { EnvFact } from '../types.ts';

export const VLLM_ENV: readonly EnvFact[] = [
  {
    name: 'VLLM_ATTENTION_BACKEND',
    since: '0.10.2',
    until: '0.12.0',
    definedIn: ['vllm/envs.py'],
    effect: 'Picks the attention backend by enum name; the selector raises ValueError "Invalid attention backend" for a name the release does not have. It also reaches the vision encoder (get_vit_attn_backend reads it first).',
    sources: [
      { release: '0.10.2', path: 'vllm/envs.py', line: 468, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.11.0', path: 'vllm/envs.py', line: 612, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.11.1', path: 'vllm/envs.py', line: 629, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.12.0', path: 'vllm/envs.py', line: 649, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.10.2', path: 'vllm/attention/selector.py', line: 196, says: 'envs.VLLM_ATTENTION_BACKEND' },
      { release: '0.11.0', path: 'vllm/attention/selector.py', line: 190, says: 'envs.VLLM_ATTENTION_BACKEND' },
      { release: '0.11.1', path: 'vllm/attention/selector.py', line: 169, says: 'envs.VLLM_ATTENTION_BACKEND' },
      { release: '0.12.0', path: 'vllm/attention/selector.py', line: 137, says: 'envs.VLLM_ATTENTION_BACKEND' },
      { release: '0.10.2', path: 'vllm/model_executor/models/vision.py', line: 77, says: 'get_env_variable_attn_backend()' },
      { release: '0.11.0', path: 'vllm/model_executor/models/vision.py', line: 82, says: 'get_env_variable_attn_backend()' },
      { release: '0.11.1', path: 'vllm/model_executor/models/vision.py', line: 97, says: 'get_env_variable_attn_backend()' },
      { release: '0.12.0', path: 'vllm/model_executor/models/vision.py', line: 97, says: 'get_env_variable_attn_backend()' },
    ],
  },
  {
    name: 'VLLM_ATTENTION_BACKEND',
    since: '0.13.0',
    until: '0.14.0',
    definedIn: ['vllm/envs.py'],
    effect: 'Deprecated: AttentionConfig copies it into --attention-backend when set (the flag exists since 0.13.0). Removed from envs.py before 0.15.0.',
    sources: [
      { release: '0.13.0', path: 'vllm/envs.py', line: 671, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.14.0', path: 'vllm/envs.py', line: 687, says: '"VLLM_ATTENTION_BACKEND"' },
      { release: '0.13.0', path: 'vllm/config/attention.py', line: 93, says: '_set_from_env_if_set("backend", "VLLM_ATTENTION_BACKEND")' },
      { release: '0.14.0', path: 'vllm/config/attention.py', line: 93, says: '_set_from_env_if_set("backend", "VLLM_ATTENTION_BACKEND")' },
    ],
  },
];
