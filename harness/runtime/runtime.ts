// The container runtime, fenced behind an interface (the testcontainers way): the run pipeline
// speaks only this; harness/runtime/docker.ts is the dockerode implementation.
import type { Readable } from 'node:stream';

export type PullPolicy = 'missing' | 'always' | 'never';

export interface PullProgress {
  /** Layer id or '' for image-level status. */
  id: string;
  status: string;
  current?: number;
  total?: number;
}

export interface ImageInfo {
  ref: string;
  /** Repo digest (registry) or image id when the image was built locally. */
  digest: string | null;
  id: string;
  labels: Record<string, string>;
  /** The image's configured environment (Config.Env), e.g. CUDA_VERSION in CUDA-based images. */
  env?: Record<string, string>;
  architecture: string | null;
  os: string | null;
  pulled: boolean;
}

export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress: string;
}

export interface ContainerSpec {
  name?: string;
  image: string;
  entrypoint?: string[] | null;
  cmd: string[];
  env: Record<string, string>;
  /** Keys of `env` whose values are secrets: never printed (describeRun passes them through by name). */
  secretEnv?: string[];
  labels: Record<string, string>;
  /** Container port the server listens on; published on 127.0.0.1 at a free host port. */
  port: number;
  /** GPU device ids to request (DeviceRequests), or null for none. */
  gpuDeviceIds: string[] | null;
  /** Use the legacy NVIDIA runtime (Jetson Orin) instead of device requests. */
  runtime?: 'nvidia' | null;
  /** "host:container[:ro]" binds. */
  mounts: string[];
  shmSizeBytes?: number;
  ipcHost?: boolean;
  platform?: string | null;
}

export interface ContainerHandle {
  id: string;
  /** The container port the server listens on (spec.port). */
  containerPort: number;
  /** Host port on 127.0.0.1 mapped to spec.port (after start). */
  hostPort: number | null;
}

export interface ContainerListing {
  id: string;
  name: string;
  labels: Record<string, string>;
  state: string;
}

export interface PullOptions {
  onProgress?: (p: PullProgress) => void;
  auth?: RegistryAuth | null;
  platform?: string | null;
  signal?: AbortSignal;
}

export interface BuildOptions {
  /** The build's output, a line at a time. */
  onProgress?: (line: string) => void;
}

/** A regular file read out of an image. */
export interface ImageFile {
  /** Absolute path inside the image. */
  path: string;
  size: number;
  bytes: Buffer;
}

export interface ReadImageFilesOptions {
  /** Directories to read (those missing from the image are skipped), or 'whole' for the whole filesystem. */
  roots: readonly string[] | 'whole';
  /** Which regular files to read, by path and size: the others are passed over unread. */
  want: (path: string, size: number) => boolean;
  /** Labels of the never-started container the files are read through (tests add matrix.test=1). */
  labels?: Record<string, string>;
}

/** One text file read out of an image. */
export interface ImageTextFile {
  /** Absolute path inside the image. */
  path: string;
  text: string;
}

/**
 * An image's filesystem, read without running it: what the model-against-image preflight asks
 * (exact paths and small directories of Python packages). Tests give an in-memory one.
 */
export interface ImageFs {
  /** Does this path exist in the image (file or directory)? */
  exists(path: string): Promise<boolean>;
  /**
   * The regular files at `path` (one file, or every file under a directory) whose path `accept`
   * takes, as UTF-8 text; files over `maxBytes` (default 4 MiB) are left out. Empty when absent.
   */
  textFiles(path: string, accept?: (path: string) => boolean, maxBytes?: number): Promise<ImageTextFile[]>;
}

export interface ContainerRuntime {
  /** Throws InfraError('docker-down') when the engine does not answer. */
  ping(): Promise<{ version: string; apiVersion: string; os: string; arch: string }>;
  /** `signal` cuts a pull short (an interrupt): a pull of many GiB must not keep the process alive after the run. */
  ensureImage(ref: string, policy: PullPolicy, opts?: PullOptions): Promise<ImageInfo>;
  /** The image as the engine has it, or null when it is not on the engine (never pulls). */
  inspectImage(ref: string): Promise<ImageInfo | null>;
  /**
   * Builds an image from a build context (a tar stream holding a Dockerfile) and gives it `tags`
   * (the first is the build's). Rejects with the builder's error when the build fails.
   */
  buildImage(context: Readable, tags: readonly string[], opts?: BuildOptions): Promise<void>;
  /**
   * The wanted files of an image, read without running it (through a container that is never
   * started and is always removed, also when the consumer stops early). One file is in memory at a
   * time. Throws InfraError('image-missing') when the image is not on the engine.
   */
  readImageFiles(ref: string, opts: ReadImageFilesOptions): AsyncGenerator<ImageFile>;
  /**
   * Runs `use` over the image's filesystem (exact paths, small text files), read without running
   * it; the never-started container carries `labels` and is removed afterwards, also when `use` throws.
   */
  withImageFs<T>(ref: string, labels: Record<string, string>, use: (fs: ImageFs) => Promise<T>): Promise<T>;
  create(spec: ContainerSpec): Promise<ContainerHandle>;
  /**
   * Starts the container with its output already captured, so logs() misses no line; read that
   * output soon: unread, it holds the container's writes back once the pipes are full (as a
   * process blocks on a pipe nobody reads).
   */
  start(handle: ContainerHandle): Promise<ContainerHandle>;
  /** Combined stdout+stderr from the start, following until the container stops; ends when it stops. */
  logs(handle: ContainerHandle): Promise<Readable>;
  /** Resolves with the exit code when the container stops. */
  wait(handle: ContainerHandle): Promise<number>;
  /** Stop (SIGTERM, then SIGKILL after the grace period); the container and its log stay. */
  stop(handle: ContainerHandle, graceSeconds?: number): Promise<void>;
  list(labelFilter: string[]): Promise<ContainerListing[]>;
  /** Removes the container (and its anonymous volumes); resolves once it is gone. */
  remove(id: string): Promise<void>;
  /**
   * Removes a container that has exited, in the background: it holds no GPU any more, and the
   * engine answers a removal only after it has cleaned the container up, which the verdict need
   * not wait for. drain() waits for these removals.
   */
  discard(id: string): void;
  /**
   * Removes every container this runtime created and has not removed, at once, without listing
   * first: a forced stop asks for each removal before a busy engine has answered a listing (the
   * engine finishes a removal it was asked for even when the asking process exits meanwhile).
   */
  removeCreated(): Promise<void>;
  /**
   * Hands the removal of the containers with these labels to a process of its own, which goes on
   * after this one exits (a forced stop: a removal in flight dies with the process that asked).
   */
  removeInBackground(labelFilter: string[]): void;
  /** Waits for the removals discard() started, and lets go of the engine's event stream. The run calls it before it ends. */
  drain(): Promise<void>;
  /** The `docker run` command line equivalent to a spec, for reproduction. */
  describeRun(spec: ContainerSpec): string;
}
