import type { MeDto } from '@tandem/api-contract';
import { useAuthStore } from './auth.store';
import { loadMe, signIn, signOut, switchWorkspace } from './session';

const WS_A = '00000000-0000-4000-8000-00000000000a';
const WS_B = '00000000-0000-4000-8000-00000000000b';

const me = (workspaceId: string, role: 'admin' | 'viewer'): MeDto => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'ana@example.com', name: 'Ana' },
  token: null,
  workspace: { id: workspaceId, name: workspaceId === WS_A ? 'A' : 'B', role },
  workspaces: [
    { id: WS_A, name: 'A', role: 'admin' },
    { id: WS_B, name: 'B', role: 'viewer' },
  ],
  permissions: role === 'admin' ? ['workspace.read', 'members.manage'] : ['workspace.read'],
  session: null,
});

/** The api, at the process boundary: answers by path and by the workspace header. */
function fakeApi(answer: (path: string, workspace: string | undefined) => { status: number; body?: unknown }) {
  const calls: { path: string; method: string; workspace: string | undefined }[] = [];
  global.fetch = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const workspace = headers['X-Tandem-Workspace'];
    calls.push({ path: url, method: init.method ?? 'GET', workspace });
    const { status, body } = answer(url, workspace);
    return new Response(body === undefined ? null : JSON.stringify(body), { status });
  }) as typeof fetch;
  return calls;
}

beforeEach(() => useAuthStore.setState({ status: 'loading', me: null, workspaceId: null, error: null }));

describe('session', () => {
  it('signs in, then loads /me and acts in the workspace it names', async () => {
    const calls = fakeApi((path) =>
      path === '/api/auth/sign-in' ? { status: 200, body: { expiresAt: 'x' } } : { status: 200, body: me(WS_A, 'admin') },
    );
    await signIn('ana@example.com', 'correct horse');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/auth/sign-in', 'GET /api/auth/me']);
    expect(useAuthStore.getState()).toMatchObject({ status: 'signed-in', workspaceId: WS_A });
  });

  it('leaves the person signed out when the password is wrong', async () => {
    fakeApi(() => ({ status: 401, body: { statusCode: 401, message: 'Wrong email or password' } }));
    useAuthStore.setState({ status: 'signed-out' });
    await expect(signIn('ana@example.com', 'nope-nope-nope')).rejects.toThrow('Wrong email or password');
    expect(useAuthStore.getState()).toMatchObject({ status: 'signed-out', me: null });
  });

  it('falls back to the default workspace when the remembered one is not ours (404)', async () => {
    useAuthStore.setState({ workspaceId: '00000000-0000-4000-8000-0000000000ff' });
    const calls = fakeApi((_path, workspace) =>
      workspace ? { status: 404, body: { statusCode: 404, message: 'No such workspace' } } : { status: 200, body: me(WS_A, 'admin') },
    );
    await loadMe();
    expect(calls.map((c) => c.workspace)).toEqual(['00000000-0000-4000-8000-0000000000ff', undefined]);
    expect(useAuthStore.getState()).toMatchObject({ status: 'signed-in', workspaceId: WS_A });
  });

  it('switches workspace: /me is asked in the new one and the permissions follow its role', async () => {
    useAuthStore.setState({ status: 'signed-in', me: me(WS_A, 'admin'), workspaceId: WS_A });
    const calls = fakeApi((_path, workspace) => ({ status: 200, body: me(workspace ?? WS_A, workspace === WS_B ? 'viewer' : 'admin') }));
    await switchWorkspace(WS_B);
    expect(calls).toEqual([{ path: '/api/auth/me', method: 'GET', workspace: WS_B }]);
    expect(useAuthStore.getState().me?.permissions).toEqual(['workspace.read']);
  });

  it('goes back to sign-in when the session has ended, and on sign-out', async () => {
    useAuthStore.setState({ status: 'signed-in', me: me(WS_A, 'admin'), workspaceId: WS_A });
    fakeApi(() => ({ status: 401, body: { statusCode: 401, message: 'Sign in first' } }));
    await loadMe();
    expect(useAuthStore.getState()).toMatchObject({ status: 'signed-out', me: null });

    useAuthStore.setState({ status: 'signed-in', me: me(WS_A, 'admin'), workspaceId: WS_A });
    const calls = fakeApi(() => ({ status: 204 }));
    await signOut();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/auth/sign-out']);
    expect(useAuthStore.getState()).toMatchObject({ status: 'signed-out', me: null });
  });
});
