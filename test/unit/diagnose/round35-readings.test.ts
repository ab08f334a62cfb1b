// Readings made in the eleventh session from tuning logs and upstream sources (round 35 onward), each general and with its source
// in the signature or reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('round 35 readings', () => {
  it("reads verl's training bar as a step done (the rollout engine served) only once tqdm shows a rate", () => {
    const start = ["(TaskRunner pid=1651349) Size of train dataloader: 15625, Size of val dataloader: 1"];
    const created = '(TaskRunner pid=1651349) Training Progress:   0%|          | 0/15625 [00:00<?, ?it/s]';
    const moved = '(TaskRunner pid=1651349) Training Progress:   0%|          | 1/15625 [01:18<339:58:54, 78.34s/it]';
    expect(category(...start, created, moved)).toBe('healthy');
    expect(category(...start, created)).not.toBe('healthy');
  });

  it("does not read llama.cpp's fit of the parameters to free memory as a step that ran the model: it times itself whether it fit or gave up", () => {
    const fit = [
      'llama_params_fit: failed to fit params to free device memory: n_gpu_layers already set by user to 20, abort',
      'llama_params_fit: fitting params to free memory took 1.15 seconds',
      'llama_model_loader: loaded meta data with 50 key-value pairs and 733 tensors from /models/m.gguf (version GGUF V3 (latest))',
    ];
    expect(category(...fit)).toBe('unknown');
  });

  it("does not read llama.cpp's reserve of the compute buffers as a step that ran the model: the graphs are built, not computed", () => {
    const reserve = ['sched_reserve: graph splits = 1251 (with bs=512), 197 (with bs=1)', 'sched_reserve: reserve took 29.40 ms, sched copies = 1'];
    expect(category(...reserve, 'common_init_from_params: warming up the model with an empty run - please wait ... (--no-warmup to disable)')).toBe('unknown');
  });

  it("reads the SYCL runtime finding no kernel image for the device, as ggml's SYCL backend reports it before it exits, as no kernel image", () => {
    const sycl = 'No kernel named _ZTSZN14bin_bcast_syclIXadL_ZL6op_mulffEEE was foundException caught at file:/root/llama.cpp/ggml/src/ggml-sycl/ggml-sycl.cpp, line:4199';
    expect(category('sched_reserve: reserve took 29.40 ms, sched copies = 1', sycl, 'Error OP MUL')).toBe('no-kernel-image');
  });

  it("reads a GPU architecture AITER does not know as a kernel library refusing the GPU, not as a model's architecture", () => {
    const aiter = 'KeyError: "Unknown GPU architecture: gfx1101. Supported architectures: [\'native\', \'gfx90a\', \'gfx908\', \'gfx942\', \'gfx950\']"';
    expect(category('Traceback (most recent call last):', '  File "/usr/local/lib/python3.12/dist-packages/aiter/jit/utils/chip_info.py", line 65, in get_gfx_custom_op_core', '    raise KeyError(', aiter)).toBe('backend-unsupported');
  });

  it("reads ggml's kernel without code for the GPU by whether the build was compiled for that architecture, over the launch failure its trap causes", () => {
    const noCode = (arch: number, list: string): string => `ggml-cuda/fattn.cu:571: ERROR: CUDA kernel flash_attn_ext_f16 has no device code compatible with CUDA arch ${arch}. ggml-cuda.cu was compiled for: ${list}`;
    const after = ['CUDA error: unspecified launch failure', '  current device: 0, in function ggml_backend_cuda_synchronize at ggml-cuda.cu:2414'];
    expect(category(noCode(610, '610'), ...after)).toBe('backend-unsupported');
    expect(category(noCode(610, '520,610,700'), ...after)).toBe('backend-unsupported');
    expect(category(noCode(520, '600,610,700,750,800'), ...after)).toBe('no-kernel-image');
  });

  it("reads ptxas refusing the kernel's instruction on this GPU's architecture as backend-unsupported, and ptxas failing otherwise as the toolchain", () => {
    const refused = "ptxas /tmp/tmpjbxlnipm.ptx, line 468; error   : Feature 'cvt with .f32.bf16' requires .target sm_80 or higher";
    expect(category(refused, 'ptxas fatal   : Ptx assembly aborted due to errors')).toBe('backend-unsupported');
    expect(category("ptxas fatal   : Value 'sm_120a' is not defined for option 'gpu-name'")).toBe('ptx-toolchain');
  });

  it("reads SGLang's KV-cache capacity profiled below zero as out of memory, and one above zero not", () => {
    const profiled = (n: number): string => `[2025-07-02 07:41:59 DP2 TP2] max_total_tokens=131072 is larger than the profiled value ${n}. Use the profiled value instead.`;
    expect(category('[2025-07-02 07:41:50 DP2 TP2] Load weight end. type=DeepseekV3ForCausalLM, dtype=torch.bfloat16, avail mem=25.31 GB, mem usage=166.59 GB.', profiled(-561981))).toBe('oom');
    expect(category(profiled(65536))).not.toBe('oom');
  });

  it("passes over the shell not finding a helper when the server comes up after it (LocalAI listening after it)", () => {
    const log = [
      '===> LocalAI All-in-One (AIO) container starting...',
      '/aio/entrypoint.sh: line 52: nvidia-smi: command not found',
      'NVIDIA GPU detected, but nvidia-smi is not installed. GPU acceleration will not be available.',
      '10:29AM INF core/startup process completed!',
      '10:29AM INF LocalAI API is listening! Please connect to the endpoint for API documentation. endpoint=http://0.0.0.0:8080',
    ];
    expect(category(...log)).toBe('healthy');
    expect(category(...log.slice(0, 3))).toBe('import-error');
  });

  it("reads HCCL, the collective library of Ascend NPUs, failing as nccl", () => {
    expect(category('[ERROR] HCCL(36035,mindie_llm_backend_connector):2025-05-13-02:25:58.068.817 [op_base.cc:974][36818][Init][CommRootInfoConfig]errNo[0x0000000005000002]HcclCommInitRootInfo failed.')).toBe('nccl');
    expect(category('[rank1]: EI0009: [PID: 2225827] 2025-09-24-20:59:48.119.066 Transport init error. Reason: [Create][DestLink]Create Dest error!')).toBe('nccl');
    expect(category('RuntimeError: HcclAllreduce:torch_npu/csrc/distributed/ProcessGroupHCCL.cpp:1 HCCL function error: HcclAllreduce(), error code is 7 [ERROR] 2025-01-01 (PID:1, Device:0, RankID:0) ERR02200 DIST call hccl api failed.')).toBe('nccl');
  });

  it("reads a GGUF tensor of a quantization type candle does not implement as backend-unsupported", () => {
    expect(category('Error: path: "/models/Mistral-Large-Instruct-2411-IQ2_M.gguf" unknown dtype for tensor 21')).toBe('backend-unsupported');
  });

  it("reads a NameError raised by module-level code while importing (a guarded import that failed) as an import error", () => {
    const tb = ['Traceback (most recent call last):', '  File "F:\\exui\\venv\\lib\\site-packages\\exllamav2\\fasttensors.py", line 6, in <module>', '    from exllamav2.ext import exllamav2_ext as ext_c', '  File "F:\\exui\\venv\\lib\\site-packages\\exllamav2\\ext.py", line 291, in <module>', '    ext_c = exllamav2_ext'];
    expect(category(...tb, "NameError: name 'exllamav2_ext' is not defined")).toBe('import-error');
    const inFunction = ['Traceback (most recent call last):', '  File "/app/serve.py", line 12, in main', '    run(cfg)'];
    expect(category(...inFunction, "NameError: name 'cfg' is not defined")).toBe('other');
  });

  it("reads distributed-llama's token lines as the model run", () => {
    expect(category('⏩ Loaded 6175568 kB', '🔶 G  559 ms I  499 ms T   60 ms S 1917200 kB R    272 kB Hello')).toBe('healthy');
    expect(category('⏩ Loaded 6175568 kB', '🔶 Pred  412 ms Sync   31 ms | Sent   272 kB Recv   272 kB | Hello')).toBe('healthy');
  });

  it("reads a traceback cut before its exception while the capture was under way as graph-capture, and one after the capture ended not", () => {
    const bar = 'Capturing CUDA graphs (decode, FULL):   0%|          | 0/5 [00:01<?, ?it/s]';
    const cut = ['(VllmWorker PP0_TP0 pid=4797) ERROR 09-29 05:54:49 [multiproc_executor.py:596] WorkerProc hit an exception.', '(VllmWorker PP0_TP0 pid=4797) ERROR 09-29 05:54:49 [multiproc_executor.py:596] Traceback (most recent call last):', '(VllmWorker PP0_TP0 pid=4797) ERROR 09-29 05:54:49 [multiproc_executor.py:596]   File "/usr/local/lib/python3.12/dist-packages/vllm/v1/executor/multiproc_executor.py", line 591, in worker_busy_loop'];
    expect(category(bar, ...cut)).toBe('graph-capture');
    expect(category(bar, 'Graph capturing finished in 7 secs, took 0.31 GiB', ...cut)).toBe('unknown');
  });

  it("reads LMDeploy's 'matching vision model: X failed' as a wrapper: the exception it re-raises follows, and cut it names no cause", () => {
    const head = ['2024-09-06 02:46:37,662 - lmdeploy - ERROR - matching vision model: CogVLMVisionModel failed', 'Traceback (most recent call last):'];
    expect(category(...head, '  File "/opt/lmdeploy/lmdeploy/vl/model/builder.py", line 55, in load_vl_model')).toBe('unknown');
    expect(category(...head, '  File "/opt/lmdeploy/lmdeploy/vl/model/cogvlm.py", line 30, in build_model', 'ModuleNotFoundError: No module named \'xformers\'')).toBe('import-error');
  });

  it("reads vllm.rs's KV-cache plan and vLLM-Omni's finished request as health", () => {
    expect(category('2026-04-07T06:11:49.660507Z  INFO vllm_rs::core::runner: KVCache allocation successfully planned!')).toBe('healthy');
    expect(category("(APIServer pid=1568) INFO 01-04 14:28:29 [log_utils.py:529] {'type': 'request_level_metrics',", "(APIServer pid=1568) INFO 01-04 14:28:29 [log_utils.py:529]  'request_id': 'chatcmpl-84bad635e9eb25c7',")).toBe('healthy');
  });

  it("passes over a candidate kernel Inductor's autotuner dropped, its three-line record whole, also when it repeats", () => {
    const record = (rank: number): string[] => [
      `[rank${rank}]:E0613 03:11:05.453000 1425839 torch/_inductor/select_algorithm.py:3924] [12/0] Runtime error during autotuning: `,
      `[rank${rank}]:E0613 03:11:05.453000 1425839 torch/_inductor/select_algorithm.py:3924] [12/0] No valid triton configs. OutOfMemoryError: out of resource: triton_mm Required: 262160 Hardware limit:232448 Reducing block sizes or \`num_stages\` may help.. `,
      `[rank${rank}]:E0613 03:11:05.453000 1425839 torch/_inductor/select_algorithm.py:3924] [12/0] Ignoring this choice.`,
    ];
    const ready = '[06-13 03:25:25] The server is fired up and ready to roll!';
    expect(category(...record(1), 'SingleProcess AUTOTUNE benchmarking takes 0.7672 seconds', ...record(1), ready)).toBe('healthy');
    expect(category(...record(1).slice(0, 2), ready)).not.toBe('healthy');
  });

  it("reads vLLM's sparse-attention indexer missing the DeepGEMM package as an import error (has_deep_gemm finds no module)", () => {
    expect(category('(Worker_TP0 pid=43972) ERROR 05-02 04:19:47 [multiproc_executor.py:870] RuntimeError: Sparse Attention Indexer CUDA op requires DeepGEMM to be installed.')).toBe('import-error');
  });
});
