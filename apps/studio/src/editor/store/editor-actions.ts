import type { NodeSpecDto } from '@tandem/api-contract';
import { copyNodes, parseClipboard, pasteNodes, type ClipboardContent } from '../document/clipboard.util';
import { addNode, moveNodes, type XY } from '../document/document-ops.util';
import { portsOf, type SpecIndex } from '../document/ports.util';
import { layoutDocument } from '../flow/layout.util';
import { initialConfig } from '../palette/palette.util';
import type { EditorStoreApi } from './editor-store';

/** Adds a node of `spec` at `position`, selects it and opens its config. Returns its id. */
export function addNodeFromSpec(store: EditorStoreApi, spec: NodeSpecDto, position: XY): string {
  const result = addNode(store.getState().history.present, { type: spec.key, config: initialConfig(spec), position });
  store.getState().commit(() => result.doc, { select: [result.nodeId] });
  store.getState().setPanel('node');
  return result.nodeId;
}

/** In-memory clipboard, so copy/paste works between journeys even without clipboard permission. */
let clipboard: ClipboardContent | null = null;

/** Copies the selected nodes (and their internal edges); also to the system clipboard when allowed. */
export function copySelection(store: EditorStoreApi): boolean {
  const { history, selectedNodeIds } = store.getState();
  const content = copyNodes(history.present, selectedNodeIds);
  if (!content) return false;
  clipboard = content;
  void navigator.clipboard?.writeText(JSON.stringify(content)).catch(() => undefined);
  return true;
}

async function readClipboard(): Promise<ClipboardContent | null> {
  if (clipboard) return clipboard;
  try {
    const text = await navigator.clipboard?.readText();
    return text ? parseClipboard(text) : null;
  } catch {
    return null;
  }
}

/** Pastes copied nodes (at `at` when the pointer is over the canvas) and selects the copies. */
export async function pasteFromClipboard(store: EditorStoreApi, at: XY | null): Promise<void> {
  const content = await readClipboard();
  if (!content) return;
  const result = pasteNodes(store.getState().history.present, content, at ?? undefined);
  store.getState().commit(() => result.doc, { select: result.nodeIds });
}

/** Lays the whole journey out left → right with ELK, as one undo step. */
export async function autoLayout(store: EditorStoreApi, specs: SpecIndex): Promise<void> {
  const { history, measured, ports } = store.getState();
  const doc = history.present;
  const positions = await layoutDocument(doc, measured, (id) => {
    const node = doc.nodes.find((n) => n.id === id);
    return node ? portsOf(node, specs, ports) : [];
  });
  store.getState().commit((current) => moveNodes(current, positions));
}
