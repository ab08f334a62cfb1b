// One line of a server log as diagnosis and the engines' log readers see it (diagnose/log-lines.ts
// reads a log into these). Pure data.

export interface LogLine {
  /** 1-based line number in the original text. */
  n: number;
  /** The original line (right-trimmed, ANSI escapes removed), less a carrier's label read apart (`given`). */
  raw: string;
  /** The line as given, where the reading took a carrier's label off the whole log first (Slurm's `srun --label`): what evidence shows. */
  given?: string;
  /** The message with prefixes, logger header and quote marks removed. */
  text: string;
  /** Logger level when the line carries one (INFO, WARNING, ERROR, …), upper case. */
  level: string | null;
  /** A header line such as `# source: <url>` that is not part of the log. */
  header: boolean;
  /** The process or rank that wrote it (see process-key.ts); null for the main, untagged output. */
  proc: string | null;
  /** It may be the rest of the line before it, cut at a terminal's width. */
  cont: boolean;
  /** The first line of an error report whose causes follow it (anyhow's Debug form, diagnose/unlevelled-errors.ts): an error, whatever its words. */
  report?: boolean;
}
