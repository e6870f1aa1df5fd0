// Calls to the workspace API. Writes carry the session's CSRF token; a 401 anywhere means the session ended.
export interface Session { author: string; can_decide: boolean; csrf_token: string; expires_at: string; run_id: number | null; model_version: string | null; }

export class ApiError extends Error {
  constructor(public status: number, message: string) { super(message); }
}

let session: Session | null = null;
let onSignedOut: () => void = () => {};

export function currentSession(): Session | null { return session; }
export function setSession(s: Session | null): void { session = s; }
export function whenSignedOut(handler: () => void): void { onSignedOut = handler; }

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && session) headers['X-CSRF-Token'] = session.csrf_token;
  const response = await fetch('/workspace/api' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && !path.endsWith('/sign-in')) { session = null; onSignedOut(); }
    throw new ApiError(response.status, json?.detail ?? `${response.status} ${response.statusText}`);
  }
  return json as T;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {});
