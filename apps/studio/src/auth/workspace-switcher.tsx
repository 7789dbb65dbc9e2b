import { useAuthStore } from './auth.store';
import { switchWorkspace } from './session';

/** The nav's workspace picker (only with more than one workspace) and who is signed in. */
export function WorkspaceSwitcher() {
  const me = useAuthStore((s) => s.me);
  if (!me) return null;
  const who = me.user?.email ?? me.token?.name ?? '';
  return (
    <span className="nav-account">
      {me.workspaces.length > 1 ? (
        <select
          aria-label="Workspace"
          value={me.workspace.id}
          onChange={(e) => void switchWorkspace(e.target.value)}
          data-testid="workspace-switcher"
        >
          {me.workspaces.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name} ({w.role})
            </option>
          ))}
        </select>
      ) : (
        <span className="muted small" data-testid="workspace-name">
          {me.workspace.name}
        </span>
      )}
      <span className="muted small" data-testid="signed-in-as" title={`${who}, ${me.workspace.role}`}>
        {who} · {me.workspace.role}
      </span>
    </span>
  );
}
