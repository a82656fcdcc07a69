import type { Location } from 'react-router-dom';

/**
 * Where to go after signing in: a path on this site taken from `?returnTo=`, else the home page. Anything that
 * could leave the site (`//host`, `https://…`, `/\host`) is refused.
 */
export function safeReturnPath(raw: string | null): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  return raw;
}

/** The sign-in page's address that brings the person back to `location` afterwards. */
export function signInPathFor(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = `${location.pathname}${location.search}`;
  return here === '/' || location.pathname === '/signin' ? '/signin' : `/signin?returnTo=${encodeURIComponent(here)}`;
}
