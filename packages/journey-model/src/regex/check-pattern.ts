import { check, type Diagnostics } from 'recheck';

/** What the safety check says about a pattern: `reason` is a sentence for the marketer. */
export type PatternVerdict = { safe: true } | { safe: false; reason: string };

/**
 * How long one analysis may take. Most answers come in milliseconds; patterns with
 * backreferences are fuzzed and take a second or two. A pattern not judged in time is refused.
 */
const CHECK_TIMEOUT_MS = 8_000;
/** Verdicts kept per process: patterns repeat across versions, contacts and events. */
const CACHE_LIMIT = 5_000;

const verdicts = new Map<string, Promise<PatternVerdict>>();

/**
 * Checks a pattern with recheck (automata theory, fuzzing for backreferences) and refuses
 * anything not proven safe: exponential and polynomial backtracking alike — recheck's degree
 * hides the constant, e.g. `(.*a){12}` is "quadratic" yet takes seconds on a 4 KB message —
 * and patterns it cannot analyse in time. Verdicts are cached per pattern and flags.
 * @example (await checkPattern('(a+)+$', 'i')).safe // false
 */
export function checkPattern(pattern: string, flags: string): Promise<PatternVerdict> {
  const key = `${flags}/${pattern}`;
  let verdict = verdicts.get(key);
  if (!verdict) {
    verdict = check(pattern, flags, { timeout: CHECK_TIMEOUT_MS }).then(verdictOf, (error: unknown) => ({
      safe: false as const,
      reason: `the safety check failed (${error instanceof Error ? error.message : String(error)})`,
    }));
    if (verdicts.size >= CACHE_LIMIT) verdicts.delete(verdicts.keys().next().value as string);
    verdicts.set(key, verdict);
  }
  return verdict;
}

function verdictOf(d: Diagnostics): PatternVerdict {
  switch (d.status) {
    case 'safe':
      return { safe: true };
    case 'vulnerable': {
      const growth =
        d.complexity.type === 'exponential' ? 'exponential time' : `time growing as ${powerOf(d.complexity.degree)} of their length`;
      return { safe: false, reason: `this pattern can take ${growth} on some messages${hotspotOf(d.source, d.hotspot)}` };
    }
    case 'unknown':
      return {
        safe: false,
        reason:
          d.error.kind === 'timeout'
            ? 'this pattern is too complex to prove it matches quickly'
            : `this pattern cannot be analysed for slow matching (${'message' in d.error ? d.error.message : d.error.kind})`,
      };
  }
}

/** The part of the pattern that backtracks, e.g. ` (slow part: "(a+)+")`. */
function hotspotOf(source: string, hotspots: readonly { start: number; end: number }[]): string {
  if (hotspots.length === 0) return '';
  const start = Math.min(...hotspots.map((h) => h.start));
  const end = Math.max(...hotspots.map((h) => h.end));
  return ` (slow part: "${source.slice(start, end)}")`;
}

function powerOf(degree: number): string {
  return degree === 2 ? 'the square' : degree === 3 ? 'the cube' : `the ${degree}th power`;
}
