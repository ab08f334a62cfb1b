// Readings made in the twenty-second session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { classifyLog } from '../../../harness/diagnose/classify.ts';
import { category } from '../../support/classify-lines.ts';

describe('round 97 readings', () => {
  it("reads argparse's usage that ends the log, cut before its error line, as the command line refused", () => {
    // CPython Lib/argparse.py: ArgumentParser.error prints the usage alone, then "<prog>: error: …"; -h prints it as the head of the help
    const usage = [
      'INFO 05-05 01:45:19 [__init__.py:239] Automatically detected platform cuda.',
      'usage: api_server.py [-h] [--host HOST] [--port PORT] [--uvicorn-log-level {debug,info,warning,error,critical,trace}]',
      '                     [--allowed-headers ALLOWED_HEADERS] [--api-key API_KEY] [--lora-modules LORA_MODULES [LORA_MODULES ...]]',
      '                     [--chat-template-content-format {auto,string,openai}]',
    ];
    expect(category(...usage)).toBe('other');
    expect(category(...usage, '```', '')).toBe('other');
    // the help (-h): its sections follow the usage, and nothing failed
    expect(category(...usage, '', 'options:', '  -h, --help            show this help message and exit')).toBe('unknown');
    // a usage a logger relayed at ERROR, its error line after it: that line is the failure, as before
    const relayed = ['usage: api_server.py [-h] [--host HOST]', '                     [--port PORT]', 'api_server.py: error: unrecognized arguments: --foo'].map((l) => `ERROR 03-18 17:17:56 [registry.py:330] ${l}`);
    expect(classifyLog(relayed.join('\n')).evidence.map((e) => e.line)).toEqual([3]);
    // the usage with the engine's start after it: not the end of the log
    expect(category(...usage.slice(0, 2), 'INFO 05-05 01:45:29 [api_server.py:1043] vLLM API server version 0.8.5.post1')).toBe('unknown');
  });

  it("reads SGLang 0.2-0.3's data-parallel controller dropping a request it does not route as the failure", () => {
    // fd9ad817ec449592ec58b1cb7b57ac2e55d49b02:python/sglang/srt/managers/controller_multi.py:177-180, logger.error(f"Invalid object: {recv_req}")
    expect(category("[14:26:31] Invalid object: UpdateWeightReqInput(model_path='/mnt/data/huggingface/models/Meta-Llama-3-8B', load_format='auto')")).toBe('other');
    expect(category('[14:26:31 TP0] Invalid object: FlushCacheReq()')).toBe('other');
    // not a bare message of another program
    expect(category('Invalid object: foo')).toBe('unknown');
  });

  it("reads Marlin finding no kernel configuration for a layer as the kernel refusing this configuration", () => {
    // vLLM v0.16.0:csrc/moe/marlin_moe_wna16/ops.cu:487-499 (and csrc/quantization/marlin/marlin.cu:475-488; SGLang's copies the same)
    expect(category(
      '  File "/nvme3/sglang/python/sglang/srt/layers/moe/fused_moe_triton/fused_marlin_moe.py", line 179, in fused_marlin_moe',
      '    intermediate_cache3 = torch.ops.sgl_kernel.moe_wna16_marlin_gemm.default(',
      'RuntimeError: Invalid thread config: thread_m_blocks = 1, thread_k = -1, thread_n = -1, num_threads = -1 for MKN = [24, 2880, 2880] and num_bits = 8, group_size = 64, has_act_order = 0, is_k_full = 1, has_zp = 0, is_zp_f',
    )).toBe('backend-unsupported');
  });

  it("reads the source line Python's warnings module quotes under a warning as the warning's, whatever level a relaying logger gave it", () => {
    // python/cpython 007650ba0eff0fda3c2e86633b7d2b5608f176ae:Lib/_py_warnings.py:154-169: `file:line: Category: message`, then `  <the line>`
    const relayed = (...ls: string[]): string[] => ls.map((l) => `ERROR 03-18 17:17:56 [registry.py:330] ${l}`);
    const cut = relayed(
      'RuntimeError: Error raised in subprocess:',
      "/envs/x/lib/python3.10/runpy.py:126: RuntimeWarning: 'vllm.model_executor.models.registry' found in sys.modules after import of package 'vllm.model_executor.models', but prior to execution of 'vllm.model_executor.models.registry'; this may result in unpredictable behaviour",
      '  warn(RuntimeWarning(msg))',
      'Traceback (most recent call last):',
      '  File "/envs/x/lib/python3.10/site-packages/transformers/utils/import_utils.py", line 1949, in _get_module',
      '    return importlib.import_module("." + module_name, self.__name__)',
    );
    // the wrapper and a traceback cut before its exception: the cause is not in the log, not the warning's source line
    expect(category(...cut)).toBe('unknown');
    // … and the traceback's exception, when it is there, decides
    expect(category(...cut, ...relayed("ImportError: cannot import name 'Gemma3Config' from 'transformers'"))).toBe('import-error');
  });

  it("reads NVIDIA Dynamo's HTTP frontend starting its service as a server that listened", () => {
    // linsj20/dynamo 40ca062fee4077c2bfd6a283d3d40415c79aad7d:lib/llm/src/http/service/service_v2.rs:126-133
    const up = [
      '2025-05-28T00:00:21.028Z  INFO dynamo_run::input::http: Watching for remote model at models',
      '2025-05-28T00:00:21.029Z  INFO dynamo_llm::http::service::service_v2: Starting HTTP service on: 0.0.0.0:8080 address="0.0.0.0:8080"',
    ];
    expect(category(...up)).toBe('healthy');
    // … and the bind's failure after it is the failure
    expect(category(...up, "thread 'tokio-runtime-worker' panicked at lib/llm/src/http/service/service_v2.rs:132:14:", 'could not bind to address: 0.0.0.0:8080')).not.toBe('healthy');
  });

  it("reads TabbyAPI's metrics of a finished generation as a request answered", () => {
    // theroyallab/tabbyAPI e632af41eba68abeadc3437c62674360f2f8cbf1:common/gen_logging.py:59-67,103 (log_metrics)
    expect(category('2025-06-01 10:00:00.000 INFO:     Metrics (ID: 3f9a): 128 tokens generated in 2.35 seconds (Queue: 0.0 s, Process: 0 cached tokens and 50 new tokens at 500.1 T/s, Generate: 60.2 T/s, Context: 50 tokens)')).toBe('healthy');
    // no token generated is no answer
    expect(category('INFO:     Metrics (ID: 3f9a): 0 tokens generated in 0.01 seconds (Queue: 0.0 s)')).toBe('unknown');
  });
});
