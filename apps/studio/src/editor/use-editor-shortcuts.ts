import { useEffect, useRef } from 'react';
import { isTextField, shortcutFor, type EditorCommand } from './shortcuts.util';

/** Runs editor commands from the keyboard while the editor is mounted. */
export function useEditorShortcuts(run: (command: EditorCommand) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const command = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inTextField: isTextField(event.target),
      });
      if (!command) return;
      // Copy/paste of text selected on the page keeps working when no node is involved.
      if ((command === 'copy' || command === 'paste') && window.getSelection()?.toString()) return;
      event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
