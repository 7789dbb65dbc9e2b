import type { NodeSpecDto } from '@tandem/api-contract';
import { useMemo, useState, type DragEvent } from 'react';
import { iconGlyph } from '../../common/icons.util';
import { PALETTE_DRAG_TYPE, paletteGroups } from './palette.util';

interface PaletteProps {
  specs: NodeSpecDto[];
  /** Click (or Enter) adds the node at the centre of the view, for keyboard users and tests. */
  onAdd(spec: NodeSpecDto): void;
  onRefresh(): void;
}

const onDragStart = (event: DragEvent, spec: NodeSpecDto) => {
  event.dataTransfer.setData(PALETTE_DRAG_TYPE, spec.key);
  event.dataTransfer.setData('text/plain', spec.key);
  event.dataTransfer.effectAllowed = 'move';
};

/** Node types grouped by category with a search box; drag an item onto the canvas. */
export function Palette({ specs, onAdd, onRefresh }: PaletteProps) {
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(specs, query), [specs, query]);
  return (
    <aside className="palette" data-testid="palette">
      <div className="palette-search">
        <input
          type="search"
          placeholder="Search nodes…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          data-testid="palette-search"
          aria-label="Search nodes"
        />
        <button type="button" className="btn-icon" title="Reload the node catalogue" onClick={onRefresh}>
          ⟳
        </button>
      </div>
      {groups.length === 0 && <p className="muted palette-empty">No node matches “{query}”.</p>}
      {groups.map((group) => (
        <section key={group.category} className="palette-group">
          <h3>{group.category}</h3>
          {group.items.map((spec) => (
            <div
              key={spec.key}
              className="palette-item"
              draggable
              role="button"
              tabIndex={0}
              title={`${spec.description}\n${spec.key} · ${spec.source}`}
              data-testid={`palette-item-${spec.key}`}
              onDragStart={(e) => onDragStart(e, spec)}
              onDoubleClick={() => onAdd(spec)}
              onKeyDown={(e) => e.key === 'Enter' && onAdd(spec)}
            >
              <span className="palette-icon" aria-hidden>
                {iconGlyph(spec.icon, spec.category)}
              </span>
              <span className="palette-text">
                <span className="palette-label">{spec.label}</span>
                <span className="palette-desc">{spec.description}</span>
              </span>
              {!spec.source.startsWith('@tandem/') && <span className="badge badge--custom">custom</span>}
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
}
