// Readings made in the fourteenth session from tuning logs and upstream sources (rounds 47-50), each general and with its source
// in the reader or message list it tests.
import { describe, expect, it } from 'vitest';
import { category } from '../../support/classify-lines.ts';

describe('rounds 47-50 readings', () => {
  const cut = ['Traceback (most recent call last):', '  File "/opt/conda/bin/text-generation-server", line 8, in <module>', '    sys.exit(app())'];

  it('reads an error that names nothing but that something failed, over a traceback cut before its exception, as a cause not in the log', () => {
    // TGI's logger.exception messages (server.py:283, interceptor.py:27 at v3.0.0) and text-generation-webui's (ui_model_menu.py:228)
    expect(category('2023-09-07T15:48:48.260924Z ERROR text_generation_launcher: Error when initializing model', ...cut)).toBe('unknown');
    expect(category('2024-03-30T14:16:55.617195Z ERROR text_generation_launcher: Method Warmup encountered an error.', ...cut)).toBe('unknown');
    expect(category('01:55:12-675028 ERROR Failed to load the model.', ...cut)).toBe('unknown');
    // … cut by a terminal in the logger's name, the rest still names nothing
    const wide = '2024-03-30T14:16:55.617195Z ERROR text_generation_launcher: Method Warmup encountered an error.';
    expect(category(wide.slice(0, 60), wide.slice(60), ...cut)).toBe('unknown');
  });

  it('keeps an error that names what failed, or why, as the cause over a cut traceback', () => {
    expect(category("ERROR    2024-06-02 08:21:46,304 infinity_emb ERROR: shape '[2, 512]' is invalid for input of size 524288", ...cut)).toBe('other');
    expect(category('01:55:12-675028 ERROR Failed to load the model: CUDA out of memory. Tried to allocate 2.00 GiB', ...cut)).toBe('oom');
    expect(category('2023-09-07T15:48:48.260924Z ERROR text_generation_launcher: Error when initializing model llama-70b from /data/x', ...cut)).toBe('other');
  });

  it("reads the 2024 llama.cpp server's finished generation and its /health answered 200 as a server that served", () => {
    const timing = 'INFO [           print_timings] generation eval time =   40157.40 ms /   327 runs   (  122.81 ms per token,     8.14 tokens per second) | tid="1" timestamp=1 id_slot=0 id_task=0';
    expect(category('INFO [            update_slots] kv cache rm [p0, end) | tid="1" timestamp=1 id_slot=0 id_task=0 p0=0', timing)).toBe('healthy');
    const json = '{"tid":"14964","timestamp":1717067386,"level":"INFO","function":"print_timings","line":337,"msg":"generation eval time =    3559.27 ms /    25 runs   (  142.37 ms per token,     7.02 tokens per second)","id_slot":0}';
    expect(category(json)).toBe('healthy');
    const request = (method: string, path: string): string => `INFO [      log_server_request] request | tid="1" timestamp=1 remote_addr="127.0.0.1" remote_port=59038 status=200 method="${method}" path="${path}" params={}`;
    expect(category(request('GET', '/health'))).toBe('healthy');
    // a model list answers while the model loads: no sign; nor a generation of no token
    expect(category(request('GET', '/v1/models'))).toBe('unknown');
    expect(category(timing.replace('/   327 runs', '/     0 runs'))).toBe('unknown');
  });

  it("reads TurboMind's forward step, TensorRT-LLM 0.5's example output and TRL's client finding its vLLM server up as signs of health", () => {
    expect(category('[TM][INFO] [Forward] [0, 1), dc_bsz = 0, pf_bsz = 1, n_tok = 23, max_q = 23, max_k = 23', '[TM][INFO] ------------------------- step = 30 -------------------------')).toBe('healthy');
    expect(category('Input: "Born in north-east France, Soyer trained as a"', 'Output: "chef in a a a a"')).toBe('healthy');
    expect(category('Input: "Born in north-east France, Soyer trained as a"', 'Output(beam: 1): "chef in Paris"')).toBe('healthy');
    expect(category('Input: "Born in north-east France, Soyer trained as a"', 'Output: ""')).toBe('unknown');
    expect(category('[2025-09-08 15:48:34,384][INFO] Server is up!')).toBe('healthy');
  });

  it("reads Ray's header for a Ray Serve replica's task as no cause of its own over a traceback cut before the remote exception", () => {
    const header = 'ray.exceptions.RayTaskError(RuntimeError): ray::ServeReplica:llm:VLLMDeployment.initialize_and_get_metadata() (pid=1281, ip=192.168.249.61, actor_id=59f4228b828029ccf7b02ec701000000, repr=<ray.serve._private.replica.ServeReplica:llm:VLLMDeployment object at 0x7fa5a0d528d0>)';
    const frames = ['  File "/home/ray/anaconda3/lib/python3.11/site-packages/ray/serve/_private/replica.py", line 631, in initialize_and_get_metadata', '    raise RuntimeError(traceback.format_exc()) from None'];
    expect(category(header, ...frames, 'RuntimeError: Traceback (most recent call last):', '  File "/home/ray/anaconda3/lib/python3.11/site-')).toBe('unknown');
    expect(category(header, ...frames, 'RuntimeError: Current node has no GPU available. Try setting num_gpus')).toBe('other');
  });

  it('reads an error that says its cause is above as a wrapper', () => {
    expect(category("RuntimeError: Frontend process failed during engine core initialization. See root cause above. Failed frontend proc(s): {'ApiServer_1': None}")).toBe('unknown');
  });

  it("reads Triton's poll of a model directory that failed, with its reason, as the failure", () => {
    const before = ['I1011 08:02:59.084125 1 model_config_utils.cc:637] autofilled config: name: "1"'];
    expect(category(...before, "E1011 08:02:59.084688 1 model_repository_manager.cc:1919] Poll failed for model directory '1': unexpected platform type  for 1")).toBe('other');
    expect(category(...before)).toBe('unknown');
    // cut by an 80-column terminal at the space after "model": the reason is read from the pieces joined every way
    const cut = ['E1011 08:02:59.084688 12 model_repository_manager.cc:1919] Poll failed for model', "directory '1': unexpected platform type  for 1"];
    expect(cut[0]!.length).toBe(80);
    expect(category(before[0]!.replace(' 1 ', ' 12 '), ...cut)).toBe('other');
  });

  it("does not read vLLM's warning that Ray is missing, needed only for distributed inference, as the cause", () => {
    const ray = 'WARNING 04-09 14:13:01 ray_utils.py:70] Failed to import Ray with ModuleNotFoundError("No module named \'ray\'"). For distributed inference, please install Ray with `pip install ray`.';
    expect(category(ray, 'Traceback (most recent call last):', '  File "/workspace/vllm/entrypoints/openai/api_server.py", line 157, in <module>')).toBe('unknown');
    // another module missing, warned the same way, is still the only failure the log names
    expect(category(ray.replace("'ray'", "'xformers'").replace('. For distributed inference, please install Ray with `pip install ray`.', '.'), 'Traceback (most recent call last):', '  File "/workspace/vllm/entrypoints/openai/api_server.py", line 157, in <module>')).toBe('import-error');
  });

  it("reads an OpenAI-compatible server's error response, as its client prints it, as the request's failure", () => {
    expect(category('{"object":"error","message":"As of transformers v4.44, default chat template is no longer allowed, so you must provide a chat template if the tokenizer does not define one. None","type":"BadRequestError","param":null,"code":400}')).toBe('other');
    expect(category('{"error":{"message":"CUDA out of memory. Tried to allocate 2.00 GiB","type":"InternalServerError","param":null,"code":500}}')).toBe('oom');
    // a JSON log record is read as before: its message and level
    expect(category('{"level":"INFO","message":"Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)"}')).toBe('healthy');
  });

  it("reads ptxas refusing two of an instruction's modifiers together as the kernel refused, not the toolchain", () => {
    const ptxas = "ERROR 03-27 12:41:06 [core.py:344] ptxas /tmp/tmp6qa78v4o.ptx, line 601; error   : Modifier '.evict_last' cannot be combined with modifier '.cg'";
    expect(category('ERROR 03-27 12:41:06 [core.py:344] `ptxas` stderr:', ptxas, 'ERROR 03-27 12:41:06 [core.py:344] RuntimeError: Internal Triton PTX codegen error')).toBe('backend-unsupported');
    // ptxas too old for the target stays the toolchain's
    expect(category("ptxas fatal   : Value 'sm_120' is not defined for option 'gpu-name'", 'RuntimeError: Internal Triton PTX codegen error')).toBe('ptx-toolchain');
  });

  it("reads Xinference's log of a model call that raised, with the exception's message, as that failure", () => {
    const leave = (e: string): string => `2025-03-12 09:29:12,291 xinference.core.model 822191 ERROR    [request 753373ba] Leave chat, error: ${e}, elapsed time: 0 s`;
    expect(category(leave('You set image=2 (or defaulted to 1) in `--limit-mm-per-prompt`, but passed 3 images in the same prompt'))).toBe('other');
    expect(category(leave('CUDA out of memory. Tried to allocate 2.00 GiB'))).toBe('oom');
  });

  it("reads AutoAWQ naming a model type it does not support, and LLaVA's image run through CLIP", () => {
    expect(category('Traceback (most recent call last):', '  File "/usr/local/lib/python3.10/dist-packages/awq/models/auto.py", line 45, in check_and_get_model_type', "TypeError: gemma3 isn't supported yet.")).toBe('unsupported-model');
    expect(category('encode_image_with_clip: image embedding created: 2880 tokens', '', 'encode_image_with_clip: image encoded in   433.94 ms by CLIP (    0.15 ms per image patch)')).toBe('healthy');
  });

  it("does not read vLLM's probes of other platforms, or its optional Intel ops missing, as an import that failed", () => {
    const relayed = (level: string, text: string): string => `2025-07-24T08:13:32.309Z  WARN dynamo_run::subprocess: 2025-07-24T08:13:32.308Z ${level} __init__.tpu_platform_plugin: ${text}   `;
    expect(category(relayed('DEBUG', 'Checking if TPU platform is available.'), relayed('DEBUG', "TPU platform is not available because: No module named 'libtpu'"))).toBe('unknown');
    expect(category("(APIServer pid=1023353) WARNING 09-30 23:47:19 [_ipex_ops.py:16] Import error msg: No module named 'intel_extension_for_pytorch'", 'INFO 09-30 23:47:20 [__init__.py:216] Automatically detected platform cuda.')).toBe('unknown');
    // CUDA's own probe failing on a GPU host, or another module missing, still names the failure
    expect(category(relayed('WARN', "CUDA platform is not available because: No module named 'pynvml'"))).toBe('import-error');
  });

  it("reads Ray Serve's controller stopping a replica whose start raised as a wrapper of the replica's own error", () => {
    const controller = "(ServeController pid=770463) ERROR 2025-02-27 23:48:16,631 controller 770463 -- Exception in Replica(id='0m8tuxh6', deployment='VLLMDeployment', app='default'), the replica will be stopped.";
    const frames = ['(ServeController pid=770463) Traceback (most recent call last):', '(ServeController pid=770463)   File "/usr/local/lib/python3.10/dist-packages/ray/serve/_private/deployment_state.py", line 694, in check_ready'];
    expect(category(controller, ...frames)).toBe('unknown');
    expect(category(controller, ...frames, '(ServeController pid=770463) torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB')).toBe('oom');
  });

  it('reads architectures a list names as not registered, and a feature only listed model classes support, as the model unsupported', () => {
    expect(category("_UnsupportedArchitectureError: Model architectures ['GraniteMoeHybridForCausalLM'] not registered in tpu-inference._")).toBe('unsupported-model');
    expect(category("NotImplementedError: Pipeline parallelism is only supported for the following  architectures: ['AquilaForCausalLM', 'AquilaModel', 'DeepseekV2ForCausalLM']")).toBe('unsupported-model');
    // newer tpu-inference falls back to vLLM's own model and goes on: a warning, no failure
    const fallback = "WARNING 11-20 10:00:00 [model_loader.py:675] Model architectures ['GraniteMoeHybridForCausalLM'] not registered in tpu-inference. Falling back to vLLM-native Pytorch definition. JAX-native architectures: ['LlamaForCausalLM']";
    expect(category(fallback, 'INFO:     Application startup complete.')).toBe('healthy');
  });
});
