// Which built-in probes apply to a cell: the single source of truth, used by expand (to list a
// cell's probes) and by the probes' own `applies`. Pure.
import type { BuiltinProbe, Cell } from '../core/cell.ts';

export type ProbeApplicability = true | string;

export function builtinProbeApplies(name: BuiltinProbe | string, cell: Pick<Cell, 'model' | 'options'>): ProbeApplicability {
  switch (name) {
    case 'text':
    case 'stream':
    case 'accuracy':
      return true;
    case 'image':
      if (!cell.model.modalities.includes('image')) return 'model has no image modality';
      return cell.options.language_model_only ? 'language_model_only: the vision encoder is not served' : true;
    case 'mtp':
      return cell.options.speculative ? true : 'speculative decoding not enabled';
    default:
      return `"${name}" is not a built-in probe`;
  }
}
