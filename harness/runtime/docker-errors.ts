// Docker-side failures become InfraError with a kind and a message that says what to fix on
// the runner. Pure: maps an error (message, HTTP status) to an InfraError.
import { InfraError, type InfraKind } from '../errors.ts';

interface Rule {
  test: RegExp;
  kind: InfraKind;
  hint: string;
}

const RULES: Rule[] = [
  {
    test: /could not select device driver "[^"]*" with capabilities: \[\[gpu\]\]/,
    kind: 'gpu-runtime-missing',
    hint: 'install nvidia-container-toolkit on the runner and run `sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker` (docs/runners.md)',
  },
  {
    test: /unknown or invalid runtime name: nvidia/,
    kind: 'gpu-runtime-missing',
    hint: 'the image asks for `runtime: nvidia` but Docker has no such runtime: install nvidia-container-toolkit and configure the nvidia runtime (docs/runners.md)',
  },
  {
    test: /(unauthorized|authentication required|denied: requested access|pull access denied|no basic auth credentials|requested access to the resource is denied)/i,
    kind: 'registry-auth',
    hint: 'log the runner in to the registry (`docker login`), or name a credential in the matrix image entry (`auth: { username: ..., password: "${VAR}" }`)',
  },
  {
    test: /(manifest unknown|manifest for .* not found|not found: manifest|repository does not exist|No such image)/i,
    kind: 'image-missing',
    hint: 'check the image reference and tag in the matrix; with --pull never the image must already be on the runner',
  },
  {
    test: /(port is already allocated|address already in use|bind: address)/i,
    kind: 'port-conflict',
    hint: 'another process holds the port; stop it or let the harness choose a free port',
  },
  {
    test: /(no space left on device|disk quota exceeded)/i,
    kind: 'disk-full',
    hint: 'free disk space on the runner (`docker system prune`, clear old images and caches)',
  },
  {
    test: /(ECONNREFUSED|ENOENT).*docker\.sock|connect ENOENT|Cannot connect to the Docker daemon|socket hang up.*docker/i,
    kind: 'docker-down',
    hint: 'start the Docker engine (`sudo systemctl start docker`, or `bash scripts/setup.sh` here), and check DOCKER_HOST',
  },
  {
    test: /(dial tcp|i\/o timeout|TLS handshake timeout|no such host|Temporary failure in name resolution|connection refused|network is unreachable)/i,
    kind: 'image-pull',
    hint: 'the registry is unreachable from the runner: check its network, proxy and DNS, or pre-pull the image and use --pull never',
  },
  {
    test: /image with reference .* was found but does not match the specified platform|platform .* does not match/i,
    kind: 'platform-mismatch',
    hint: 'the image is built for another platform than the runner; set `platform:` on the image or use a multi-arch tag',
  },
];

export function toInfraError(err: unknown, phase: string, context: string): InfraError {
  if (err instanceof InfraError) return err;
  const e = err as { message?: string; statusCode?: number; json?: { message?: string }; code?: string; reason?: string };
  const raw = (e?.json?.message ?? e?.message ?? String(err)).trim();
  const text = `${raw} ${e?.code ?? ''}`;
  for (const r of RULES) {
    if (r.test.test(text)) return new InfraError(r.kind, `${context}: ${raw}`, r.hint, phase);
  }
  if (e?.statusCode === 404 && phase === 'image') {
    return new InfraError('image-missing', `${context}: ${raw}`, RULES[3]!.hint, phase);
  }
  const kind: InfraKind = phase === 'create' ? 'container-create' : phase === 'start' ? 'container-start' : phase === 'image' ? 'image-pull' : 'infra-other';
  return new InfraError(kind, `${context}: ${raw}`, 'see the Docker engine log on the runner (`journalctl -u docker`)', phase);
}
