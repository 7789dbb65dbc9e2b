import type { ValidateResponseDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import type { EditorStoreApi } from './editor-store';

/** Debounce between the last edit and the draft save. */
export const AUTOSAVE_DELAY_MS = 800;

export interface Autosaver {
  /** Saves now if there are unsaved changes (Ctrl/Cmd+S, leaving the page). Resolves when saved. */
  flush(): Promise<void>;
  dispose(): void;
}

/**
 * Saves the draft `delayMs` after the last change (`PUT …/draft`) and stores the answer's
 * issues and ports. One save at a time: edits made while a save is in flight are saved
 * right after it, so the server always ends with the newest document.
 */
export function createAutosaver(
  store: EditorStoreApi,
  save: (doc: JourneyDocument) => Promise<ValidateResponseDto>,
  delayMs = AUTOSAVE_DELAY_MS,
  /** Why the server would refuse the document (400), or `null`: such drafts are not sent. */
  check: (doc: JourneyDocument) => string | null = () => null,
): Autosaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | null = null;

  const saveOnce = async (): Promise<void> => {
    const { revision, savedRevision, history } = store.getState();
    if (revision === savedRevision) return;
    const refusal = check(history.present);
    if (refusal) {
      store.getState().markSaveFailed(refusal);
      return;
    }
    store.getState().markSaving();
    try {
      const result = await save(history.present);
      store.getState().setValidation(result);
      store.getState().markSaved(revision);
    } catch (error) {
      store.getState().markSaveFailed(error instanceof Error ? error.message : String(error));
      throw error;
    }
  };

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    while (inFlight) await inFlight.catch(() => undefined);
    const state = store.getState();
    if (state.revision === state.savedRevision) return;
    inFlight = saveOnce().finally(() => {
      inFlight = null;
    });
    await inFlight;
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(() => undefined), delayMs);
  });

  return {
    flush,
    dispose() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
