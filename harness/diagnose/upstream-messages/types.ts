// A message an engine raises or logs, read from its source: the category its words mean, and where
// upstream writes it. Data only; upstream-messages.ts turns these into generic evidence.
export interface UpstreamMessage {
  /** The category of diagnosis/README.md's labelling guide this message means. */
  category: string;
  /** What it says, for the explanation ("vLLM: the attention backend does not support this head size"). */
  what: string;
  /**
   * The message's fixed words, the parts upstream interpolates as bounded wildcards (a name:
   * `[\w./-]{1,80}`, a number: `\d+`), never a wildcard that could hold another failure's message.
   */
  re: RegExp;
  /** The message as upstream renders it, its interpolations filled (as a log would show it); `re` must match it. */
  example: string;
  /** Where upstream writes it: `<tag or commit>:<path>:<line>` of a mirror named in engines/facts/releases.ts. */
  source: string;
  /**
   * The program exits right after writing it, whatever level it is logged at (uvicorn's WARNING before `sys.exit(1)`): read
   * also on a warning's line, as a fatal error name is.
   */
  exits?: true;
}

/** Entries of one category: `messageOf('nccl')(what, re, example, source)`. */
export const messageOf =
  (category: string) =>
  (what: string, re: RegExp, example: string, source: string): UpstreamMessage => ({ category, what, re, example, source });

/** A message its program exits after, whatever its level (`exits`). */
export const exitsAfter = (m: UpstreamMessage): UpstreamMessage => ({ ...m, exits: true });
