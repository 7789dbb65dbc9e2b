import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { createEditorStore, type EditorInit, type EditorStore, type EditorStoreApi } from './editor-store';

const EditorStoreContext = createContext<EditorStoreApi | null>(null);

/** Creates the editor store once per mounted journey and provides it to the canvas and panels. */
export function EditorStoreProvider({ init, children }: { init: EditorInit; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(init));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

/** The raw store (for imperative reads in event handlers). */
export function useEditorStoreApi(): EditorStoreApi {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside <EditorStoreProvider>');
  return store;
}

/** Selects from the editor store; shallow-compared so object/array selections do not re-render needlessly. */
export function useEditorStore<T>(selector: (state: EditorStore) => T): T {
  return useStore(useEditorStoreApi(), useShallow(selector));
}
