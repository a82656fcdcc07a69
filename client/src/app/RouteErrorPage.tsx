import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorMessage } from '../components/ErrorMessage';
import { usePageTitle } from '../lib/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

/** Shown inside the layout when a page fails to render. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return <PageFailed error={error} />;
}

function PageFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  usePageTitle(t('app.errorTitle'));
  return (
    <>
      <h1>{t('app.errorTitle')}</h1>
      <ErrorMessage error={error} />
    </>
  );
}
