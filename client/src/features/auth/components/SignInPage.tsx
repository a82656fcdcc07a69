import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/http';
import { LoadingMessage } from '../../../components/LoadingMessage';
import { useLanguage } from '../../../lib/useLanguage';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useMe } from '../api/getMe';
import { useSignIn } from '../api/signIn';
import { safeReturnPath } from '../utils/returnPath';

/** The sign-in form; afterwards the person goes back to the page that sent them here. */
export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const returnTo = safeReturnPath(searchParams.get('returnTo'));
  const me = useMe();
  const signIn = useSignIn();
  const usernameId = useId();
  const passwordId = useId();
  const errorId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const errorRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('auth.signInTitle'));

  useEffect(() => {
    if (signIn.isError) errorRef.current?.focus();
  }, [signIn.isError, signIn.failureCount]);

  if (me.data) {
    return <Navigate to={returnTo} replace />;
  }
  if (me.isPending) {
    return <LoadingMessage />;
  }

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };

  return (
    <section className="narrow-page">
      <h1>{t('auth.signInTitle')}</h1>
      <p className="hint">{t('auth.signInIntro')}</p>
      {signIn.isError && (
        <div ref={errorRef} id={errorId} className="state-message state-message--error" role="alert" tabIndex={-1}>
          <p>
            <SignInErrorText error={signIn.error} />
          </p>
        </div>
      )}
      <form className="form" onSubmit={handleSubmit}>
        <div className="form-field">
          <label htmlFor={usernameId}>{t('auth.username')}</label>
          <input
            id={usernameId}
            name="username"
            autoComplete="username"
            dir="ltr"
            required
            value={username}
            aria-describedby={signIn.isError ? errorId : undefined}
            onChange={(event) => setUsername(event.target.value)}
          />
        </div>
        <div className="form-field">
          <label htmlFor={passwordId}>{t('auth.password')}</label>
          <input
            id={passwordId}
            name="password"
            type="password"
            autoComplete="current-password"
            dir="ltr"
            required
            value={password}
            aria-describedby={signIn.isError ? errorId : undefined}
            onChange={(event) => setPassword(event.target.value)}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SignInErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (error instanceof ApiError) {
    const fallback =
      error.status === 429
        ? t('auth.rateLimited')
        : error.status === 401
          ? t('auth.badCredentials')
          : t('auth.signInFailed');
    return <>{error.serverMessage?.[language] ?? fallback}</>;
  }
  return <>{t('auth.signInFailed')}</>;
}
