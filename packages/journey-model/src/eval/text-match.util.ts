/** How a keyword is compared with a message. */
export type KeywordMode = 'exact' | 'contains' | 'starts_with';

/**
 * Normalises text for keyword matching: trims, lower-cases, strips accents and collapses
 * whitespace, so `  Olá ` matches `ola`.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when `text` matches one of `keywords` in `mode`. Both sides are normalised
 * ({@link normalizeText}) and compared as words, so `Yes!` matches `yes` and `no` does not
 * fire on `know`; a keyword made only of symbols (an emoji) is compared as is.
 */
export function matchesKeyword(text: string | undefined, keywords: readonly string[], mode: KeywordMode): boolean {
  if (text === undefined) return false;
  const subject = normalizeText(text);
  if (subject === '') return false;
  return keywords.some((keyword) => matchesOne(subject, normalizeText(keyword), mode));
}

function matchesOne(subject: string, keyword: string, mode: KeywordMode): boolean {
  const wanted = wordsOf(keyword);
  if (wanted === '') return keyword !== '' && (mode === 'exact' ? subject === keyword : subject.includes(keyword));
  const words = wordsOf(subject);
  if (mode === 'exact') return words === wanted;
  if (mode === 'starts_with') return words.startsWith(wanted);
  return ` ${words} `.includes(` ${wanted} `);
}

/** Letters and digits only, single-spaced. */
function wordsOf(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
