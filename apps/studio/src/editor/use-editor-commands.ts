import { useReactFlow } from '@xyflow/react';
import { useCallback, type MutableRefObject } from 'react';
import type { XY } from './document/document-ops.util';
import type { SpecIndex } from './document/ports.util';
import { FIT_OPTIONS } from './flow/use-initial-fit';
import type { EditorCommand } from './shortcuts.util';
import { autoLayout, copySelection, pasteFromClipboard } from './store/editor-actions';
import { useEditorStoreApi } from './store/editor-store.context';
import { useEditorShortcuts } from './use-editor-shortcuts';

/** Runs toolbar and keyboard commands (undo, redo, copy, paste, save, layout). */
export function useEditorCommands(
  specs: SpecIndex,
  pointer: MutableRefObject<XY | null>,
  save: () => Promise<void>,
): (command: EditorCommand) => void {
  const store = useEditorStoreApi();
  const flow = useReactFlow();
  const run = useCallback(
    (command: EditorCommand) => {
      const s = store.getState();
      switch (command) {
        case 'undo':
          return s.undo();
        case 'redo':
          return s.redo();
        case 'copy':
          return void copySelection(store);
        case 'paste':
          return void pasteFromClipboard(store, pointer.current);
        case 'save':
          return void save().catch(() => undefined);
        case 'layout':
          // Positions reach React Flow on the next render; fit after it.
          return void autoLayout(store, specs).then(() => setTimeout(() => void flow.fitView({ ...FIT_OPTIONS, duration: 300 }), 50));
      }
    },
    [store, specs, pointer, save, flow],
  );
  useEditorShortcuts(run);
  return run;
}
