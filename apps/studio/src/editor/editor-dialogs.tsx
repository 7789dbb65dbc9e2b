import type { JourneyIssueDto } from '@tandem/api-contract';
import { Dialog } from '../common/ui';
import type { SpecIndex } from './document/ports.util';
import { TemplateFallbackDialog } from './panels/template-fallback-dialog';
import { TestRunDialog } from './panels/test-run-dialog';
import { PublishDialog } from './publish/publish-dialog';

/** Which editor dialog is open. */
export type EditorDialog =
  | { kind: 'publish' }
  | { kind: 'test-run' }
  | { kind: 'template-fallback'; nodeId: string }
  | { kind: 'import-errors'; errors: string[] }
  | null;

interface EditorDialogsProps {
  dialog: EditorDialog;
  journeyId: string;
  liveVersion: number | null;
  specs: SpecIndex;
  flush(): Promise<void>;
  onFix(issue: JourneyIssueDto): void;
  onPublished(): void;
  onClose(): void;
}

/** The open editor dialog, if any. */
export function EditorDialogs({ dialog, journeyId, liveVersion, specs, flush, onFix, onPublished, onClose }: EditorDialogsProps) {
  switch (dialog?.kind) {
    case 'publish':
      return (
        <PublishDialog
          journeyId={journeyId}
          liveVersion={liveVersion}
          flush={flush}
          onClose={onClose}
          onFix={onFix}
          onPublished={onPublished}
        />
      );
    case 'test-run':
      return <TestRunDialog journeyId={journeyId} onClose={onClose} />;
    case 'template-fallback':
      return <TemplateFallbackDialog nodeId={dialog.nodeId} specs={specs} onClose={onClose} />;
    case 'import-errors':
      return (
        <Dialog title="This file cannot be imported" onClose={onClose} testId="import-errors">
          <ul>
            {dialog.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </Dialog>
      );
    default:
      return null;
  }
}
