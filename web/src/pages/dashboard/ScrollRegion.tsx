import type { ReactNode } from 'react';

/**
 * A wide table on a narrow phone: it scrolls sideways on its own, so the page never does. The region takes the
 * keyboard focus so that it can be scrolled without a pointer (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    // biome-ignore lint/a11y/useSemanticElements: a named region around one table, not a page section
    <div className="dash-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
