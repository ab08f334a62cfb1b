// A line without a logger level may be a person writing about the log rather than the log: advice,
// a question, a sentence in the first person. Such a line is read only for the messages it quotes
// (in backticks or quotes) or cites after saying that something failed ("…, but Error out: …"), and
// advice about what may happen ("If … occurs, consider …") not at all. Pure.

/**
 * Advice, not a failure: "If out-of-memory error occurs during cudagraph capture, consider …",
 * "CUDA graphs can take additional 1~3 GiB … If you are running out of memory, consider …".
 */
const ADVICE = /^\s*(?:If|When|Consider|Note|Tip|Try|You|To|Please|Make sure|Hint)\b|\b(?:if (?:you|the|an?|it)\b|consider(?:ing)? \w+ing\b|you (?:can|may|might|should)\b|(?:may|might|can|could) (?:take|cause|lead|happen)\b|to avoid\b)/i;

/** A sentence about what may happen, not what did: "If …", "when …", "to avoid …". */
const CONDITIONAL = /^\s*(?:If|When|Consider|Note|Tip|Hint)\b|\b(?:if|when(?:ever)?|unless|in case)\b|\b(?:may|might|can|could) (?:take|cause|lead|happen)\b|\bto avoid\b/i;

/** A person writing about the log, not the log: a question, a sentence in the first person. */
const PROSE = /\?|\b(?:I|I'm|I've|[Mm]y|[Ww]e|[Oo]ur)\b/;

/**
 * A message a sentence cites after saying that something failed: "…, but Error out: Bfloat16 is only
 * supported on GPUs with …", "it fails with: …" (the word of the failure, a colon, the message).
 */
const CITED = /\b(?:errors?|error(?:ed|s)? out|fail(?:s|ed)?(?: with)?|crash(?:es|ed)?(?: with)?|raise[sd]?)\s*:\s+(\S.{11,})/i;

/** Messages quoted in a sentence: in backticks or quotes, long enough to be a message. */
function quotedIn(text: string): string[] {
  return [...text.matchAll(/`([^`]{12,})`|“([^”]{12,})”|"([^"]{12,})"/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/**
 * The messages to judge in an unlevelled line (`head`; `whole` with the rests a terminal cut off it):
 * null when it is no person's sentence (the line itself is read), else what the sentence quotes or
 * cites — none for advice about what may happen. With `onlyFatal` (a warning) advice is not read.
 */
export function sentenceMessages(head: string, whole: string, onlyFatal: boolean): string[] | null {
  const advice = ADVICE.test(head);
  if (advice && (onlyFatal || CONDITIONAL.test(whole))) return [];
  const cited = CITED.exec(whole)?.[1];
  if (advice) return cited ? [cited] : [];
  // "… with the messages below: `Model architectures […] are not supported`"
  if (!onlyFatal && PROSE.test(head)) return [...quotedIn(head), ...(cited ? [cited] : [])];
  return null;
}
