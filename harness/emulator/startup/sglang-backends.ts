// Which attention backends SGLang picks when none is asked for, per release and compute capability,
// as the facts read them from server_args.py / model_runner.py (attention-backend-default) and
// layers/attention/vision.py (mm-attention-backend-default). A fact value this table does not know
// throws: a changed fact must be taught here, not silently guessed. Pure.
import type { AttentionBackend } from '../../core/cell.ts';
import { sglangDefault } from '../../engines/sglang-facts.ts';
import type { EmulatorConfig } from '../../core/emulator-traits.ts';

/** SGLang's own name and the semantic id the emulator's kernel rules know it by. */
export interface SglangBackend {
  name: string;
  semantic: AttentionBackend;
}

const FA3: SglangBackend = { name: 'fa3', semantic: 'flash' };
const FLASHINFER: SglangBackend = { name: 'flashinfer', semantic: 'flashinfer' };
const TRITON: SglangBackend = { name: 'triton', semantic: 'triton' };
/** TensorRT-LLM MHA kernels, shipped through FlashInfer's package. */
const TRTLLM_MHA: SglangBackend = { name: 'trtllm_mha', semantic: 'flashinfer' };

function major(config: EmulatorConfig): number {
  return Number.parseInt(config.gpu.computeCapability.split('.')[0] ?? '0', 10);
}

/** flashinfer when the image ships it (is_flashinfer_available()), else triton. */
function flashinferOrTriton(config: EmulatorConfig): SglangBackend {
  return config.traits.kernels.flashinfer ? FLASHINFER : TRITON;
}

/** The language model's backend without --attention-backend (MHA models, no EAGLE topk > 1). */
export function sglangAutoBackend(config: EmulatorConfig): SglangBackend {
  const rule = sglangDefault('attention-backend-default', config.traits.version);
  const cc = major(config);
  switch (rule) {
    case 'flashinfer, else triton':
      return flashinferOrTriton(config);
    case 'fa3 on sm90, else flashinfer (triton without flashinfer)':
      return cc === 9 ? FA3 : flashinferOrTriton(config);
    case 'fa3 on sm90, trtllm_mha on sm100/sm103, else flashinfer':
      return cc === 9 ? FA3 : cc === 10 ? TRTLLM_MHA : flashinferOrTriton(config);
    default:
      throw new Error(`the emulator does not know the sglang attention default "${String(rule)}"`);
  }
}

/** The vision encoder's backend without --mm-attention-backend, or null when the facts hold no rule for the release. */
export function sglangAutoMmBackend(config: EmulatorConfig): AttentionBackend | null {
  const rule = sglangDefault('mm-attention-backend-default', config.traits.version);
  switch (rule) {
    case undefined:
      return null;
    case 'sdpa':
      return 'sdpa';
    case 'fa3 on sm90, else triton_attn':
      return major(config) === 9 ? 'flash' : 'triton';
    default:
      throw new Error(`the emulator does not know the sglang vision attention default "${rule}"`);
  }
}

/** fa3 in the vision encoder raises ValueError from 0.5.2 on, on a GPU the release's is_blackwell() counts (blackwell-majors). */
export function sglangMmFa3Refused(config: EmulatorConfig, mm: AttentionBackend | null): boolean {
  if (mm !== 'flash' || sglangDefault('mm-attention-backend-default', config.traits.version) !== 'fa3 on sm90, else triton_attn') return false;
  const majors = (sglangDefault('blackwell-majors', config.traits.version) ?? '').split(',').map(Number);
  return majors.includes(major(config));
}
