// uvicorn's own startup lines as it prints them (`INFO:     ` and the message), from its facts
// (harness/engines/facts/uvicorn.ts). Pure.
import { UVICORN_LOG_LINES } from '../../engines/facts/index.ts';
import { printf } from './log-lines-vllm.ts';

/** uvicorn's line whose format starts with `prefix`, formatted with `args`. */
export function uvicornLine(prefix: string, ...args: Array<string | number>): string {
  const fact = UVICORN_LOG_LINES.find((l) => l.text.startsWith(prefix));
  if (fact === undefined) throw new Error(`no uvicorn log line starting "${prefix}" in the facts`);
  return `INFO:     ${printf(fact.text, args)}`;
}

/** The lines uvicorn prints when its server starts: bound by uvicorn itself (SGLang) or handed its sockets (vLLM). */
export function uvicornStartup(bound: { host: string; port: number } | null): string[] {
  return [
    uvicornLine('Started server process', 1),
    uvicornLine('Waiting for application startup.'),
    uvicornLine('Application startup complete.'),
    ...(bound === null ? [] : [uvicornLine('Uvicorn running on', `http://${bound.host}:${bound.port}`)]),
  ];
}
