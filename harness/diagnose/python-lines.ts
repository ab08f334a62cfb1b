// Lines Python and its standard library write, read by their own shapes: a traceback's frame, argparse's usage and error (a bad
// command line), and a warning the warnings module writes with the source line it quotes. Pure.
import type { LogLine } from '../core/log-line.ts';

/** A traceback's frame (`File "…/_api.py", line 392, in register_memory`): its source line and `^^^` marks follow it. */
export const FRAME_AT = /^\s*File "[^"]+", line \d+/;

/** An argparse error line logged as an error, or its usage that ends a log (markArgparseErrors): the command line refused. */
export const isArgparseError = (l: LogLine): boolean => ((l.level === 'ERROR' || l.level === 'CRITICAL') && PROG_ERROR.test(l.text)) || (l.level === 'FATAL' && USAGE_WITH_HELP.test(l.text));

/**
 * argparse's error line, `%(prog)s: error: %(message)s`: its prog is any string the program chose (`TRL CLI`); the same shape as C
 * programs' `"%s: error: …"` with `__func__` (ggml and llama.cpp's tools: process-key.ts reads it as a line of its own).
 */
export const PROG_ERROR = /^[^\s:][^:]{0,40}: error: \S/;
/** argparse's usage, which it prints right before its error: `usage: ` and the usage's wrapped, indented rest. */
const USAGE = /^usage: \S/;
const USAGE_REST = /^\s+\S/;
/** argparse's usage line as it formats it by default: the prog (a subcommand's too), then its help option (add_help). */
const USAGE_WITH_HELP = /^usage: [\w.-]+(?: [\w.-]+){0,2} \[-h\]/;

/**
 * Python's argparse reports a bad command line by printing its usage, then `<prog>: error: <message>`, and exits
 * with status 2 (CPython Lib/argparse.py, ArgumentParser.error: `self.print_usage(_sys.stderr)`, then
 * `self.exit(2, _('%(prog)s: error: %(message)s\n') % args)`; `_('usage: ')` the usage's prefix — read in the
 * stdlib copy zkneupper/stdlib 8a1f95f0ed6e3db108ded3e1a4c00fe8a42f9b27:Lib/argparse.py:2573-2575,296). Its prog
 * defaults to the script's name (one word, which `ERROR_LINE` reads alone) but may be any string: TRL's CLI is
 * `TrlParser(prog="TRL CLI", usage="trl", …)` (huggingface/trl v0.16.0:trl/cli.py:33). A line `<words>: error: …`
 * right after argparse's usage (its wrapped rest between) is that error: an error line, whatever its prog.
 */
export function markArgparseErrors(lines: LogLine[]): void {
  lines.forEach((l, i) => {
    if (l.header || l.level !== null || !PROG_ERROR.test(l.text)) return;
    for (let j = i - 1; j >= 0 && j >= i - 40; j--) {
      const above = lines[j]!;
      if (above.header || above.proc !== l.proc) continue;
      if (USAGE.test(above.text)) {
        // each begins a line of its own (argparse ends the usage with its newline), whatever the length of the line above
        l.level = 'ERROR';
        l.cont = false;
        above.cont = false;
        return;
      }
      if (!(above.cont || USAGE_REST.test(above.text))) return;
    }
  });
  markUsageCut(lines);
}

/**
 * argparse's usage with nothing after it, the log cut before the error line: argparse prints its usage alone only on its way to that
 * error (ArgumentParser.error, above); `-h` prints it as the head of the help, whose sections follow it (print_help, format_help: the
 * usage, then the description and the argument groups, stdlib copy zkneupper/stdlib 8a1f95f0ed6e3db108ded3e1a4c00fe8a42f9b27:
 * Lib/argparse.py:2511-2532). Such a usage, ending the log, is the error's record: the command line was refused.
 */
function markUsageCut(lines: LogLine[]): void {
  // (each process's own last lines, of a process that printed argparse's usage: ranks' or tasks' output may be interleaved)
  for (const proc of new Set(lines.filter((l) => USAGE_WITH_HELP.test(l.text)).map((l) => l.proc))) {
    const own = lines.filter((l) => l.proc === proc && !l.header && l.text.trim() !== '');
    for (let j = own.length - 1; j >= 0 && j >= own.length - 40; j--) {
      const l = own[j]!;
      if (USAGE.test(l.text)) {
        // (argparse's own usage, its help option first — not a line that happens to begin "usage: "); a line of its own, whatever the
        // length of the line above (argparse writes it whole, from the start of a line)
        // (read at FATAL, as argparse exits after it: an ERROR a relaying logger gave a usage is not this, its error line follows it)
        if (l.level === null && USAGE_WITH_HELP.test(l.text)) {
          l.level = 'FATAL';
          l.cont = false;
        }
        break;
      }
      if (!(l.cont || USAGE_REST.test(l.text))) break;
    }
  }
}

/**
 * A Python warning whose message begins on the next line: the warnings module writes `file:line: Category: message`
 * (`f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"`, python/cpython
 * 007650ba0eff0fda3c2e86633b7d2b5608f176ae:Lib/_py_warnings.py:154), so a message that starts with a newline, as PyTorch's
 * "… with CUDA capability sm_100 is not compatible with the current PyTorch installation." does, leaves
 * `…/torch/cuda/__init__.py:287: UserWarning:` alone on its line; the source line it quotes follows the message, indented.
 */
const WARNING_OPENS = /:\d+: [A-Z]\w*Warning:\s*$/;
/** The warning's quoted source line (`  warnings.warn(`), which ends its message. */
const WARNING_SOURCE = /^\s{2,}\S/;

/**
 * The rest of a warning is the warning's, never a failure of its own (the labelling guide: warnings are not failures): the lines of a
 * message that begins on the next line, whatever their length (a terminal need not have cut them); and the source line the warnings
 * module quotes under a one-line warning, `  <the line>` (python/cpython 007650ba0eff0fda3c2e86633b7d2b5608f176ae:Lib/_py_warnings.py:
 * 154-169, `s += "  %s\n" % line`), whatever level a logger that relays the process's stderr gave both (vLLM's registry subprocess: ERROR).
 */
export function markWarningMessages(lines: LogLine[]): void {
  lines.forEach((l, i) => {
    if (l.header) return;
    if (!l.cont) {
      // (the warning with the rests a terminal cut off it, its source line after them; its own process's lines: another rank's may come between)
      let next = ownNext(lines, i + 1, l.proc);
      let whole = l.text;
      for (; lines[next]?.cont && lines[next]!.proc === l.proc; next = ownNext(lines, next + 1, l.proc)) whole += lines[next]!.text;
      if (whole.includes('Warning: ') && WARNING_LINE.test(whole)) {
        const m = lines[next];
        if (m && !m.header && m.proc === l.proc && QUOTED_SOURCE.test(m.text) && !FRAME_AT.test(m.text)) {
          m.cont = true;
          // (read at the warning's level too: another rank's lines between them, it is no rest a terminal cut)
          if (l.level === 'WARNING') m.level = 'WARNING';
        }
        return;
      }
    }
    if (!WARNING_OPENS.test(l.text)) return;
    for (let j = i + 1; j < lines.length && j <= i + MAX_WARNING_LINES; j++) {
      const m = lines[j]!;
      if (m.header || m.level !== null || m.text.trim() === '' || WARNING_SOURCE.test(m.text) || FRAME_AT.test(m.text)) break;
      m.cont = true;
      m.proc = l.proc;
    }
  });
}
/** The first line from `from` on (at most four lines on) that process `proc` wrote. */
function ownNext(lines: readonly LogLine[], from: number, proc: LogLine['proc']): number {
  let k = from;
  while (k < lines.length && k <= from + 4 && lines[k]!.proc !== proc) k++;
  return k;
}
/** A Python warning on one line, `file:line: Category: message`. */
const WARNING_LINE = /^\s*\S+:\d+: [A-Z]\w*Warning: \S/;
/** The source line the warnings module quotes under it: the line stripped, two spaces before it. */
const QUOTED_SOURCE = /^ {2}\S/;
const MAX_WARNING_LINES = 8;
