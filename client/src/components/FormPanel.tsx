import { useEffect, useId, useRef, type ReactNode } from 'react';
import './forms.css';

interface FormPanelProps {
  title: string;
  /** The heading's level where the panel sits. */
  level: 2 | 3;
  /** The form, given the heading's id to name itself by. */
  children: (headingId: string) => ReactNode;
}

/**
 * A form opened in place: its heading takes the focus when it opens, so keyboard and screen-reader users land on
 * it instead of having to find it.
 */
export function FormPanel({ title, level, children }: FormPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const Heading = level === 2 ? 'h2' : 'h3';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="form-panel">
      <Heading id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {children(headingId)}
    </div>
  );
}
