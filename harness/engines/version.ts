// Engine versions as the images carry them, and the comparisons the engines need to pick the
// flags a given release understands (vLLM 0.11 has no --attention-backend, for example).

/**
 * "0.11.0" from "vllm/vllm-openai:v0.11.0", "dustynv/vllm:0.19.0-r39.0", "lmsysorg/sglang:v0.5.4.post1-cu129";
 * null for "latest", untagged refs and NGC month tags ("25.09-py3"). Prefer a version the image
 * declares (the matrix's emulate.version, /version) when there is one.
 */
export function versionFromImageRef(ref: string): string | null {
  const at = ref.indexOf('@');
  const noDigest = at >= 0 ? ref.slice(0, at) : ref;
  const colon = noDigest.lastIndexOf(':');
  if (colon < 0 || noDigest.slice(colon).includes('/')) return null;
  const m = /^v?(\d+)\.(\d+(?:\.\d+)?)/.exec(noDigest.slice(colon + 1));
  // NGC containers are tagged by release month (25.09-py3), not by engine version.
  if (!m || Number(m[1]) >= 20) return null;
  return `${m[1]}.${m[2]}`;
}

function parts(v: string): number[] {
  return v.split(/[.+-]/).slice(0, 3).map((p) => Number.parseInt(p, 10) || 0);
}

/** True when `version` is known and older than `than` (numeric major.minor.patch comparison). */
export function isOlder(version: string | null | undefined, than: string): boolean {
  if (version === null || version === undefined) return false;
  const a = parts(version);
  const b = parts(than);
  for (let i = 0; i < 3; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/**
 * The engine version of a matrix image: from its tag, else the version its emulator traits declare.
 * Used wherever an engine turns options into flags, so that the plan, the run and triage agree.
 */
export function imageEngineVersion(image: { ref: string; emulate?: Record<string, unknown> | null }): string | null {
  const declared = image.emulate?.version;
  return versionFromImageRef(image.ref) ?? (typeof declared === 'string' ? declared : null);
}
