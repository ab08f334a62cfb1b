// Cleaning one log line the way a person reads it: ANSI colours, process prefixes, logger headers
// (vLLM, Python logging, SGLang, glog, TensorRT-LLM) with the level they name, timestamps, quote and
// bullet marks of a pasted issue, Docker, compose and journald prefixes. Pure.
import { stripVTControlCharacters } from 'node:util';
import { jsonRecord } from './json-record.ts';
import { loggedAtError } from './unlevelled-errors.ts';

/** What a carrier writes before each line it carries: a quote, journald, docker's timestamps, kubectl, RunPod's console, docker compose. */
const CARRIERS: RegExp[] = [
  /^\s*>\s?/, // markdown quote of a pasted log
  /^\s*\S{3,5} {1,2}\d{1,2} \d\d:\d\d:\d\d (?:[\w.-]+ )?[\w.-]+\[\d+\]:(?:\s|$)/, // journald / syslog: `Aug 18 14:15:04 host python3[1]: `, also without its host (`Sep 24 22:07:36 ollama[424410]: `), and alone on a blank line, its space trimmed
  // the CRI log format of a Kubernetes node's container logs (/var/log/pods, read without kubectl): an RFC 3339 time with its zone, the
  // stream, P or F (a partial line or the full one), then the line (kubernetes/kubernetes pkg/kubelet/kuberuntime/logs/logs.go, parseCRILog:
  // "2016-10-06T00:17:09.669794203Z stderr F log content 2", as the code index's copies of it quote the format; no commit at hand)
  /^\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) (?:stdout|stderr) [PF] /,
  /^\s*\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z?(?: |\s+(?=\S)|$)/, // docker --timestamps: one space, then the line as written (its indentation kept)
  /^\s*\[pod\/[^\]\s]+\](?:\s|$)/, // kubectl logs --prefix: `[pod/vllm-7d9f8c6b5-x2x9z/vllm] ` (alone on an empty line, its space trimmed by a paste)
  /^\s*[a-z0-9]{8,24}\[(?:info|error|warn|warning|debug)\]/, // RunPod's console: the worker's id glued to the stream's tag, `datgo1t12vudsh[info]`, the line's indentation kept
  /^\s*(?!(?:TRACE|DEBUG|INFO|SUCCESS|WARNING|ERROR|CRITICAL)\s)[A-Za-z][\w.-]*(?:[-_]\d+\s+|\s{2,})\|(?:\s|$)/, // docker compose service prefix: `runner-llm-1  | `, `vllm-qwen  | `
  // … and docker-compose 1.x's, the name padded to the longest service name plus 3 and then ' |': a container_name longer than that
  // is not padded, one space (`qanything-container-local | `; docker/compose 5078261b739b252a971f3c1cdc557f3ad5fb0886:compose/cli/log_printer.py:26-30,
  // LogPresenter.present, and :49-56, max_name_width), read only for a name of words joined by - or _ as container names are, and not in a
  // table's row (`| tensorrt_llm | 1 | READY |`, Triton's model table, its first `|` read as a frame)
  /^\s*(?!(?:TRACE|DEBUG|INFO|SUCCESS|WARNING|ERROR|CRITICAL)\s)(?=[A-Za-z][\w.]*[-_])[A-Za-z][\w.-]* \|(?:\s|$)(?!.*\|\s*$)/,
];

/**
 * Slurm's `srun --label` writes each task's lines behind the task's number, padded to the widest ("0: ", " 3: ", "12: "): the slurm man
 * page, srun -l/--label, "Prepend task number to lines of stdout/err". Read as the carrier only where it carries the log (half its
 * lines at least, a terminal's cut rests being unlabelled, and three lines or more, or every line of a short excerpt behind one task's
 * label): a line of its own that begins "1: " among others (TensorRT's "1: [stdArchiveReader.cpp::…] Error Code 1") keeps it.
 */
const SRUN_LABEL = /^ {0,4}(\d{1,5}): /;
const ANY_LABEL = /\d: /;

/**
 * A log srun's --label carries (half its lines, `skip` aside, at least), its lines without the label, and each line's process: with
 * more than one task, its task's, then the one its own tags name within the task (srun's own lines, unlabelled, keep theirs). Else null.
 */
export function srunCarried(lines: readonly string[], skip: (line: string) => boolean): { lines: string[]; task: (i: number, proc: string | null) => string | null; labelled: (i: number) => boolean } | null {
  // (most logs hold no "<digits>: " at all: read no further, every log is read through here)
  if (!lines.some((l) => ANY_LABEL.test(l))) return null;
  // (the label behind what a carrier of srun's output wrote before it: docker's timestamps, journald, a markdown quote)
  const bodies = lines.map(withoutCarrier);
  // (srun pads a label to the widest task number only: "    0: " under four spaces is no label of a run of ten tasks or fewer — it is
  // the numbered list of anyhow's causes, `{: >5}: `, dtolnay/anyhow 1.0.104:src/fmt.rs:84)
  const widest = Math.max(0, ...bodies.map((b) => SRUN_LABEL.exec(b)?.[1]!.length ?? 0));
  const split = lines.map((l, i) => {
    const body = bodies[i]!;
    const found = SRUN_LABEL.exec(body);
    const label = found && found[0].length - 2 <= widest ? found : null;
    return { carrier: l.slice(0, l.length - body.length), body, task: label?.[1] ?? null, rest: label ? body.slice(label[0].length) : body };
  });
  const filled = split.filter((x, i) => x.body.trim() !== '' && !skip(lines[i]!));
  const labelled = filled.filter((x) => x.task !== null).length;
  const tasks = new Set(split.map((x) => x.task).filter((t) => t !== null));
  // (a short excerpt, every line of it behind one task's label, is srun's too)
  if (labelled < 0.5 * filled.length || (labelled < 3 && !(labelled === filled.length && tasks.size === 1))) return null;
  const many = tasks.size > 1;
  const task = (i: number, proc: string | null): string | null => (many && split[i]!.task ? `task ${split[i]!.task}${proc === null ? '' : `/${proc}`}` : proc);
  // (srun writes its label at the start of each line a task writes: a labelled line is never the rest of one a terminal cut)
  return { lines: split.map((x) => x.carrier + x.rest), task, labelled: (i) => split[i]!.task !== null };
}

/** A line without what a carrier wrote before it (`vllm-1  | `, `> `, …), for reading its structure (a table's row). */
export function withoutCarrier(line: string): string {
  let s = line;
  for (let guard = 0; guard < 4; guard++) {
    const before = s;
    for (const p of CARRIERS) s = s.replace(p, '');
    if (s === before) break;
  }
  return s;
}

/** A markdown bullet in front of a pasted line (`- nvidia-smi ok`). */
const BULLET = /^\s*[-*+] (?=\S)/;

/** A line pasted as a markdown list item, under whatever carrier wrote it: a person's checklist, not a program's output. */
export function isBulletLine(line: string): boolean {
  return BULLET.test(withoutCarrier(line));
}

/** The command or assignment a shell's trace line shows. */
const TRACED_COMMAND = String.raw`[A-Za-z_][\w./-]*(?:=| |$)`;
/**
 * The shell's trace of a command under `set -x`: PS4's "+ " once per level of indirection, then the command or assignment
 * (GNU Bash 5.2 reference manual, Bash Variables: PS4; "++ python -m …", "+ OUTPUT=…"). The shell's own line, not a message's rest.
 */
export const SHELL_TRACE = new RegExp(String.raw`^\++ ${TRACED_COMMAND}`);

/** Leading prefixes, removed repeatedly in any order. */
const PREFIXES: RegExp[] = [
  ...CARRIERS,
  /^\s*[│|]\s?/, // box-drawing frames and `docker compose` column separators
  /^\s*\*\*/, // bold marks around pasted lines
  /^\s*`(?!``)/, // an inline-code mark in front of a pasted line: `ValueError: …`
  // progress dots another writer left on the line before a record's header, written without a newline (`....[rank0]:[E623 …] …`,
  // `.INFO 06-23 13:45:34 [executor_base.py:113] …`, as an Ascend NPU's start prints them): not the record's
  /^\.{1,200}(?=\[|(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\b)/,
  // a code fence with the log's first line on the same row, as a paste opens its block: ```(Worker_TP1 pid=4) ERROR … (a language's
  // name, the fence's own info string, has no space: ```python stays a fence, log-lines.ts FENCE)
  /^\s*(?:```|~~~)(?=\S*\s+\S)/,
  /^\s*[\w-]*\.py:\d+\]\s/, // the tail of a logger header that a terminal cut: `r_utils.py:236] `
  // a markdown bullet in front of a pasted line; not a shell's trace of a command (SHELL_TRACE), which keeps its mark
  new RegExp(String.raw`^\s*(?:[-*] |\+ (?!${TRACED_COMMAND}))(?=\S)`),
  // an issue form's title tag carried in front of a pasted line (SGLang's "[Bug] ", vLLM's "[Bug]: ", "[Usage]: ", …), before a log's own header
  /^\s*\[(?:Bug|Usage|Feature|Performance|Installation|Misc|Doc|RFC|Question)\]:?\s+(?=\[|\d{4}-\d\d-\d\d|(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\b)/,
  /^\s*(?:<\/?[a-zA-Z][^>]*>\s*)+/, // HTML colour tags of a log copied from a terminal page
  /^\s*\((?:[\w.-]+(?:\s+rank=\d+)?\s+)?pid=[^)]*\)\s?/, // (EngineCore_DP0 pid=1) (VllmWorker rank=1 pid=2)
  /^\s*\([\w.-]+(?:\s+pid=\d+)?(?:,\s*ip=[\d.]+)?\)\s?/, // (RayWorkerWrapper pid=1, ip=…) (APIServer)
  /^\s*\[rank\d+\]:\s?/, // [rank0]:
  /^\s*\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[.,]\d+)?(?: [^\]]*)?\]\s?/, // SGLang: [2025-01-01 10:00:00 TP0]
  /^\s*\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]\s?/, // a CI console's bracketed ISO time (Buildkite's: [2025-12-13T19:54:35Z])
  /^\s*\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?\s+/, // generic timestamps
  /^\s*\[\d\d\/\d\d\/\d{4}-\d\d:\d\d:\d\d\]\s?/, // TensorRT-LLM: [06/10/2025-02:50:21]
];

/** vLLM's logger header: `ERROR 07-07 15:19:51 [core.py:515] ` or the older `INFO 12-25 12:06:02 file.py:123] `. */
const VLLM_HEADER = /^\s*(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s+(?:\d{4}-)?\d\d-\d\d\s+\d\d:\d\d:\d\d(?:\.\d+)?(?:\s+|$)(?:\[?[\w./-]+(?::\d+)?\]\s?|core\.py[^\]]*\]\s?)?/;
/** Python logging default / SGLang header: `ERROR:root:`, `WARNING:sglang…:`, `INFO: `. */
const PY_HEADER = /^\s*(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):(?:[\w.]*:)?\s?/;
/** A bracketed level (NIM's Python logging `[INFO] `, `[WARNING] `; lighteval's padded `[    INFO]: `). */
const BRACKET_HEADER = /^\s*\[\s*(TRACE|DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)\]:?\s?/;
/**
 * Rust's tracing (TGI's launcher and router): `ERROR text_generation_launcher: `, `WARN shard-manager: …: `, `ERROR batch{…}:prefill: router::client: src/x.rs:54: `;
 * also a Python record Dynamo hands its tracing, whose target is `module.funcName` (`ERROR engine.run_mp_engine: `: ai-dynamo/dynamo
 * 00810a7b6a4b8cafa26c87311fb93cae9d1d9057:lib/bindings/python/src/dynamo/runtime/logging.py:29-44, LogHandler.emit, the vLLM and SGLang
 * loggers routed to it; lib/runtime/src/logging.rs, log_message `.target(module)` written by `fmt::format().compact()`); its parts in
 * lower case, not an exception's dotted class (`ERROR torch.cuda.OutOfMemoryError: …` keeps its name).
 */
const TRACING_HEADER = /^\s*(TRACE|DEBUG|INFO|WARN|ERROR) (?:[a-z][\w-]*(?:::[\w-]+|\.[a-z_][a-z\d_]*)*(?:\{[^}]*\})*:)+\s(?:[a-z][\w-]*(?:::[\w-]+)*: )?(?:[\w./-]+\.rs:\d+: )?/;
/** …and such a header that a terminal cut before its message began (`ERROR batch{batch_size=1}:prefill: text_generation_rou`). */
const TRACING_CUT = /^\s*(TRACE|DEBUG|INFO|WARN|ERROR) [a-z][\w-]*(?:\{[^}]*\}|::?[\w-]+|\{[^}]*$)*(?::\s*[a-z][\w:-]*)*(?::\s*[\w./-]*)?$/;
/**
 * A message that says it is a warning (`Warning: …`, as C++ libraries and tools write it; ExLlamaV2 prints its own after "## ",
 * turboderp-org/exllamav2 da07facd10b5c7f35b03664c41a3090c9f093de5:exllamav2/attn.py:41): no failure of its own.
 */
const WARNING_WORD = /^\s*(?:#{1,6} ?)?(Warning):\s/;
/**
 * Python logging's common `%(asctime)s - %(name)s - %(levelname)s - ` (its date already cut as a
 * timestamp; the message from the one space after its dash, its own indentation kept: a relayed traceback's `  File …`) and KServe's `%(asctime)s %(process)d %(name)s %(levelname)s [%(funcName)s():%(lineno)s] `.
 */
const DASHED_HEADER = /^\s*(?:-\s+)?(?:[\w.-]+\s+-\s+)?(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\s+-\s|^\s*\d+ [\w.-]+ (DEBUG|INFO|WARNING|ERROR|CRITICAL) \[[^\]]*\]\s?/;
/**
 * Xinference's logging (its timestamp already cut as one): `%(asctime)s %(name)-12s %(process)d %(levelname)-8s %(message)s`
 * (xorbitsai/inference v1.10.0:xinference/deploy/utils.py:71): `xinference.api.restful_api 7 ERROR    `.
 */
const NAME_PID_HEADER = /^\s*[A-Za-z_][\w.]*\s+\d+ (DEBUG|INFO|WARNING|ERROR|CRITICAL)(?:\s+|$)/;
/** loguru (LMDeploy, NIM tools): `INFO     | module:function:12 - ` after its timestamp. */
const LOGURU_HEADER = /^\s*(TRACE|DEBUG|INFO|SUCCESS|WARNING|ERROR|CRITICAL)\s*\|\s*[\w.:<>-]+ - /;
/**
 * glog (C++: Triton server, PyTorch's c10): `E0530 02:04:50.281196 2894 model_lifecycle.cc:638] `, `[W924 19:01:01.26 x.cpp:16] `;
 * and abseil's log before its time zone is loaded (XLA/JAX, TensorFlow), the Unix time in the seconds' place:
 * `E0000 00:00:1733220000.123456    1234 cuda_dnn.cc:8310] ` (abseil/abseil-cpp 20260817.0:absl/log/internal/log_format.cc:102-103).
 */
const GLOG_HEADER = /^\s*\[?([IWEF])\d{3,4} \d\d:\d\d:\d{2,10}\.\d+(?:\s+(?:\d+ )?[\w./-]+:\d+\]\s?|(?:\s+\d+)?(?:\s+[\w./-]+)?\s*$)/;
/**
 * TensorRT-LLM: `[TensorRT-LLM][ERROR] `, `[TRT-LLM] [E] ` (its Python logger: `[F]` INTERNAL_ERROR, `[E]`, `[W]`, `[I]`, `[V]`,
 * 11e14500f35dd781b535ba009c906f55ecfee3b5:tensorrt_llm/logger.py:39-43,94), and TensorRT's own messages through the
 * `trt.Logger` it hands TensorRT (same file, :55): `[TRT] [E] `.
 */
const TRTLLM_HEADER = /^\s*\[(?:TensorRT-LLM|TRT-LLM|TRT)\]\s*\[(ERROR|WARNING|INFO|DEBUG|VERBOSE|[EWIVDF])\]\s?/;
/**
 * LMDeploy's TurboMind: its logger's `[TM][WARNING] ` (v0.10.0:src/turbomind/utils/logger.h:103, `[TM][LEVEL][rank] ` at :108)
 * and its failed checks' `[TM][FATAL] ` before it aborts (v0.10.0:src/turbomind/core/check.cc:79).
 */
const TURBOMIND_HEADER = /^\s*\[TM\]\[(FATAL|ERROR|WARNING|INFO|DEBUG|TRACE)\](?:\[\d+\])?\s?/;
/**
 * llama.cpp's common log with timestamps (`--log-timestamps`, on in llama-server's newer builds): `0.08.526.749 I ` — minutes,
 * seconds, milliseconds, microseconds, then the level letter (30037a74a9f46f0248b6760c8de97f419651d167:common/log.cpp,
 * common_log_entry::print).
 */
const LLAMACPP_HEADER = /^\s*\d+\.\d\d\.\d{3}\.\d{3} ([IWED]) /;
/**
 * Lemonade Server's log (its aixlog sink, "%Y-%m-%d %H:%M:%S.#ms [#severity] (#tag_func) #message", the severity written `Info`,
 * `Warn`, `Error`: lemonade-sdk/lemonade e385039ed33551de7f54cb73194cd08088772c08:src/cpp/include/lemon/runtime_config.h:104,
 * include/lemon/utils/aixlog.hpp:200-222); under the tag `Process` it relays a backend's own output (llama-server's), at ERROR when the
 * line holds the word "error", else at INFO (server/utils/platform/process_linux.cpp:39-56): such a line keeps its own meaning.
 */
const AIXLOG_LEVELS = 'Trace|Debug|Info|Notice|Warn|Error|Fatal';
const LEMONADE_HEADER = new RegExp(String.raw`^\s*\[(?:${AIXLOG_LEVELS})\] \(Process\) |^\s*\[(${AIXLOG_LEVELS})\] \([\w:.-]{1,80}\) `);
/**
 * FastChat (and LLaVA, which copies it): `%(asctime)s | %(levelname)s | %(name)s | ` after its timestamp; its logger
 * `stderr` relays the process's stderr whole at ERROR (0e6d3e4beaab66f4d3f93db72541a4abab8af28d:fastchat/utils.py:30,55-57),
 * so a stream's line keeps the level of its own header, if any, not ERROR.
 */
const PIPED_HEADER = /^\s*(DEBUG|INFO|WARNING|ERROR|CRITICAL) \| (?!(?:stderr|stdout) \|)[\w.-]+ \| |^\s*(?:DEBUG|INFO|WARNING|ERROR|CRITICAL) \| (?:stderr|stdout) \| /;
/**
 * UCX's log line (the transport NIXL, Dynamo's and vLLM's KV-cache connectors, LMCache and MPI run on): `[<sec>.<usec>] [<host>:<pid>:<thread>]
 * <file>:<line> <component> <LEVEL> ` — "%17s:%-4u %-4s %-5s" after the time and the process's data, the component "UCX" by default,
 * the level one of ucs_log_level_names (openucx/ucx 9466d104a317c8ffddd9734e72055d8bbda021b3:src/ucs/debug/log.c:29-41 UCS_LOG_FMT and
 * UCS_LOG_SHORT_FMT, :68-83 the names; the default component src/ucs/config/global_opts.c:25). Its trace levels (DIAG, REQ, DATA, …) are
 * read as no level of their own.
 */
const UCX_HEADER = /^\s*\[\d{9,11}\.\d{6}\] \[[^\]]{1,200}\] +[\w.-]{1,80}:\d+ +[A-Z][\w-]{0,15} +(?:(FATAL|ERROR|WARN|INFO|DEBUG|TRACE)|DIAG|REQ|DATA|ASYNC|FUNC|POLL|PRINT) +/;
/**
 * A time of day and a level, the common console forms without a date: Rich's RichHandler (`12:01:02-345678 INFO     `, its
 * log_time_format set as text-generation-webui sets it, oobabooga/text-generation-webui 1dcde41d03d1:modules/logging_colors.py:51-52,
 * or its default `[12/03/24 10:00:00] INFO     `, the level padded to 8), zerolog's console writer (`1:38AM INF `, levels written as
 * three letters: rs/zerolog v1.33.0:console.go, consoleDefaultFormatLevel; LocalAI logs through it).
 */
const TIMED_LEVEL_HEADER = /^\s*(?:\[\d\d\/\d\d\/\d\d(?:\d\d)? \d\d:\d\d:\d\d\]|\d{1,2}:\d\d(?::\d\d(?:[-.,]\d{1,9})?)?(?:AM|PM)?) +(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL|TRC|DBG|INF|WRN|ERR|FTL|PNC)(?: +|$)/;
/**
 * A level word alone before the message, once a date and time were cut as a timestamp: Python logging's `%(asctime)s %(levelname)s
 * %(message)s` and the like (`2024-05-01 10:00:00,123 INFO  Loaded …`, its date cut), Go's and Rust's plain loggers; and the level
 * padded to its column with the process id after it, `%(asctime)-15s %(levelname)-8s %(process)d %(message)s` (RAGFlow's root
 * logger, infiniflow/ragflow adaea3267c1911dc334cdfd92db8dd73754db611:common/log_utils.py, init_root_logger: `ERROR    14 …`).
 */
const BARE_LEVEL_HEADER = /^\s*(?:(DEBUG|INFO|ERROR) {2,}\d{1,7}(?: +|$)|(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL)(?: +|\t)(?=[^\s[]))/;
/**
 * OpenVINO Model Server's loggers (spdlog): `[%Y-%m-%d %T.%e][%t][%n][%l][%s:%#] ` — time, thread, the logger's name (serving,
 * modelmanager, mediapipe, llm_executor, …), level, source file and line (openvinotoolkit/model_server
 * 7e4df0c7ae340972bad15020ad777bbba3ee321d:src/logging.cpp:48, every logger set to it at :71-80); spdlog writes the level by its
 * full name, "trace", "debug", "info", "warning", "error", "critical" (gabime/spdlog 7481a8ecf763eebc7463e16ebb29578b1bf9b57b:
 * include/spdlog/common.h, level_names). A paste may have lost the time or the thread's field.
 */
const OVMS_HEADER = /^\s*(?:\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)?\])?(?:\[\d{1,10}\])?\[[a-z_]{1,40}\]\[(trace|debug|info|warning|error|critical)\]\[[\w./-]{1,200}:\d+\] ?/;
/** NIM's Rust SDK (logged inside its Python JSON records): `[09-25 19:03:45.989 ERROR  nim_sdk::hub::repo  rust/nim-sdk/src/hub/repo.rs:119] `. */
const NIM_RUST_HEADER = /^\s*\[\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? +(TRACE|DEBUG|INFO|WARN|ERROR) +[\w:]+ +[\w./-]+\.rs:\d+\]\s?/;
/**
 * NCCL's debug output (`NCCL_DEBUG=INFO`): `host:pid:tid [dev] NCCL INFO …` (NVIDIA/nccl v2.30.7-1:src/debug.cc:330,354).
 * Its level is read, its text kept whole: the rules read NCCL's own words (`NCCL INFO x.cc:12 -> 2`). Only INFO: a
 * `NCCL WARN` reports the failures NCCL stops on and is read as a message.
 */
const NCCL_INFO = /^\s*(?:[\w.-]+:\d+:\d+ )?\[\d+\] NCCL INFO /;
export const isNcclInfo = (text: string): boolean => NCCL_INFO.test(text);
const LEVEL_LETTER: Record<string, string> = {
  FATAL: 'CRITICAL', TRACE: 'DEBUG', SUCCESS: 'INFO', I: 'INFO', W: 'WARNING', E: 'ERROR', F: 'CRITICAL', V: 'DEBUG', D: 'DEBUG', VERBOSE: 'DEBUG', WARN: 'WARNING',
  TRC: 'DEBUG', DBG: 'DEBUG', INF: 'INFO', WRN: 'WARNING', ERR: 'ERROR', FTL: 'CRITICAL', PNC: 'CRITICAL',
};

/**
 * TGI's launcher relays what a shard writes that is not one of its JSON records (a traceback printed to stderr) at DEBUG, under its
 * own target: `tracing::debug!("{line}")` in log_lines (huggingface/text-generation-inference v1.1.0:launcher/src/main.rs:681-687;
 * from v2 it writes such lines bare to stdout). The level is the relay's, not the line's: read as a stream's line, with no level.
 */
const TGI_RELAY = /^\s*DEBUG text_generation_launcher: /;
/**
 * LocalAI relays each line its backend process (llama.cpp, vLLM, diffusers, …) writes at DEBUG, under zerolog's console time and level:
 * `10:41AM DBG GRPC(<model>-127.0.0.1:36865): stderr <the backend's line>` (mudler/LocalAI v2.0.0:pkg/model/process.go:109,118, the
 * same through v3.0.0:pkg/model/process.go:144,153). The line is the backend's, its level its own: read as a stream's line.
 */
const LOCALAI_RELAY = /^\s*\d{1,2}:\d\d(?::\d\d)?(?:AM|PM)? DBG GRPC\([^()\s]{1,300}\): std(?:err|out)(?: |$)/;
/**
 * llama.cpp's server in router mode relays each line a model's child server writes, behind that child's port padded to five columns:
 * `[47017] slot update_slots: id  0 | …` (unslothai/llama.cpp's copy of upstream 82bb48500a9a6b3374da2cf5811695369278e4d3:
 * tools/server/server-models.cpp:844, `LOG("[%5d] %s", port, buffer)`). The line is the child's: read as it wrote it.
 */
const LLAMACPP_ROUTER_RELAY = /^\s*\[ {0,4}\d{1,5}\] (?=srv |slot |main: |load|llama_|common_|print_info|init|build_info|system_info)/;

/**
 * A library's warning written bare: Python's logging writes a record of a logger no handler was set up for through its last-resort
 * handler, the message alone (CPython 3.11.7:Lib/logging/__init__.py:1254-1255, `lastResort = _StderrHandler(WARNING)`, no formatter),
 * so its level is known only from the source that logs it. FlashInfer's compilation context, when it cannot read a GPU's compute
 * capability, warns and goes on: `logger.warning(f"Failed to get device capability: {e}.")` (flashinfer-ai/flashinfer
 * 04d0710f0302cccfa0874463d5b35972ec62991f:flashinfer/compilation_context.py:85, CompilationContext.__init__). And llama.cpp's common log,
 * which writes a warning's level letter only when its prefix is on (off by default: common/log.cpp:111, common_log_entry::print), so
 * llama-server's warnings read bare: a context that cannot drop part of a sequence, and the server going on without speculative
 * decoding (`common_speculative_is_compat: the target context does not support partial sequence removal`, LOG_WRN;
 * `srv    load_model: speculative decoding not supported by this context`, SRV_WRN: ikawrakow/ik_llama.cpp
 * 8337e4cd3861406fc04e0854b1409cd1b027fbc9:common/speculative.cpp:1257, examples/server/server-context.cpp:295, upstream llama.cpp's).
 * And Python's warnings module, which writes a warning as "<file>:<line>: <Category>: <message>" (CPython's Lib/_py_warnings.py as
 * RustPython/RustPython cc1e55e3e43f14a673901ea78ccb426ecb6c3bbb:Lib/_py_warnings.py:153-155 carries it, _formatwarnmsg_impl;
 * `…/torch/cuda/__init__.py:180: UserWarning: CUDA initialization: …`): a warning by its own words.
 */
const BARE_WARNING = /^\s*\S+\.py:\d+: [A-Z]\w*Warning: |^\s*Failed to get device capability: |^\s*common_speculative_is_compat: the target context does not support partial sequence removal\b|^\s*srv\s+load_model: speculative decoding not supported by this context\b/;

/** The logger header at the start of s and the level it names, or null. */
function loggerHeader(s: string): { length: number; level: string | null } | null {
  const relayed = TGI_RELAY.exec(s) ?? LOCALAI_RELAY.exec(s) ?? LLAMACPP_ROUTER_RELAY.exec(s);
  if (relayed) return { length: relayed[0].length, level: null };
  if (BARE_WARNING.test(s)) return { length: 0, level: 'WARNING' };
  const own = VLLM_HEADER.exec(s) ?? PY_HEADER.exec(s) ?? WARNING_WORD.exec(s) ?? BRACKET_HEADER.exec(s) ?? TRACING_CUT.exec(s) ?? TRACING_HEADER.exec(s) ?? GLOG_HEADER.exec(s) ?? TRTLLM_HEADER.exec(s) ?? TURBOMIND_HEADER.exec(s) ?? LLAMACPP_HEADER.exec(s) ?? LEMONADE_HEADER.exec(s) ?? LOGURU_HEADER.exec(s) ?? DASHED_HEADER.exec(s) ?? NAME_PID_HEADER.exec(s) ?? NIM_RUST_HEADER.exec(s) ?? OVMS_HEADER.exec(s) ?? PIPED_HEADER.exec(s) ?? UCX_HEADER.exec(s);
  const v = own ?? TIMED_LEVEL_HEADER.exec(s) ?? BARE_LEVEL_HEADER.exec(s);
  if (!v) return null;
  if (v[1] === undefined && v[2] === undefined) return { length: v[0].length, level: null }; // a relayed stream: no level of its own
  const name = (v[1] ?? v[2]!).toUpperCase();
  const level = LEVEL_LETTER[name] ?? name;
  // of the two console forms only a warning's or an error's level is kept: at INFO or DEBUG they are as often a program relaying
  // another's output (LocalAI's `4:47PM DBG GRPC(…): stderr ImportError: …`, a Rich console's `INFO     OSError: [Errno 48] …` of the
  // server it started), whose lines keep their own meaning, as TGI_RELAY's do
  return { length: v[0].length, level: !own && (level === 'INFO' || level === 'DEBUG') ? null : level };
}

const ENTITIES: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
/**
 * What a page or an editor wrote in place of a character, read as the character a person reads there: a non-breaking or narrow
 * space (a log copied from a web page), typographic quotes (a blog's or forum's editor turns ' and " into them), markdown's escapes
 * of `_` and `*` (an editor that escapes a log pasted as text: `\_\_init\_\_`, rendered `__init__`), and HTML's entities of a page's
 * source (`&lt;function …&gt;`, `KeyError: &#39;qwen3&#39;`).
 */
const AS_READ: ReadonlyArray<readonly [RegExp, string | ((m: string) => string)]> = [
  [/[\u00a0\u2007\u202f]/g, ' '],
  [/[\u2018\u2019\u201b]/g, "'"],
  [/[\u201c\u201d\u201f]/g, '"'],
  [/\\([_*])/g, '$1'],
  [/&(?:quot|#0*39|#x0*27|apos|lt|gt|amp);/g, (e) => ENTITIES[e] ?? "'"],
];

/** A line with what a page or an editor wrote in place of a character read as that character (AS_READ). */
function asRead(line: string): string {
  let s = line;
  for (const [re, to] of AS_READ) s = typeof to === 'string' ? s.replace(re, to) : s.replace(re, to);
  return s;
}

/** The message of one line, without its noise. */
export function cleanLine(line: string): { text: string; level: string | null } {
  return cleanShown(asShown(line));
}

/**
 * A line of a log as it reads on a terminal, without its control sequences (ANSI colours) and CR, and with what a page or an
 * editor put in place of a character read as that character (asRead): what a LogLine's `raw` and so an evidence line hold
 * (trimmed at the end).
 */
export function asShown(line: string): string {
  return asRead(stripVTControlCharacters(line).replace(CARET_SGR, '').replace(/\r$/, ''));
}

/**
 * A colour sequence written in caret notation, as `cat -v`, `less` and some consoles show the escape character when a coloured
 * log is copied from them: `^[[97;42m 200 ^[[0m` (ESC is ^[; gin's access log colours its status and method so: gin-gonic/gin
 * v1.12.0:logger.go:185). Read as the sequence it stands for, which a terminal does not show.
 */
const CARET_SGR = /\^\[\[[\d;]*m/g;

/** A whole line set in markdown italics, as an issue quotes an error in its text: `_ValueError: … ._` or `*Error: …*`. */
const EMPHASIS = /^([_*])(?![_*\s])(.*[^_*\s])\1$/;

/** A level a logger header names, cut after its third letter at least (`ERR`, `WARNI`): read as the level it begins (LEVEL_LETTER's names). */
const LEVEL_CUT = /^\s*(ERRO?|WARN(?:I|IN)?|INF|DEBU?|CRIT(?:I|IC|ICA)?)\s*$/;

/** cleanLine of a line already as shown (asShown): readLog's lines, whose `raw` is. */
export function cleanShown(shown: string): { text: string; level: string | null } {
  let s = shown;
  let level: string | null = null;
  for (let guard = 0; guard < 8; guard++) {
    const before = s;
    for (const p of PREFIXES) s = s.replace(p, '');
    const record = jsonRecord(s);
    if (record) {
      s = record.text;
      level = record.level ?? level;
    }
    const h = loggerHeader(s);
    if (h) {
      // a log relayed by another logger (`- INFO - ERROR 08-13 04:39:39 engine.py:400] …`): the innermost level is the message's
      level = h.level;
      s = s.slice(h.length);
    }
    if (s === before) break;
  }
  if (level === null && isNcclInfo(s)) level = 'INFO';
  if (level === null && loggedAtError(s, () => withoutCarrier(shown))) level = 'ERROR';
  // a header cut inside its level word, after what a carrier or a process tag wrote (`(EngineCore pid=196) ERR`): a header with no message
  const cutLevel = s !== shown.trim() ? LEVEL_CUT.exec(s) : null;
  if (cutLevel) return { text: '', level: Object.values(LEVEL_LETTER).find((l) => l.startsWith(cutLevel[1]!))! };
  // a console that shows each line as a JSON string ends it with its newline escaped (RunPod's: `…\n`)
  return { text: s.replace(/\*\*\s*$/, '').replace(/\\n$/, '').trimEnd().replace(EMPHASIS, '$2'), level };
}

