/**
 * `@tandem/journey-model/regex-safety` — Node only: checks author regular expressions for
 * catastrophic backtracking with `recheck` (a native analyser). Kept out of the main entry so
 * the studio's bundle and the workflow sandbox never load it; the api validates with it and
 * the worker neutralises stored patterns with it before they run.
 */
export { checkPattern, type PatternVerdict } from './regex/check-pattern';
export {
  patternIssues,
  refusalMessage,
  unsafePatterns,
  withSafeConditions,
  withSafeSegment,
  withSafeTriggers,
  type PatternWarn,
  type UnsafePattern,
} from './regex/pattern-safety';
