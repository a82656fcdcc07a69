import { Component, type ReactNode } from 'react';
import { ErrorMessage } from '../../../components/ErrorMessage';

interface SectionBoundaryProps {
  children: ReactNode;
  /** Shown instead of the section when it cannot be drawn; by default the generic "could not load" message. */
  fallback?: ReactNode;
}

interface SectionBoundaryState {
  error: unknown;
}

/**
 * Keeps a failure inside one section of a page: when a section cannot be drawn (an answer not shaped as expected,
 * a chunk that could not be fetched), it says so in its place and the rest of the page stays.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, SectionBoundaryState> {
  override state: SectionBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): SectionBoundaryState {
    return { error: error ?? new Error('Section failed') };
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return this.props.fallback ?? <ErrorMessage error={this.state.error} />;
  }
}
