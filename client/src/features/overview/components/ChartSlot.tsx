import { Component, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingMessage } from '../../../components/LoadingMessage';

/**
 * Where a lazy chart goes: a loading note while chart.js arrives, and, when its code cannot be fetched (a lost
 * connection), a note that the table beside it holds every figure; the rest of the page is untouched.
 */
export function ChartSlot({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ChartBoundary fallback={<p className="state-message">{t('overview.chartFailed')}</p>}>
      <Suspense fallback={<LoadingMessage />}>{children}</Suspense>
    </ChartBoundary>
  );
}

interface ChartBoundaryProps {
  fallback: ReactNode;
  children: ReactNode;
}

class ChartBoundary extends Component<ChartBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
