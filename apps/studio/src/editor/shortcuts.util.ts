/** Editor commands reachable from the keyboard. */
export type EditorCommand = 'undo' | 'redo' | 'copy' | 'paste' | 'save' | 'layout';

/** The parts of a keyboard event the mapping reads. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** Focus is in a text field: only Save applies there (the field keeps its own undo/copy). */
  inTextField: boolean;
}

/**
 * Maps a key press to a command: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl/Cmd+Y redo,
 * Ctrl/Cmd+C/V copy/paste nodes, Ctrl/Cmd+S save, L auto-layout. Delete is React Flow's.
 */
export function shortcutFor(input: KeyInput): EditorCommand | null {
  const mod = input.ctrlKey || input.metaKey;
  const key = input.key.toLowerCase();
  if (mod && key === 's') return 'save';
  if (input.inTextField || input.altKey) return null;
  if (mod && key === 'z') return input.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y') return 'redo';
  if (mod && key === 'c') return 'copy';
  if (mod && key === 'v') return 'paste';
  if (!mod && !input.shiftKey && key === 'l') return 'layout';
  return null;
}

/** True for inputs, text areas, selects and editable content (where typing must not trigger commands). */
export function isTextField(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== 'string') return false;
  const element = target as HTMLElement;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName) || element.isContentEditable === true;
}
