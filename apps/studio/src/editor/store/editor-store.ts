import type { JourneyIssueDto } from '@tandem/api-contract';
import type { JourneyDocument } from '@tandem/journey-model';
import { createStore } from 'zustand/vanilla';
import type { XY } from '../document/document-ops.util';
import { moveNodes } from '../document/document-ops.util';
import type { Size } from '../flow/document-flow.util';
import {
  commitFrom,
  createHistory,
  pushHistory,
  redoHistory,
  replacePresent,
  undoHistory,
  type History,
  type PushOptions,
} from './history.util';

/** Autosave state shown next to the journey name. */
export type SaveState = 'saved' | 'dirty' | 'saving' | 'error';

/** Side panel of the editor. */
export type EditorPanel = 'node' | 'triggers' | 'settings' | 'issues' | 'versions';

export interface EditorState {
  journeyId: string;
  /** The caller may not write journeys: the document never changes, so nothing is saved. */
  readOnly: boolean;
  history: History<JourneyDocument>;
  /** The document as it was when the drag in progress started. */
  dragBase: JourneyDocument | null;
  /** Bumped on every document change that should be saved. */
  revision: number;
  savedRevision: number;
  saveState: SaveState;
  saveError: string | null;
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  measured: Record<string, Size>;
  issues: JourneyIssueDto[];
  ports: Record<string, string[]>;
  panel: EditorPanel;
}

export interface CommitOptions extends PushOptions {
  /** Select these nodes afterwards (e.g. a dropped or pasted node). */
  select?: string[];
}

export interface EditorActions {
  commit(update: (doc: JourneyDocument) => JourneyDocument, options?: CommitOptions): void;
  undo(): void;
  redo(): void;
  /** Moves nodes while dragging: no undo step, no save, until {@link EditorActions.endDrag}. */
  dragTo(positions: Record<string, XY>): void;
  endDrag(): void;
  select(nodeIds: string[], edgeIds: string[]): void;
  setMeasured(sizes: Record<string, Size>): void;
  setValidation(result: { issues: JourneyIssueDto[]; ports: Record<string, string[]> }): void;
  markSaving(): void;
  markSaved(revision: number): void;
  markSaveFailed(message: string): void;
  setPanel(panel: EditorPanel): void;
}

export type EditorStore = EditorState & EditorActions;

const keepExisting = (ids: string[], present: Set<string>) => ids.filter((id) => present.has(id));

/** Selection trimmed to what still exists after an undo/redo. */
function trimSelection(state: EditorState, doc: JourneyDocument): Pick<EditorState, 'selectedNodeIds' | 'selectedEdgeIds'> {
  return {
    selectedNodeIds: keepExisting(state.selectedNodeIds, new Set(doc.nodes.map((n) => n.id))),
    selectedEdgeIds: keepExisting(state.selectedEdgeIds, new Set(doc.edges.map((e) => e.id))),
  };
}

export interface EditorInit {
  journeyId: string;
  document: JourneyDocument;
  readOnly?: boolean;
}

/** One store per open journey (strudel-flow style: a factory, provided through context). */
export function createEditorStore(init: EditorInit) {
  return createStore<EditorStore>()((set, get) => {
    // Every document change goes through here (or dragTo): read-only refuses them all at once.
    const changed = (history: History<JourneyDocument>, extra: Partial<EditorState> = {}) => {
      const state = get();
      if (history === state.history || state.readOnly) return;
      set({ history, revision: state.revision + 1, saveState: 'dirty', ...trimSelection(state, history.present), ...extra });
    };
    return {
      journeyId: init.journeyId,
      readOnly: init.readOnly ?? false,
      history: createHistory(init.document),
      dragBase: null,
      revision: 0,
      savedRevision: 0,
      saveState: 'saved',
      saveError: null,
      selectedNodeIds: [],
      selectedEdgeIds: [],
      measured: {},
      issues: [],
      ports: {},
      panel: 'node',
      commit(update, options = {}) {
        const { history } = get();
        const next = update(history.present);
        if (next === history.present) return;
        const selection = options.select ? { selectedNodeIds: options.select, selectedEdgeIds: [] } : {};
        changed(pushHistory(history, next, options), selection);
      },
      undo: () => changed(undoHistory(get().history)),
      redo: () => changed(redoHistory(get().history)),
      dragTo(positions) {
        const { history, dragBase, readOnly } = get();
        if (readOnly) return;
        const next = moveNodes(history.present, positions);
        if (next === history.present) return;
        set({ history: replacePresent(history, next), dragBase: dragBase ?? history.present });
      },
      endDrag() {
        const { history, dragBase } = get();
        if (!dragBase) return;
        set({ dragBase: null });
        changed(commitFrom(history, dragBase));
      },
      select: (selectedNodeIds, selectedEdgeIds) => set({ selectedNodeIds, selectedEdgeIds }),
      setMeasured: (sizes) => set({ measured: { ...get().measured, ...sizes } }),
      setValidation: ({ issues, ports }) => set({ issues, ports }),
      markSaving: () => set({ saveState: 'saving', saveError: null }),
      markSaved(revision) {
        const state = get();
        set({ savedRevision: revision, saveState: state.revision === revision ? 'saved' : 'dirty', saveError: null });
      },
      markSaveFailed: (message) => set({ saveState: 'error', saveError: message }),
      setPanel: (panel) => set({ panel }),
    };
  });
}

/** The store API of one editor. */
export type EditorStoreApi = ReturnType<typeof createEditorStore>;

/** The document being edited. */
export const selectDocument = (s: EditorStore): JourneyDocument => s.history.present;
