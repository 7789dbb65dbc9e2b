import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { journeysApi } from '../api/journeys.api';
import { useCan } from '../auth/use-can';
import { useAsync } from '../common/use-async';
import { ErrorBanner } from '../common/ui';
import { EditorWorkspace } from './editor-workspace';
import { useCatalogue } from './palette/use-catalogue';
import { EditorStoreProvider } from './store/editor-store.context';

/** `#/journeys/:id`: loads the journey and the node catalogue, then mounts a fresh editor store. */
export function EditorPage({ journeyId }: { journeyId: string }) {
  const journey = useAsync(() => journeysApi.get(journeyId), [journeyId]);
  const catalogue = useCatalogue();
  const canWrite = useCan('journeys.write');
  // Bumped when the server replaced the draft (rollback), to rebuild the editor around it.
  const [draftEpoch, setDraftEpoch] = useState(0);
  const error = journey.error ?? catalogue.error;
  if (error && !journey.data)
    return <ErrorBanner error={error} onRetry={() => (journey.error ? void journey.reload() : catalogue.refresh())} />;
  if (!journey.data || !catalogue.specs) return <p className="muted page-pad">Loading the journey…</p>;
  return (
    // Keyed by journey and draft epoch: another journey (or a replaced draft) gets a new
    // store (history, selection) instead of inheriting this one.
    <EditorStoreProvider key={`${journeyId}:${draftEpoch}`} init={{ journeyId, document: journey.data.draft, readOnly: !canWrite }}>
      <ReactFlowProvider>
        <EditorWorkspace
          journey={journey.data}
          catalogue={catalogue.specs}
          onRefreshCatalogue={catalogue.refresh}
          onJourneyChanged={journey.reload}
          onDraftReplaced={async () => {
            await journey.reload();
            setDraftEpoch((n) => n + 1);
          }}
        />
      </ReactFlowProvider>
    </EditorStoreProvider>
  );
}
