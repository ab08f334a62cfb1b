// Readings made in the twentieth session from tuning logs of rounds 77-82 and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';
import { readLog } from '../../../harness/diagnose/log-lines.ts';

describe('round 77-82 readings', () => {
  it("reads a log Slurm's srun --label carries as the log it carries, each task's lines its own", () => {
    // the slurm man page, srun -l/--label: "Prepend task number to lines of stdout/err" ("0: ", padded to the widest task id)
    const traceback = [
      '[2025-03-05 03:55:55 TP0] Scheduler hit an exception: Traceback (most recent call last):',
      '  File "/sgl-workspace/sglang/python/sglang/srt/model_executor/model_runner.py", line 463, in init_weights_update_group',
      '    dist.barrier(group=self._model_update_group, device_ids=[self.gpu_id])',
      '  File "/usr/local/lib/python3.10/dist-packages/torch/distributed/distributed_c10d.py", line 4159, in barrier',
      '    work = group.barrier(opts=opts)',
      "torch.distributed.DistBackendError: [1] is setting up NCCL communicator and retrieving ncclUniqueId from [0] via c10d key-value store by key '0', but store->get('0') got error: failed to format addr, unknown family=0",
    ];
    expect(category(...traceback.map((l) => `0: ${l}`))).toBe('nccl');
    // two tasks, their tracebacks interleaved line by line: each read on its own
    const two = traceback.flatMap((l) => [`0: ${l}`, ` 1: ${l.replace('TP0', 'TP1')}`]);
    expect(category(...two)).toBe('nccl');
    // each line read as the same line without its label, once (a page's escapes and colours not undone twice)
    const lines = ['Loading \x1b[1mmodel\x1b[0m &amp;lt;weights&amp;gt;', "  File \"/x/model_runner.py\", line 463, in init", '\u201cquoted\u201d \\\\_x'];
    expect(readLog(lines.map((l) => `0: ${l}`).join('\n')).map((l) => l.text)).toEqual(readLog(lines.join('\n')).map((l) => l.text));
    // a log that is not srun's keeps a line's own "1: " (TensorRT's coded errors)
    const trt = ['[TensorRT-LLM][INFO] Loading engine', '[TensorRT-LLM][INFO] Engine version 0.9.0 found in the config file', '1: [stdArchiveReader.cpp::StdArchiveReaderInitCommon::46] Error Code 1: Serialization (Serialization assertion stdVersionRead == serializationVersion failed.)', '2: [runtime.cpp::deserializeCudaEngine::50] Error Code 4: Internal Error (Engine deserialization failed.)'];
    expect(readLog(trt.join('\n')).map((l) => l.text.slice(0, 3))).toEqual(['Loa', 'Eng', '1: ', '2: ']);
  });

  it("reads SGLang's failed weight update, logged at ERROR in a format that writes no level, as the failure after the requests it answered", () => {
    // BBuf/sglang 65d3b47f630f86262781702109b56d3290af39cf: utils/common.py:1307-1308 (the format, no level); model_executor/model_runner.py:1868-1872
    const served = '(SGLangEngine pid=1493437) [2026-05-21 16:07:40] INFO:     7.150.10.22:41174 - "POST /update_weights_from_distributed HTTP/1.1" 200 OK';
    const failed = '(SGLangEngine pid=1493437) [2026-05-21 16:07:41 DP6 TP6] Failed to update parameter online: start out of range (expected to be in range of [-1, 0], but got 1). The full weights of the ModelRunner are partially updated. Please discard the whole weights.';
    expect(category(served, served, failed)).toBe('other');
    // … survived when the server goes on answering after it (the labelling guide, rule 2)
    expect(category(served, failed, served, served.replace('update_weights_from_distributed', 'generate'))).toBe('healthy');
  });

  it("reads Ascend's runtime finding no NPU (ACL_ERROR_RT_NO_DEVICE, 207004) as the device not visible through the driver", () => {
    // mindspore-ai/graphengine 12cc072fdb0c:inc/external/runtime/rt_error_codes.h:54, ACL_ERROR_RT_NO_DEVICE = 207004 ("no device")
    expect(category('INFO 11-18 09:33:12 [importing.py:63] Triton not installed or not compatible; certain GPU-related functions will not be available.', 'RuntimeError: init:build/CMakeFiles/torch_npu.dir/compiler_depend.ts:292 NPU function error: aclrtGetDeviceCount(&device_count), error code is 207004', '[ERROR] 2025-11-18-09:33:13 (PID:42, Device:-1, RankID:-1) ERR00100 PTA call acl api failed')).toBe('driver-mismatch');
  });

  it("reads rocBLAS giving up on its kernel library (\"rocBLAS error: Cannot read …/TensileLibrary.dat\") as the failure before its abort", () => {
    // ROCm/rocBLAS rocm-6.2.2:library/src/tensile_host.cpp:817-837, TensileHost::initialize: the message, then rocblas_abort()
    const head = 'time=2024-01-10T10:00:00.000Z level=INFO source=server.go:1 msg="starting llama server"';
    expect(category(head, 'rocBLAS error: Cannot read /opt/rocm/lib/rocblas/library/TensileLibrary.dat: Illegal seek')).toBe('other');
    // … not its report that no kernel fits a problem, after which it returns a status and goes on
    expect(category(head, 'rocBLAS error: No Tensile solution found for { a_type: "f16_r" }')).toBe('unknown');
  });

  it("reads an NCCL call's failure reported with its status (ik_llama.cpp's \"ncclAllReduce failed with status 1\") as the cause of the abort after it", () => {
    // ikawrakow/ik_llama.cpp f7923739cc88:ggml/src/ggml-cuda/reduce.cu, ggml_cuda_op_reduce: fprintf(stderr, "%s: ncclAllReduce failed with status %d\n", …), then GGML_ABORT("Fatal error")
    expect(category('ggml_cuda_init: found 2 CUDA devices:', 'ggml_cuda_op_reduce: ncclAllReduce failed with status 1', '=============================== NCCL main communicator initialized', '/root/ik_llama.cpp/ggml/src/ggml-cuda/reduce.cu:169: Fatal error')).toBe('nccl');
  });
});
