// Failure patterns: recurring failures grouped by normalized message, with counts, a sample message and
// the detector regex that `autopack patterns --generate-code` turns into code.
import { fmtTime } from '../format';
import { graphql } from '../gql';
import { useLiveQuery } from '../live';
import { Link, navigate, useLocation, withParams } from '../router';
import { ErrorBox, Loading, Page } from '../ui';

const PatternsQuery = graphql(`
  query Patterns($minOccurrences: Int!) {
    failurePatterns(minOccurrences: $minOccurrences) {
      patternId
      errorType
      occurrences
      confidence
      runIds
      phaseIds
      firstSeenAt
      lastSeenAt
      sampleMessage
      keywords
      detector
    }
  }
`);

const MIN_CHOICES = [1, 2, 3, 5, 10];

export function PatternsPage() {
  const location = useLocation();
  const min = Number(location.params.get('min') ?? 3) || 3;
  const [{ data, error }, refetch] = useLiveQuery({ query: PatternsQuery, variables: { minOccurrences: min } }, { pollMs: 10_000 });
  return (
    <Page title="Failure patterns">
      <div className="toolbar">
        <label htmlFor="min-occ">At least</label>
        <select id="min-occ" value={min} onChange={(e) => navigate(withParams(location, { min: e.target.value }))}>
          {[...new Set([...MIN_CHOICES, min])]
            .sort((a, b) => a - b)
            .map((n) => (
              <option key={n} value={n}>
                {n} occurrence{n === 1 ? '' : 's'}
              </option>
            ))}
        </select>
      </div>
      {error && <ErrorBox error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <Loading what="failure patterns" />}
      {data?.failurePatterns && data.failurePatterns.length === 0 && <p>No failure recurs at least {min} times.</p>}
      {data?.failurePatterns &&
        data.failurePatterns.map((p) => (
          <article key={p.patternId} className="card pattern" aria-labelledby={`pat-${p.patternId}`} data-testid="pattern">
            <h2 id={`pat-${p.patternId}`}>
              <code>{p.patternId}</code> <span className="badge tone-bad">{p.occurrences}×</span>{' '}
              <span className={`badge conf-${p.confidence.toLowerCase()}`}>{p.confidence} confidence</span>
            </h2>
            <dl className="facts wide">
              <dt>Error type</dt>
              <dd>{p.errorType.toLowerCase().replace(/_/g, ' ')}</dd>
              <dt>Sample message</dt>
              <dd>
                <pre className="sample">{p.sampleMessage}</pre>
              </dd>
              <dt>Detector</dt>
              <dd>
                <pre className="regex" data-testid="detector">
                  {p.detector}
                </pre>
              </dd>
              <dt>Keywords</dt>
              <dd>{p.keywords.join(', ') || '—'}</dd>
              <dt>Seen</dt>
              <dd>
                {fmtTime(p.firstSeenAt)} – {fmtTime(p.lastSeenAt)}
              </dd>
              <dt>Runs</dt>
              <dd>
                {p.runIds.slice(0, 20).map((id, i) => (
                  <span key={id}>
                    {i > 0 && ', '}
                    <Link href={`/runs/${encodeURIComponent(id)}`}>{id}</Link>
                  </span>
                ))}
                {p.runIds.length > 20 && <span className="muted"> and {p.runIds.length - 20} more</span>}
              </dd>
              {p.phaseIds.length > 0 && (
                <>
                  <dt>Phases</dt>
                  <dd>{p.phaseIds.join(', ')}</dd>
                </>
              )}
            </dl>
          </article>
        ))}
    </Page>
  );
}
