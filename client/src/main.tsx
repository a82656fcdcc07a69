import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router-dom';
import { App } from './app/App';
import { createI18n } from './app/i18n/createI18n';
import { createQueryClient } from './app/createQueryClient';
import { routes } from './app/routes';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element');
}

createRoot(container).render(
  <StrictMode>
    <App i18n={createI18n()} queryClient={createQueryClient()} router={createBrowserRouter(routes)} />
  </StrictMode>,
);
