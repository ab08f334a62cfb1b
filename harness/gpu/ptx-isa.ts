// PTX ISA version → the first CUDA toolkit that produces (and whose driver accepts) it. Pure data
// from NVIDIA's PTX ISA release notes. A driver supporting CUDA X.Y JIT-compiles PTX up to the ISA
// version of toolkit X.Y; newer PTX fails with cudaErrorUnsupportedPtxVersion.

const ISA_TO_TOOLKIT: Record<string, string> = {
  '6.0': '9.0', '6.1': '9.1', '6.2': '9.2', '6.3': '10.0', '6.4': '10.1', '6.5': '10.2',
  '7.0': '11.0', '7.1': '11.1', '7.2': '11.2', '7.3': '11.3', '7.4': '11.4', '7.5': '11.5',
  '7.6': '11.6', '7.7': '11.7', '7.8': '11.8',
  '8.0': '12.0', '8.1': '12.1', '8.2': '12.2', '8.3': '12.3', '8.4': '12.4', '8.5': '12.5',
  '8.6': '12.7', '8.7': '12.8', '8.8': '12.9',
  '9.0': '13.0', '9.1': '13.1', '9.2': '13.2',
};

/** "9.0" → "13.0"; an ISA newer than this table assumes the 9.x ↔ 13.x pattern goes on; null when unknown. */
export function toolkitOfPtxIsa(isa: string): string | null {
  const known = ISA_TO_TOOLKIT[isa];
  if (known) return known;
  const m = /^(\d+)\.(\d+)$/.exec(isa);
  if (m && Number(m[1]) === 9) return `13.${m[2]}`;
  return null;
}

/** The toolkit release named in a tool banner inside PTX text or a cubin's .note.nv.tkinfo. */
export function toolkitInBanner(text: string): string | null {
  const m = /Cuda compilation tools, release (\d+\.\d+)/.exec(text);
  return m ? m[1]! : null;
}

/** The `.version X.Y` directive of PTX text. */
export function ptxVersionDirective(text: string): string | null {
  const m = /^\s*\.version\s+(\d+\.\d+)/m.exec(text);
  return m ? m[1]! : null;
}
