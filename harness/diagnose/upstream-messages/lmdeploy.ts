// Messages of LMDeploy (InternLM/lmdeploy), its TurboMind engine and its PyTorch engine, by the category they mean, each
// with the line that writes it at a release tag (v0.16.0; v0.6.0 for the wordings its environment check had then).
// (The LMDeploy messages read before this file are in sglang.ts, "other engines".) A message is here only when the
// generic word rules did not already name its category (or named the wrong one).
// The PyTorch engine checks its environment before it starts (lmdeploy/pytorch/check_env/): a failed check logs
// `<Mod> check failed!` (before v0.7 `<Mod> test failed!`) at ERROR and its message on the next line, bare, then exits
// (v0.16.0:lmdeploy/pytorch/check_env/base.py:55): the header decides nothing, the message line does.
// TurboMind's C++ writes some failures to stderr with no level and aborts (`std::abort()`: the shell's "Aborted"),
// so these are read on the bare lines it writes, too. Interpolations are bounded wildcards.
import { bke, drv, imp, mdl, oth, type UpstreamMessage } from './types.ts';

export const LMDEPLOY_MESSAGES: readonly UpstreamMessage[] = [
  // the GEMM weight layouts are chosen by data type, fused-MoE and SM; a combination without kernels (MXFP4 `e2m1`
  // experts on an SM 70 V100) falls through to this line and std::abort()
  bke('LMDeploy (InternLM/lmdeploy): TurboMind has no GEMM kernel layout for this weight data type on this GPU (SM)', /\bnot implemented: dtype=\w{1,20}, is_fused_moe=\d, sm=\d{2,3}\b/,
    'not implemented: dtype=e2m1, is_fused_moe=1, sm=70', 'v0.10.0:src/turbomind/models/llama/LlamaDenseWeight.cc:87'),

  // ---- the PyTorch engine's environment check (check_env), its message on the line after `<Mod> check failed!` ----
  drv('LMDeploy (InternLM/lmdeploy): the PyTorch engine found no usable CUDA device (torch.cuda.is_available() is false)', /\bcuda is not available\./,
    'cuda is not available.', 'v0.16.0:lmdeploy/pytorch/check_env/cuda.py:17'),
  bke('LMDeploy (InternLM/lmdeploy): an FP8 model needs an SM 9.0 (Hopper) GPU or newer', /\bmodel_format=fp8 requires sm>=9\.0\b/,
    'model_format=fp8 requires sm>=9.0.', 'v0.16.0:lmdeploy/pytorch/check_env/cuda.py:22'),
  imp('LMDeploy (InternLM/lmdeploy): the installed Triton is older than the PyTorch engine needs', /\btriton>=[\d.]{1,20} is required\. Found triton==[\w.+-]{1,40}/,
    'triton>=3.0.0 is required. Found triton==2.1.0', 'v0.16.0:lmdeploy/pytorch/check_env/triton.py:27'),
  imp('LMDeploy (InternLM/lmdeploy): expert parallelism needs DeepEP and DeepGEMM, and they are not installed', /\bep>1 requires install DeepEP\b/,
    'ep>1 requires install DeepEP(https://github.com/deepseek-ai/DeepEP) and DeepGEMM(https://github.com/deepseek-ai/DeepGEMM).', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:46'),
  imp('LMDeploy (InternLM/lmdeploy): the Ray executor was chosen and ray cannot be imported', /\bMulti-nodes support requires `ray`/,
    'Multi-nodes support requires `ray`.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:58'),
  bke('LMDeploy (InternLM/lmdeploy): the Ray executor does not run on this device type', /\bdevice=\w{1,20} does not support ray\b/,
    'device=camb does not support ray.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:63'),
  oth('LMDeploy (InternLM/lmdeploy): an executor backend it does not know was asked for', /\bUnsupported distributed_executor_backend: \w{1,40}/,
    'Unsupported distributed_executor_backend: torchrun', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:32'),
  oth('LMDeploy (InternLM/lmdeploy): the single-process executor was asked for more than one GPU', /\bDoes not support distributed_executor_backend="uni" and world_size!=1\b/,
    'Does not support distributed_executor_backend="uni" and world_size!=1.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:36'),
  oth('LMDeploy (InternLM/lmdeploy): data parallelism needs the Ray executor', /\bdp>1 requires distributed_executor_backend="ray"/,
    'dp>1 requires distributed_executor_backend="ray". Get distributed_executor_backend=mp.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:40'),
  oth('LMDeploy (InternLM/lmdeploy): the expert-parallel size is not a multiple of the data-parallel size', /\bep>1 requires ep % dp == 0\b/,
    'ep>1 requires ep % dp == 0. Get dp=4 and ep=6.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:50'),
  oth('LMDeploy (InternLM/lmdeploy): expert load balancing was enabled without expert parallelism', /\bEnable eplb requires ep > 1\b/,
    'Enable eplb requires ep > 1. Get ep=1.', 'v0.16.0:lmdeploy/pytorch/check_env/dist.py:52'),
  // up to v0.6 an exit, from v0.7 a warning (v0.16.0:lmdeploy/pytorch/check_env/model.py:39)
  imp("LMDeploy (InternLM/lmdeploy): the installed transformers is older than the model's config asks for (v0.6 and older exit on it)", /\bmodel `[^`]{1,200}` requires transformers version [\w.+-]{1,40} but transformers [\w.+-]{1,40} is installed\b/,
    'model `/models/Qwen2-VL-7B` requires transformers version 4.45.0.dev0 but transformers 4.44.2 is installed.', 'v0.6.0:lmdeploy/pytorch/check_env/__init__.py:180'),
  bke('LMDeploy (InternLM/lmdeploy): the model is bfloat16 and the GPU has no bfloat16 (v0.6 and older exit on it)', /\bbf16 is not supported on your device\b|\bYour device does not support `torch\.bfloat16`/,
    'Your device does not support `torch.bfloat16`. Try edit `torch_dtype` in `config.json`.', 'v0.6.0:lmdeploy/pytorch/check_env/__init__.py:200'),

  // ---- the PyTorch engine: model support, kernels and devices ----
  mdl('LMDeploy (InternLM/lmdeploy): the model family was supported by older releases and has been removed', /\([\w.-]{1,80}\) support has been removed from LMDeploy\b/,
    'Baichuan (BaichuanForCausalLM) support has been removed from LMDeploy. Please use an older LMDeploy release or migrate to a newer supported model family.', 'v0.16.0:lmdeploy/pytorch/models/patch.py:161'),
  imp('LMDeploy (InternLM/lmdeploy): DeepSeek-V3.2 needs a newer flash_mla (one with flash_mla_sparse_fwd)', /\bLatest flash_mla is required\b/,
    'Latest flash_mla is required: https://github.com/deepseek-ai/FlashMLA.', 'v0.16.0:lmdeploy/pytorch/configurations/deepseek_v32.py:28'),
  bke("LMDeploy (InternLM/lmdeploy): FlashMLA's sparse decode has no kernel for this number of query heads", /\bUnsupported h_q for FlashMLA sparse decode: \d+/,
    'Unsupported h_q for FlashMLA sparse decode: 160', 'v0.16.0:lmdeploy/pytorch/backends/cuda/attention/v4.py:329'),
  bke('LMDeploy (InternLM/lmdeploy): the FA3 / FlashMLA attention backends do not support ALiBi', /\balibi not supported for (?:FA3|FlashMLA)\b/,
    'alibi not supported for FA3', 'v0.16.0:lmdeploy/pytorch/backends/cuda/attention/fa3.py:279'),
  bke('LMDeploy (InternLM/lmdeploy): sparse MLA does not support this KV-cache quantization policy', /\bSparse MLA does not support quant_policy=\w{1,20}/,
    'Sparse MLA does not support quant_policy=4. Use none/0 for BF16 or fp8/16 for FP8.', 'v0.16.0:lmdeploy/pytorch/engine/cache_engine.py:166'),
  bke('LMDeploy (InternLM/lmdeploy): the PyTorch engine has no ops backend for this device type', /\bUnsupported device type: \w{1,20}/,
    'Unsupported device type: xpu', 'v0.16.0:lmdeploy/pytorch/backends/selector.py:25'),
  bke("LMDeploy (InternLM/lmdeploy): dlinfer's Ascend backend does not support this Ascend chip", /\bdlinfer does not support [\w .-]{1,60} device currently\b/,
    'dlinfer does not support Ascend310P3 device currently.', 'v0.16.0:lmdeploy/pytorch/backends/dlinfer/ascend/op_backend.py:140'),
];
