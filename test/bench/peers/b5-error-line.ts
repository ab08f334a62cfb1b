// What B5's naive peers call an error line: one extended regular expression, for `grep -E` (the
// plain script) and for a JavaScript RegExp (the testcontainers peer) alike.
export const ERROR_LINE_ERE = 'Traceback|[A-Za-z]+Error:|CUDA error';
export const ERROR_LINE = new RegExp(ERROR_LINE_ERE);
