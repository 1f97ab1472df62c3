// The signed-in user: a bearer token kept in this tab's session storage. The console reads its
// claims only to choose pages; the services verify it on every call.

const KEY = 'entente.token';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  const claims = decode(value.trim());
  if (!claims) throw new Error('That is not a JSON Web Token.');
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('That token has expired.');
  sessionStorage.setItem(KEY, value.trim());
  return user();
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** {subject, state, roles, expiresAt} of the signed-in user, or null. */
export function user() {
  const value = token();
  const claims = value && decode(value);
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) return null;
  return { subject: claims.sub, state: claims.state ?? null, roles: claims.roles ?? [], expiresAt: claims.exp * 1000 };
}

export function has(role) {
  return user()?.roles.includes(role) ?? false;
}

function decode(jwt) {
  const parts = jwt.split('.');
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
  } catch {
    return null;
  }
}
