import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { ErrorMessage } from '../components/ErrorMessage';
import { NotFoundPage } from './NotFoundPage';

/** Shown inside the layout when a page fails to render. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  return (
    <>
      <h1>{t('app.title')}</h1>
      <ErrorMessage error={error} />
    </>
  );
}
