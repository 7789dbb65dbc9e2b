import { useCallback, useEffect, useRef } from 'react';
import { journeysApi } from '../api/journeys.api';
import { documentSchemaProblem } from './io/import-export.util';
import { createAutosaver, type Autosaver } from './store/autosave.util';
import { useEditorStore, useEditorStoreApi } from './store/editor-store.context';

/**
 * Autosaves the draft of `journeyId` while the editor is mounted (and once more on
 * leaving), validates it on open, and warns before closing the tab with unsaved edits.
 * Returns `flush` (Ctrl/Cmd+S, before publish or rollback).
 */
export function useDraftAutosave(journeyId: string): () => Promise<void> {
  const store = useEditorStoreApi();
  const saver = useRef<Autosaver | null>(null);
  const dirty = useEditorStore((s) => s.saveState !== 'saved');

  useEffect(() => {
    const autosaver = createAutosaver(store, (doc) => journeysApi.saveDraft(journeyId, doc), undefined, documentSchemaProblem);
    saver.current = autosaver;
    // Every role may validate (it changes nothing): a read-only editor shows the same issues and ports.
    journeysApi.validate(store.getState().history.present).then(store.getState().setValidation, () => undefined);
    return () => {
      autosaver.dispose();
      void autosaver.flush().catch(() => undefined);
    };
  }, [store, journeyId]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return useCallback(async () => {
    await saver.current?.flush();
  }, []);
}
