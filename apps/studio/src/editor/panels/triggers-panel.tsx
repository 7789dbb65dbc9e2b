import type { JourneyIssueDto } from '@tandem/api-contract';
import type { Trigger, TriggerKind } from '@tandem/journey-model';
import { useMemo, useState } from 'react';
import { SchemaForm } from '../forms/schema-form';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store.context';
import { IssueList } from './issue-list';
import { TRIGGER_HELP, TRIGGER_KIND_LIST, newTrigger, triggerBody, triggerVariantSchema, withTriggerId } from './trigger-form.util';

function TriggerCard({ trigger, issues }: { trigger: Trigger; issues: JourneyIssueDto[] }) {
  const schema = useMemo(() => triggerVariantSchema(trigger.kind), [trigger.kind]);
  const store = useEditorStoreApi();
  const update = (body: unknown) =>
    store
      .getState()
      .commit((doc) => ({ ...doc, triggers: doc.triggers.map((t) => (t.id === trigger.id ? withTriggerId(body, trigger.id) : t)) }), {
        coalesceKey: `trigger:${trigger.id}`,
      });
  const remove = () => store.getState().commit((doc) => ({ ...doc, triggers: doc.triggers.filter((t) => t.id !== trigger.id) }));
  return (
    <div className="trigger-card" data-testid={`trigger-${trigger.id}`}>
      <div className="trigger-card-head">
        <strong>{TRIGGER_HELP[trigger.kind]?.label ?? trigger.kind}</strong>
        <code className="muted small">{trigger.id}</code>
        <button type="button" className="btn-icon" title="Remove trigger" data-testid={`remove-trigger-${trigger.id}`} onClick={remove}>
          ×
        </button>
      </div>
      <p className="muted small">{TRIGGER_HELP[trigger.kind]?.help}</p>
      <IssueList issues={issues} onFix={() => undefined} compact />
      <SchemaForm
        schema={schema}
        value={triggerBody(trigger)}
        onChange={update}
        idPrefix={`trigger-${trigger.id}`}
        testId={`trigger-form-${trigger.id}`}
      />
    </div>
  );
}

/** The journey's triggers: what starts a run. Every trigger starts at the entry node. */
export function TriggersPanel() {
  const store = useEditorStoreApi();
  const { triggers, entryNodeId, generalIssues } = useEditorStore((s) => ({
    triggers: s.history.present.triggers,
    entryNodeId: s.history.present.entryNodeId,
    generalIssues: s.issues,
  }));
  const [kind, setKind] = useState<TriggerKind>('message.received');
  const add = () => store.getState().commit((doc) => ({ ...doc, triggers: [...doc.triggers, newTrigger(kind, doc.triggers)] }));
  const missing = generalIssues.filter((i) => i.code === 'no-trigger' || i.code === 'no-entry' || i.code === 'entry-not-found');
  return (
    <div className="panel-section" data-testid="triggers-panel">
      <p className="muted">
        Every trigger starts a run at the entry node{' '}
        {entryNodeId ? <code>{entryNodeId}</code> : <em>(none set — select a node and “Set as entry”)</em>}.
      </p>
      {missing.map((i) => (
        <div key={i.code} className="banner banner--warning">
          {i.message}
        </div>
      ))}
      {triggers.map((t) => (
        <TriggerCard key={t.id} trigger={t} issues={generalIssues.filter((i) => i.triggerId === t.id)} />
      ))}
      <div className="button-row">
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as TriggerKind)}
          data-testid="new-trigger-kind"
          aria-label="Trigger kind"
        >
          {TRIGGER_KIND_LIST.map((k) => (
            <option key={k} value={k}>
              {TRIGGER_HELP[k].label}
            </option>
          ))}
        </select>
        <button type="button" className="btn" data-testid="add-trigger" onClick={add}>
          + Add trigger
        </button>
      </div>
    </div>
  );
}
