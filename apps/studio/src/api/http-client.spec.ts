import { z } from 'zod';
import { ApiError, createHttpClient, errorMessage, withQuery } from './http-client';

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('http client', () => {
  it('sends the workspace header, the cookie and the JSON body, and parses the answer with the schema', async () => {
    const { calls, fetchImpl } = fakeFetch(200, { id: 'x', extra: true });
    const request = createHttpClient({ getWorkspace: () => 'ws-1', fetchImpl });
    const answer = await request('/api/things', {
      method: 'POST',
      body: { a: 1 },
      query: { q: 'x y', empty: '' },
      schema: z.object({ id: z.string() }),
    });
    expect(answer).toEqual({ id: 'x' });
    expect(calls[0].url).toBe('/api/things?q=x+y');
    expect(calls[0].init.headers).toMatchObject({ 'X-Tandem-Workspace': 'ws-1', 'Content-Type': 'application/json' });
    expect(calls[0].init.headers).not.toHaveProperty('Authorization');
    expect(calls[0].init.credentials).toBe('same-origin');
    expect(calls[0].init.body).toBe('{"a":1}');
  });

  it('signs out on 401 and reports the server message', async () => {
    const onUnauthorized = jest.fn();
    const { fetchImpl } = fakeFetch(401, { statusCode: 401, message: 'Sign in first' });
    const request = createHttpClient({ getWorkspace: () => null, onUnauthorized, fetchImpl });
    await expect(request('/api/journeys')).rejects.toEqual(new ApiError(401, 'Sign in first', null));
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('leaves a wrong password on the sign-in form: an unauthenticated 401 does not sign out', async () => {
    const onUnauthorized = jest.fn();
    const { calls, fetchImpl } = fakeFetch(401, { statusCode: 401, message: 'Wrong email or password' });
    const request = createHttpClient({ getWorkspace: () => 'ws-1', onUnauthorized, fetchImpl });
    await expect(request('/api/auth/sign-in', { method: 'POST', body: {}, auth: false })).rejects.toThrow('Wrong email or password');
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(calls[0].init.headers).not.toHaveProperty('X-Tandem-Workspace');
  });

  it('does not send the workspace to the simulator and keeps 4xx issues', async () => {
    const issues = [{ severity: 'error', code: 'no-entry', message: 'No entry node' }];
    const { calls, fetchImpl } = fakeFetch(422, { statusCode: 422, message: 'Journey has errors', issues });
    const request = createHttpClient({ getWorkspace: () => 'ws-1', fetchImpl });
    const error = await request('/_sim/x', { auth: false }).catch((e: ApiError) => e);
    expect(calls[0].init.headers).not.toHaveProperty('X-Tandem-Workspace');
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues).toEqual(issues);
  });

  it('fails loudly when an answer does not match the contract', async () => {
    const { fetchImpl } = fakeFetch(200, { id: 3 });
    const request = createHttpClient({ getWorkspace: () => null, fetchImpl });
    await expect(request('/api/x', { schema: z.object({ id: z.string() }) })).rejects.toThrow(
      'Unexpected answer from /api/x: id Invalid input: expected string, received number',
    );
  });

  it.each([
    [
      { message: 'Invalid input', issues: [{ path: 'document.triggers.0', message: 'Too small' }] },
      'Invalid input (document.triggers.0: Too small)',
    ],
    [{ message: ['a', 'b'] }, 'a; b'],
    ['<html>Bad gateway</html>', '<html>Bad gateway</html>'],
    [null, 'Request failed with status 502'],
  ])('error message of %o', (body, text) => expect(errorMessage(502, body)).toBe(text));

  it('leaves empty query values out', () => {
    expect(withQuery('/a', { x: undefined, y: null, z: '', n: 0, b: false })).toBe('/a?n=0&b=false');
  });
});
