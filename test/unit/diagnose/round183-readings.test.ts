// Readings made in the twenty-eighth session from tuning logs and upstream sources, each general and with its source in the reader it tests.
import { describe, expect, it } from 'vitest';
import { atWidth, category } from '../../support/classify-lines.ts';

describe('round 183 readings', () => {
  it("reads cuDNN 9 unable to open one of its sub-libraries ('Unable to load any of {libcudnn_ops.so…}', 'Invalid handle. Cannot load symbol cudnn…') as an import failure", () => {
    // cuDNN 9.19.0 (torch 2.11.0+cu130's wheel): libcudnn_graph.so.9 holds "Unable to load any of {%s, %s, %s, %s}.", libcudnn.so.9
    // "Invalid handle. Cannot load symbol %s"; the second printed on the H100 by cudnnCreateConvolutionDescriptor with libcudnn_cnn
    // left out of a copy of the wheel's lib/ (scripts/device-corpus/cudnn_messages.sh: these lines are its output, verbatim)
    expect(category('cudnnGetVersion 91900', 'cudnnCreate 0', 'cudnnCreateRNNDescriptor 0', 'Invalid handle. Cannot load symbol cudnnCreateConvolutionDescriptor', 'cudnnCreateConvolutionDescriptor 3009')).toBe('import-error');
    const loading = ['Unable to load any of {libcudnn_ops.so.9.1.0, libcudnn_ops.so.9.1, libcudnn_ops.so.9, libcudnn_ops.so}', 'Invalid handle. Cannot load symbol cudnnCreateTensorDescriptor', 'Aborted (core dumped)'];
    expect(category('INFO:     Application startup complete.', ...loading)).toBe('import-error');
    // … written bare under a line as long as a terminal is wide: a line of its own, not the rest of that line cut
    const long = 'transcribe.py       :299  2025-03-15 07:06:21,512 Processing audio with duration 00:07.440 for the request 399807de-8d69';
    expect(category(...[long].flatMap(atWidth(80)), ...loading)).toBe('import-error');
    // (the words of another library's handle name no cuDNN sub-library)
    expect(category('INFO:     Application startup complete.', 'Invalid handle. Cannot load symbol xyzCreate', 'Aborted (core dumped)')).not.toBe('import-error');
  });
});
