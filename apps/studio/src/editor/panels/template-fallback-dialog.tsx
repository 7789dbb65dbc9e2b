import { useMemo, useState } from 'react';
import { intakeApi } from '../../api/intake.api';
import { useAsync } from '../../common/use-async';
import { Dialog } from '../../common/ui';
import { updateNode } from '../document/document-ops.util';
import type { SpecIndex } from '../document/ports.util';
import { useEditorStore, useEditorStoreApi } from '../store/editor-store.context';
import { fallbackConfig } from './template-fallback.util';

interface Props {
  nodeId: string;
  specs: SpecIndex;
  onClose(): void;
}

/**
 * The "add a template fallback" fix: the node sends this template when the 24 h window
 * is closed. Pick one of the number's templates, or type a name and language.
 */
export function TemplateFallbackDialog({ nodeId, specs, onClose }: Props) {
  const store = useEditorStoreApi();
  const { node, numberId } = useEditorStore((s) => ({
    node: s.history.present.nodes.find((n) => n.id === nodeId),
    numberId: s.history.present.settings.numberId,
  }));
  const templates = useAsync(() => intakeApi.templates(numberId), [numberId]);
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('en_US');
  const approved = useMemo(
    () => (templates.data ?? []).filter((t) => !t.status || t.status.toUpperCase() === 'APPROVED'),
    [templates.data],
  );
  const valid = /^[a-z0-9_]+$/.test(name) && language.trim().length >= 2;
  const apply = () => {
    if (!node) return;
    const schema = specs.get(node.type)?.configJsonSchema;
    store
      .getState()
      .commit((doc) => updateNode(doc, nodeId, { config: fallbackConfig(node.config, schema, { name, language: language.trim() }) }));
    onClose();
  };
  return (
    <Dialog
      title={`Template fallback for ${node?.label ?? nodeId}`}
      onClose={onClose}
      testId="template-fallback-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn--primary"
            data-testid="template-fallback-apply"
            disabled={!valid || !node}
            onClick={apply}
          >
            Use this template
          </button>
        </>
      }
    >
      <p className="muted">
        Outside the 24-hour customer service window WhatsApp only delivers approved templates. This node will send the template instead of
        its free-form message then.
      </p>
      {templates.loading && <p className="muted">Loading the number’s templates…</p>}
      {approved.length > 0 && (
        <ul className="template-list" data-testid="template-list">
          {approved.map((t) => (
            <li key={`${t.name}-${t.language}`}>
              <label className="form-check">
                <input
                  type="radio"
                  name="fallback-template"
                  checked={t.name === name && t.language === language}
                  onChange={() => {
                    setName(t.name);
                    setLanguage(t.language);
                  }}
                />
                <code>{t.name}</code> <span className="muted">{t.language}</span>{' '}
                {t.category && <span className="muted small">· {t.category.toLowerCase()}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      {!templates.loading && approved.length === 0 && (
        <p className="muted">
          {templates.error
            ? `Templates could not be loaded (${templates.error.message})`
            : 'No approved templates are known for this number'}{' '}
          — type one.
        </p>
      )}
      <div className="form-row">
        <label className="form-label" htmlFor="fallback-name">
          Template name
        </label>
        <input
          id="fallback-name"
          data-testid="template-fallback-name"
          value={name}
          onChange={(e) => setName(e.target.value.trim())}
          placeholder="order_update"
        />
        {name && !/^[a-z0-9_]+$/.test(name) && <div className="form-error">Lowercase letters, digits and _ only</div>}
        <label className="form-label" htmlFor="fallback-language">
          Language
        </label>
        <input
          id="fallback-language"
          data-testid="template-fallback-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          placeholder="en_US"
        />
      </div>
    </Dialog>
  );
}
