/**
 * A page that throws while rendering (a bug, or its code chunk failing to load on a bad connection) shows a
 * message and a way to try again instead of a blank screen; the menu around it keeps working. Keyed by the
 * address in App, so opening another page starts afresh.
 */
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface State {
  failed: boolean;
}

export class PageErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <PageFailed retry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}

function PageFailed({ retry }: { retry: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.page')}</p>
      <button type="button" onClick={retry}>
        {t('error.retry')}
      </button>
    </div>
  );
}
