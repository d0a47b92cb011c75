// Small building blocks: loading, error and disabled states, state badges, page titles.
import { useEffect, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { describeError, errorCode } from './client';
import { isDatabaseUnavailable } from './database';
import { stateLabel, stateTone } from './format';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorBox({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  if (isDatabaseUnavailable(error)) {
    // Where the data is: the last answer stays below, this says it may be stale.
    return (
      <div className="error" role="status" data-testid="db-unavailable">
        <strong>Database unavailable: </strong>
        what is shown here is the last data the server sent; it refreshes by itself when the database is back.
      </div>
    );
  }
  return (
    <div className="error" role="alert">
      <strong>Could not load: </strong>
      {describeError(error)}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

/** The FEATURE_DISABLED error of a kill switch, shown where the gated data would be. */
export function isDisabled(error: CombinedError | undefined): boolean {
  return errorCode(error) === 'FEATURE_DISABLED';
}

export function Disabled({ feature, envVar }: { feature: string; envVar: string }) {
  return (
    <div className="disabled" role="note">
      <strong>{feature} is disabled</strong> by its kill switch <code>{envVar}</code>. Turn it on in <a href="/switches">Switches</a> (admin key) or in the
      server's environment.
    </div>
  );
}

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge tone-${stateTone(state)}`}>{stateLabel(state)}</span>;
}

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · Autopack console`;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={id ? `${id}-h` : undefined}>
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}
