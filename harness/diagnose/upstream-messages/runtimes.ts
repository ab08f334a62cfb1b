// Messages of the runtimes and tools around an engine's start, printed bare as they fail: the shell that cannot find the
// program a start script runs (bash, dash), and pip failing to install a package the start needs, by the category they
// mean, each with the line that writes it. Interpolations are bounded wildcards.
//
// - bash (bminor/bash bash-5.3): a program not found on PATH is reported by internal_error("%s: %s", pathname,
//   notfound_str) (execute_cmd.c:5910; notfound_str is _("command not found"), :5762), after the shell's name (or the
//   script's) and, when not interactive, its line (error.c:82-85: "%s: line %d: "): `bash: line 1: vllm: command not found`,
//   `./start.sh: line 3: vllm: command not found`.
// - dash (Debian's and Ubuntu's /bin/sh): "%s: %s" of argv[0] and errmsg(ENOENT, E_EXEC), which is "not found", after
//   "%s: %d: " of its name and line (src/error.c, exvwarning2 and errmsg, read in the code index's copy of dash's
//   src/error.c and src/exec.c, no tag at hand): `/bin/sh: 1: sglang: not found`.
// - pip (pypa/pip 26.2.1): no release of a requirement can be installed (none exists for this Python or platform, or none
//   at all, or the index could not be reached): the resolver logs "Could not find a version that satisfies the requirement
//   %s (from versions: %s)" at CRITICAL, then raises DistributionNotFound("No matching distribution found for %s"), which
//   pip's main logs at CRITICAL too; pip writes both behind "ERROR: ". Not its "pip's dependency resolver does not
//   currently take into account all the packages that are installed. …" (commands/install.py:687, logged at :718 after
//   the packages were installed): it warns of conflicts left behind, and the install went through.
// - uv (astral-sh/uv 0.12.5), which some engine images install with: "No solution found when resolving dependencies:"
//   (crates/uv-resolver/src/error.rs:1779), printed behind its error handler's `×`, the reason on the next line.
//
// The guide's table has no row of its own for these: its last paragraph decides by the fix. A program the shell cannot
// find, or a package pip or uv cannot install, is fixed by installing it (a release that exists here): import-error, as a
// package "not available or outdated. Please install or update …" is. Not an option run as a command
// (`bash: line 2: --tensor-parallel-size: command not found`, a command line broken where its `\` was lost: the
// command line is wrong, `other`), nor the CUDA compiler (`…/bin/nvcc: not found`: ptx-toolchain, read by its own rule),
// nor nvidia-smi, which the NVIDIA container toolkit mounts with the driver (what it says depends on what follows: left
// to the failure after it).
import { drv, imp, type UpstreamMessage } from './types.ts';

/** bminor/bash's release tag whose sources are read. */
const BASH = 'bash-5.3';
/** pypa/pip's release tag whose sources are read. */
const PIP = '26.2.1';
/** astral-sh/uv's release tag whose sources are read. */
const UV = '0.12.5';
/** cncf-tags/container-device-interface's release tag whose sources are read. */
const CDI = 'v1.1.0';

/**
 * What the shell writes before the program's name: its name or the script's, then bash's "line N: " or dash's "N: " (at the
 * start of the message, or after what relayed it: `RuntimeError: bash: …`); the program's report ends the line.
 */
const SHELL = String.raw`(?:^|\s)[\w./~-]{1,200}: (?:line \d+: |\d+: )?`;
/** A program's name (a path, too) that is neither an option nor the CUDA compiler nor the driver's nvidia-smi. */
const PROGRAM = String.raw`(?![^\s:]*\b(?:nvcc|ptxas|nvidia-smi)\b)[\w.+~/][^\s:]{0,200}`;

/**
 * rocBLAS giving up on its kernel library, written bare to stderr before rocblas_abort(): "rocBLAS error: Cannot read <path>/TensileLibrary.dat:
 * <strerror>" (the GPU's architecture has no Tensile kernels in the install), "rocBLAS error: Could not initialize Tensile host: <what>" and
 * "… Could not initialize Tensile library" (ROCm/rocBLAS rocm-6.2.2:library/src/tensile_host.cpp:647-649, :817-837, :980-982 and
 * :1052-1054, each followed by rocblas_abort(): TensileHost::GetDeviceCount, initialize and get_library_and_adapter). Not its "rocBLAS error:
 * No Tensile solution found …" (:1154), after which it returns a status.
 * (Tried first as a generic form, any "<component> error: <message>" bare line: it read a held-out healthy log as failing, and was narrowed
 * to the source's aborting reports; harness/diagnose/README.md, rounds 77-80.)
 */
export const ROCBLAS_ABORT = /^\s*rocBLAS error: (?:Cannot read \S|Could not initialize Tensile (?:host|library)\b)/;

export const RUNTIME_MESSAGES: readonly UpstreamMessage[] = [
  // the container engine asked for CDI devices (podman's `--device nvidia.com/gpu=all`, or `--gpus` turned into them) that no CDI spec
  // on the host defines: the NVIDIA container toolkit never generated one (`nvidia-ctk cdi generate`), or wrote one this runtime cannot
  // read, so the container gets no GPU (cncf-tags/container-device-interface v1.1.0:pkg/cdi/cache.go:257, Cache.InjectDevices; podman
  // prefixes "setting up CDI devices: ", docker's and the NVIDIA runtime's "failed to inject CDI devices: "): the GPU not visible, as the
  // toolkit's own `nvidia-container-cli: initialization error` is
  drv('CDI (cncf-tags/container-device-interface): the GPU devices the container asked for are defined by no CDI spec on the host (NVIDIA container toolkit not set up)',
    /\bunresolvable CDI devices \S/,
    'Error: setting up CDI devices: unresolvable CDI devices nvidia.com/gpu=all', `${CDI}:pkg/cdi/cache.go:257`),
  {
    category: 'other',
    what: 'the shell ran an option as a command (a command line broken where a line continuation was lost)',
    re: new RegExp(String.raw`${SHELL}-[^\s:]{1,200}: (?:command )?not found\s*$`),
    example: 'bash: line 2: --tensor-parallel-size: command not found',
    source: `${BASH}:execute_cmd.c:5910`,
  },
  // (dash's form, `/bin/sh: 1: sglang: not found`, read in the code index's copy of dash, is the same report: no tag of dash at hand)
  imp('the shell (bash, dash) did not find the program the start runs (not installed, or not on PATH)', new RegExp(String.raw`${SHELL}${PROGRAM}: (?:command not found|(?<=: \d+: [^\s:]{1,200}: )not found)\s*$`),
    'bash: line 1: vllm: command not found', `${BASH}:execute_cmd.c:5910`),
  imp('pip (pypa/pip): no release of a requirement can be installed here', /\bCould not find a (?:final )?version that satisfies the requirement \S/,
    'Could not find a version that satisfies the requirement vllm==0.99.0 (from versions: 0.1.0, 0.2.0)', `${PIP}:src/pip/_internal/resolution/resolvelib/factory.py:754`),
  imp('pip (pypa/pip): no distribution of a requirement was found', /\bNo matching distribution found for \S/,
    'No matching distribution found for vllm==0.99.0', `${PIP}:src/pip/_internal/resolution/resolvelib/factory.py:768`),
  // uv's resolver: no set of versions satisfies the requirements ("Because vllm==0.99.0 was not found in the package registry
  // and you require vllm==0.99.0, we can conclude that your requirements are unsatisfiable.", on the next line)
  imp('uv (astral-sh/uv): its resolver found no versions that satisfy the requirements', /\bNo solution found when resolving (?:[\w-]+ )?dependencies\b/,
    'No solution found when resolving dependencies:', `${UV}:crates/uv-resolver/src/error.rs:1779`),
  // LocalAI: the backend a model names is not among those installed (its backends are installed from its gallery: the fix is
  // installing it), logged as "Backend not found" and returned as "backend not found: <backend>" (mudler/LocalAI
  // 00c6d825030b4547fe60b04ac72a9c8e0ade99a5:pkg/model/initializers.go:98-99, grpcModel), then relayed by "Failed to load model … error=…"
  imp('LocalAI: the backend the model names is not installed', /\bbackend not found: [\w.-]+/,
    'ERROR Failed to load model modelID="qwen3" error=failed to load model with internal loader: backend not found: llama-cpp backend="llama-cpp"',
    '00c6d825030b4547fe60b04ac72a9c8e0ade99a5:pkg/model/initializers.go:98-99'),
  // rocBLAS setting up its kernel library when the HIP runtime counts no device (hipGetDeviceCount failed: no GPU visible to the
  // process, /dev/kfd not passed to the container), then rocblas_abort() (ROCBLAS_ABORT): the guide's "driver or device missing or not visible"
  drv('rocBLAS: the HIP runtime found no GPU as rocBLAS set up its kernel library (hipGetDeviceCount failed)',
    /\brocBLAS error: Could not initialize Tensile host: No devices found\b/,
    'rocBLAS error: Could not initialize Tensile host: No devices found', 'rocm-6.2.2:library/src/tensile_host.cpp:644-649'),
];
