/**
 * Node types name their icon with a lucide name; the studio has no icon font, so the
 * common names map to a glyph from the basic symbol blocks (no emoji font needed) and
 * anything else shows the category's first letter.
 */
const GLYPHS: Record<string, string> = {
  clock: '◷',
  timer: '◷',
  hourglass: '⧗',
  'message-circle': '✉',
  'message-square': '✉',
  'message-circle-reply': '↩',
  'messages-square': '✉',
  'list-checks': '☰',
  list: '☰',
  'file-text': '▤',
  'layout-template': '▤',
  send: '➤',
  image: '▨',
  'git-branch': '⋔',
  'git-fork': '⋔',
  'square-mouse-pointer': '☐',
  'bell-off': '⊘',
  'bell-ring': '♪',
  'tag-x': '#',
  split: '⋔',
  shuffle: '⤨',
  flag: '⚑',
  target: '◎',
  'log-out': '⇥',
  'circle-stop': '■',
  square: '■',
  'check-check': '✓',
  tag: '#',
  tags: '#',
  user: '☺',
  'user-pen': '☺',
  'user-cog': '☺',
  globe: '◍',
  webhook: '⇄',
  link: '⇄',
  database: '▦',
  code: '⟨⟩',
  variable: '≔',
  bell: '♪',
  hand: '☛',
  headset: '☎',
  box: '▣',
};

/** Glyph for a lucide icon name, or the first letter of `fallback`. */
export function iconGlyph(icon: string, fallback = '?'): string {
  return GLYPHS[icon] ?? (fallback.trim()[0] ?? '?').toUpperCase();
}
