// Switches: each kill switch, its source, who changed it and why; admin keys turn them on and off with a
// reason, in the rollout guide's order (skipping a stage asks for confirmation).
import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../client';
import { fmtTime } from '../format';
import { graphql } from '../gql';
import type { FeatureFlag, SwitchesQuery as SwitchesData } from '../gql/graphql';
import { follow, useLiveQuery } from '../live';
import { rolloutStage, skipWarning, STAGES } from '../rollout';
import { useIsAdmin } from '../session';
import { ErrorBox, Loading, Page, Section } from '../ui';

// Every field the page shows: the query, the subscription and both mutations answer with it, so the cache
// updates the switch's card in place.
graphql(`
  fragment SwitchFields on FeatureFlagState {
    flag
    envVar
    enabled
    source
    envEnabled
    reason
    changedBy
    changedAt
    gates
  }
`);

const SwitchesQuery = graphql(`
  query Switches {
    featureFlags {
      ...SwitchFields
    }
  }
`);

const FlagChangedSubscription = graphql(`
  subscription FlagChanged {
    featureFlagChanged {
      ...SwitchFields
    }
  }
`);

const SetFlagMutation = graphql(`
  mutation SetFeatureFlag($flag: FeatureFlag!, $enabled: Boolean!, $reason: String) {
    setFeatureFlag(flag: $flag, enabled: $enabled, reason: $reason) {
      ...SwitchFields
    }
  }
`);

const ClearFlagMutation = graphql(`
  mutation ClearFeatureFlag($flag: FeatureFlag!) {
    clearFeatureFlag(flag: $flag) {
      ...SwitchFields
    }
  }
`);

type Flag = SwitchesData['featureFlags'][number];

const TITLES: Record<FeatureFlag, string> = {
  PHASE6_METRICS: 'Phase 6 telemetry collection',
  CONSOLIDATED_METRICS: 'Consolidated metrics dashboard',
};

export function SwitchesPage() {
  const [{ data, error }, refetch] = useLiveQuery({ query: SwitchesQuery }, { live: [follow(FlagChangedSubscription, {}, () => false)] });
  const flags = data?.featureFlags ?? [];
  const on = (f: FeatureFlag) => flags.find((x) => x.flag === f)?.enabled ?? false;
  const stage = rolloutStage(on('PHASE6_METRICS'), on('CONSOLIDATED_METRICS'));
  return (
    <Page title="Kill switches">
      {error && <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <Loading what="the kill switches" />}
      {data && (
        <>
          <Section title="Progressive rollout" id="order">
            <p data-testid="rollout-stage">
              Now: <strong>{stage.title}</strong> — {stage.meaning}
            </p>
            <ol className="stages">
              {STAGES.map((s) => (
                <li key={s.title} aria-current={s.stage === stage.stage ? 'step' : undefined}>
                  <strong>{s.title}</strong> — {s.meaning}
                </li>
              ))}
            </ol>
            <p className="muted small">
              An override applies to every server within seconds and lasts until the next restart, which returns each switch to its environment value (the
              guide's rollback: set 0, restart).
            </p>
          </Section>
          <div className="grid">
            {flags.map((f) => (
              <SwitchCard key={f.flag} flag={f} phase6={on('PHASE6_METRICS')} consolidated={on('CONSOLIDATED_METRICS')} />
            ))}
          </div>
        </>
      )}
    </Page>
  );
}

function SwitchCard({ flag, phase6, consolidated }: { flag: Flag; phase6: boolean; consolidated: boolean }) {
  const admin = useIsAdmin();
  return (
    <section className="card switch" aria-labelledby={`sw-${flag.flag}`} data-testid={`switch-${flag.flag}`}>
      <h2 id={`sw-${flag.flag}`}>{TITLES[flag.flag]}</h2>
      <p>
        <span className={`badge tone-${flag.enabled ? 'ok' : 'idle'}`} data-testid="switch-state">
          {flag.enabled ? 'ON' : 'OFF'}
        </span>{' '}
        <code>{flag.envVar}</code>
      </p>
      <dl className="facts">
        <dt>Source</dt>
        <dd data-testid="switch-source">{flag.source === 'OVERRIDE' ? 'runtime override' : 'environment'}</dd>
        <dt>Environment value</dt>
        <dd>{flag.envEnabled ? 'ON (1)' : 'OFF (0)'}</dd>
        {flag.source === 'OVERRIDE' && (
          <>
            <dt>Changed by</dt>
            <dd>{flag.changedBy ?? '—'}</dd>
            <dt>When</dt>
            <dd>{fmtTime(flag.changedAt)}</dd>
            <dt>Reason</dt>
            <dd data-testid="switch-reason">{flag.reason ?? '—'}</dd>
          </>
        )}
        <dt>Gates</dt>
        <dd>{flag.gates.length ? flag.gates.map((g) => <code key={g}>{g} </code>) : '—'}</dd>
      </dl>
      {admin ? (
        <SwitchControls flag={flag} phase6={phase6} consolidated={consolidated} />
      ) : (
        <p className="muted">A read key can look but not change switches.</p>
      )}
    </section>
  );
}

function SwitchControls({ flag, phase6, consolidated }: { flag: Flag; phase6: boolean; consolidated: boolean }) {
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [set, setFlag] = useMutation(SetFlagMutation);
  const [clear, clearFlag] = useMutation(ClearFlagMutation);
  const target = !flag.enabled;
  const inputId = `reason-${flag.flag}`;

  const apply = () => setFlag({ flag: flag.flag, enabled: target, reason: reason.trim() }).then((r) => !r.error && setReason(''));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const warning = skipWarning(flag.flag, target, phase6, consolidated);
    if (warning) {
      setPending(warning);
      dialog.current?.showModal();
    } else void apply();
  };
  const error = set.error ?? clear.error;
  return (
    <>
      <form className="switch-form" onSubmit={submit}>
        <label htmlFor={inputId}>Reason (recorded with the change)</label>
        <input id={inputId} value={reason} required onChange={(e) => setReason(e.target.value)} placeholder="e.g. Stage 1 starts, ticket OPS-42" />
        <div className="actions">
          <button type="submit" disabled={set.fetching}>
            Turn {target ? 'on' : 'off'}
          </button>
          {flag.source === 'OVERRIDE' && (
            <button type="button" className="secondary" disabled={clear.fetching} onClick={() => clearFlag({ flag: flag.flag })}>
              Clear override (back to environment)
            </button>
          )}
        </div>
        {error && (
          <p className="error" role="alert">
            {describeError(error)}
          </p>
        )}
      </form>
      <dialog ref={dialog} aria-labelledby={`confirm-${flag.flag}`} onClose={() => setPending(null)}>
        <h2 id={`confirm-${flag.flag}`}>Skip the rollout order?</h2>
        <p>{pending}</p>
        <form method="dialog" className="actions">
          <button type="submit" value="cancel" className="secondary" autoFocus>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialog.current?.close();
              void apply();
            }}
          >
            Turn {target ? 'on' : 'off'} anyway
          </button>
        </form>
      </dialog>
    </>
  );
}
