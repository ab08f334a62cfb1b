// The shape of each engine's upstream bug report (its GitHub issue form), so `matrix issue` prints
// a report its maintainers recognise. Read from the forms themselves:
//   vLLM   22f8d2869:.github/ISSUE_TEMPLATE/400-bug-report.yml:3 (title "[Bug]: "), :23 ("Your
//          current environment"), :45 ("🐛 Describe the bug")            (jinhuang12/vllm)
//   SGLang 65d3b47f6:.github/ISSUE_TEMPLATE/1-bug-report.yml:3 (title "[Bug] "), :9 ("Checklist"),
//          :18 ("Describe the bug"), :24 ("Reproduction"), :31 ("Environment")   (BBuf/sglang)
// NIM is judged through vLLM (the engine inside it), so its report takes vLLM's form.
import type { EngineId } from '../core/cell.ts';

export interface IssueTemplate {
  repo: string;
  titlePrefix: string;
  /** Section headings in the form's order; `bug` holds the description (and the reproduction when the form has none of its own). */
  sections: { environment: string; bug: string; reproduction: string | null; checklist: string | null };
  order: Array<'checklist' | 'bug' | 'reproduction' | 'environment'>;
}

const VLLM: IssueTemplate = {
  repo: 'vllm-project/vllm',
  titlePrefix: '[Bug]: ',
  sections: { environment: 'Your current environment', bug: '🐛 Describe the bug', reproduction: null, checklist: null },
  order: ['environment', 'bug'],
};

export const ISSUE_TEMPLATES: Record<EngineId, IssueTemplate> = {
  vllm: VLLM,
  nim: VLLM,
  sglang: {
    repo: 'sgl-project/sglang',
    titlePrefix: '[Bug] ',
    sections: { environment: 'Environment', bug: 'Describe the bug', reproduction: 'Reproduction', checklist: 'Checklist' },
    order: ['checklist', 'bug', 'reproduction', 'environment'],
  },
};
