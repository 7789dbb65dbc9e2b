/**
 * Flags an author's pattern is compiled with: `i` unless the trigger or rule asks for case.
 * The safety check (`@tandem/journey-model/regex-safety`) checks patterns with these very flags.
 */
export function authorRegexFlags(ignoreCase: boolean): string {
  return ignoreCase ? 'i' : '';
}

/**
 * A pattern that matches nothing, in linear time. Run-time loaders put it in place of a
 * stored pattern the safety check refuses, so the trigger or rule simply does not match.
 */
export const NEVER_MATCHING_PATTERN = '(?!)';

/**
 * Tests an author-written pattern (trigger or `matches` rule) against `text`.
 * @example testAuthorRegex('^order\\s+\\d+$', true, 'Order 42') // true
 */
export function testAuthorRegex(pattern: string, ignoreCase: boolean, text: string): boolean {
  return new RegExp(pattern, authorRegexFlags(ignoreCase)).test(text);
}
