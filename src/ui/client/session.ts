// The signed-in reviewer: the key kept in this tab's session storage, checked with GET /v1/whoami.
import { ApiError, createApi, type Api } from './api.js';
import type { Whoami } from './types.js';

const STORAGE_KEY = 'eleanor.apiKey';

export interface Session {
  readonly api: Api;
  readonly who: Whoami;
}

export const storedKey = (): string | null => sessionStorage.getItem(STORAGE_KEY);
export const forgetKey = (): void => sessionStorage.removeItem(STORAGE_KEY);

/**
 * Checks the key (null: try a server without auth) and that it may review. Keeps it for the tab only once it is
 * accepted; rejects with an ApiError otherwise (401 unknown key, 403 without the reviewer role).
 */
export async function signIn(key: string | null): Promise<Session> {
  const api = createApi(key);
  const who = await api.get<Whoami>('v1/whoami');
  if (!who.roles.includes('reviewer') && !who.roles.includes('admin')) {
    throw new ApiError(
      403,
      'FORBIDDEN',
      `the key '${who.id}' has the role ${who.roles.join(', ')}; the dashboard needs a key with the reviewer role (or admin)`,
    );
  }
  if (key !== null) sessionStorage.setItem(STORAGE_KEY, key);
  return { api, who };
}
