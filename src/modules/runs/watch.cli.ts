// `autopack watch RUN_ID`: follows a run live on a running server (AUTOPACK_API_URL): a phase progress bar,
// dashboard events as they arrive, and the run's outcome as exit code (0 success, 1 failure, 2 bad input).
// The run is read once over HTTP; then runUpdated / phaseUpdated / dashboardEventAdded keep the display
// right, and whenever the stream says changes may be missing (or reconnects) the run is read again.
import type { Command } from 'commander';
import { loadConfig } from '../../config';
import { ApiClient } from '../../cli/client';
import type { LiveClient, LiveError } from '../../cli/live-client';
import { action, CliExit, out } from '../../cli/output';
import { ServiceError } from '../../shared/errors';
import { progressBar } from '../../cli/progress-bar';
import { graphql } from '../../graphql/documents';
import type { WatchEventFragment, WatchPhaseFragment, WatchReadQuery, WatchRunFragment } from '../../graphql/documents/graphql';

// The run, its phases and events as the watch shows them: one fragment each, shared by the first read and the
// three subscriptions, so a live value and a re-read have the same shape (types generated, see codegen.yml).
graphql(`
  fragment WatchRun on Run {
    id
    state
    version
    tokensUsed
    failureReason
  }
`);
graphql(`
  fragment WatchPhase on Phase {
    id
    phaseId
    phaseIndex
    state
    updatedAt
  }
`);
graphql(`
  fragment WatchEvent on DashboardEvent {
    id
    eventType
    message
    createdAt
    phase {
      phaseId
    }
  }
`);

type RunView = WatchRunFragment;
type PhaseView = WatchPhaseFragment;
type EventView = WatchEventFragment;
type FullRun = NonNullable<WatchReadQuery['run']>;

// events(limit: 100): the newest events shown when the watch starts, and looked at again on every re-read.
const READ = graphql(`
  query WatchRead($id: ID!) {
    run(id: $id) {
      ...WatchRun
      phases {
        ...WatchPhase
      }
      events(limit: 100) {
        ...WatchEvent
      }
    }
  }
`);
const RUN_UPDATED = graphql(`
  subscription WatchRunUpdated($id: ID!) {
    runUpdated(id: $id) {
      ...WatchRun
    }
  }
`).toString();
const PHASE_UPDATED = graphql(`
  subscription WatchPhaseUpdated($id: ID!) {
    phaseUpdated(runId: $id) {
      ...WatchPhase
    }
  }
`).toString();
const EVENT_ADDED = graphql(`
  subscription WatchEventAdded($id: ID!) {
    dashboardEventAdded(runId: $id) {
      ...WatchEvent
    }
  }
`).toString();

const isFinished = (state: string) => state.startsWith('DONE_');
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' / ').trim();
const time = (iso: string) => iso.slice(11, 19);

/** What the watch shows, kept right by values from three streams and by full re-reads. */
class RunDisplay {
  private run: RunView;
  private readonly phases = new Map<string, PhaseView>();
  private readonly seenEvents = new Set<string>();
  private lastProgress = '';

  constructor(first: FullRun) {
    this.run = first;
    out(`Watching run ${first.id} (${first.phases.length} phase(s))`);
    this.reread(first);
  }

  get state(): RunView {
    return this.run;
  }

  /** A full read: newer run state, every phase, and the events not shown yet (oldest first). */
  reread(r: FullRun): void {
    for (const p of r.phases) this.setPhase(p);
    for (const e of [...r.events].reverse()) this.event(e);
    this.runChanged(r);
  }

  runChanged(r: RunView): void {
    if (r.version < this.run.version) return;
    this.run = { id: r.id, state: r.state, version: r.version, tokensUsed: r.tokensUsed, failureReason: r.failureReason };
    this.progress();
  }

  phaseChanged(p: PhaseView): void {
    this.setPhase(p);
    this.progress();
  }

  /** A phase value older than the one shown (a stream value that a re-read already covered) is ignored. */
  private setPhase(p: PhaseView): void {
    const shown = this.phases.get(p.id);
    if (!shown || Date.parse(p.updatedAt) >= Date.parse(shown.updatedAt)) this.phases.set(p.id, p);
  }

  event(e: EventView): void {
    if (this.seenEvents.has(e.id)) return;
    this.seenEvents.add(e.id);
    out(`  ${time(e.createdAt)} ${e.eventType}${e.phase ? ` [${e.phase.phaseId}]` : ''}${e.message ? ` ${oneLine(e.message)}` : ''}`);
  }

  /** The progress line, printed each time it changes. */
  private progress(): void {
    const phases = [...this.phases.values()];
    const complete = phases.filter((p) => p.state === 'COMPLETE' || p.state === 'SKIPPED').length;
    const failed = phases.filter((p) => p.state === 'FAILED').length;
    const current = phases.filter((p) => !['QUEUED', 'COMPLETE', 'SKIPPED', 'FAILED'].includes(p.state)).sort((a, b) => a.phaseIndex - b.phaseIndex)[0];
    const line = `${progressBar(complete, phases.length)} phases${failed ? `, ${failed} failed` : ''}  ${this.run.state}${current ? ` (${current.phaseId} ${current.state})` : ''}  ${this.run.tokensUsed} tokens`;
    if (line === this.lastProgress) return;
    this.lastProgress = line;
    out(line);
  }
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description("follow a run live on a running server: phase progress, events as they arrive; exit with the run's outcome (0 success, 1 failure)")
    .argument('<run-id>', 'the run to follow')
    // Safety net for the one window the stream cannot cover: a change committed after the first read but before
    // the server registered the subscriptions (graphql-ws does not acknowledge a subscribe).
    .option('--recheck <seconds>', 'also read the run again this often, in case a change fell between the first read and the subscriptions', '15')
    .action(
      action(async (runId: string, opts: { recheck: string }) => {
        const recheck = Number(opts.recheck);
        if (!Number.isFinite(recheck) || recheck <= 0) throw new CliExit(2, `--recheck must be a positive number of seconds, got "${opts.recheck}"`);
        const config = loadConfig();
        const api = ApiClient.fromConfig(config);
        const read = async () => {
          const { run } = await api.gql(READ, { id: runId }).catch((e: unknown) => {
            // Input the server refuses (a malformed id) is bad input too.
            if (e instanceof ServiceError && ['BAD_USER_INPUT', 'NOT_FOUND'].includes(e.code)) throw new CliExit(2, e.message);
            throw e;
          });
          if (!run) throw new CliExit(2, `Run not found: ${runId}`);
          return run;
        };

        const first = await read();
        if (isFinished(first.state)) return finish(new RunDisplay(first).state);

        // Loaded when the command runs (graphql-ws, ws): `autopack --help` stays light.
        const { connectLive } = await import('../../cli/live-client');
        const live = connectLive(config.apiUrl, config.apiKey);
        try {
          finish(await follow(live, runId, read, recheck * 1000));
        } finally {
          await live.dispose();
        }
      }),
    );
}

/**
 * Subscribes first, then reads the run the display starts from: values that arrive during that read are kept
 * and applied after it (the display drops what the read already covered). A change committed before the server
 * registered the subscriptions but after that read is caught by the next re-read (`--recheck`). Resolves with
 * the run once it has finished.
 */
function follow(live: LiveClient, id: string, read: () => Promise<FullRun>, recheckMs: number): Promise<RunView> {
  return new Promise<RunView>((resolve, reject) => {
    let display: RunDisplay | undefined;
    let early: ((d: RunDisplay) => void)[] = [];
    const apply = (f: (d: RunDisplay) => void) => (display ? f(display) : early.push(f));
    let reading: Promise<void> | undefined;
    let again = false;
    // One re-read at a time; a request during one causes one more afterwards.
    const resync = () => {
      if (reading) return void (again = true);
      reading = read()
        .then((r) => {
          if (display) display.reread(r);
          else {
            display = new RunDisplay(r);
            for (const f of early) f(display);
            early = [];
          }
          if (isFinished(display.state.state)) resolve(display.state);
        })
        .catch(reject)
        .finally(() => {
          reading = undefined;
          if (again) {
            again = false;
            resync();
          }
        });
    };
    const failed = (e: LiveError) =>
      reject(e.code === 'NOT_FOUND' ? new CliExit(2, e.message) : new CliExit(1, `live updates refused: ${e.message} (${e.code})`));
    const runId = { id };
    live.subscribe<RunView>(RUN_UPDATED, runId, {
      // A finished run's last events may still be on their way on the other stream: read everything once more.
      value: (r) =>
        apply((d) => {
          d.runChanged(r);
          if (isFinished(r.state)) resync();
        }),
      resync,
      failed,
    });
    live.subscribe<PhaseView>(PHASE_UPDATED, runId, { value: (p) => apply((d) => d.phaseChanged(p)), resync, failed });
    live.subscribe<EventView>(EVENT_ADDED, runId, { value: (e) => apply((d) => d.event(e)), resync, failed });
    void live.lost.then((reason) => reject(new CliExit(1, reason)));
    resync();
    setInterval(() => reading || resync(), recheckMs).unref();
  });
}

/** The outcome line; a failed run exits 1 with its state and reason. */
function finish(run: RunView): void {
  if (run.state === 'DONE_SUCCESS') {
    out(`Run ${run.id} finished: DONE_SUCCESS`);
    return;
  }
  throw new CliExit(1, `run ${run.id} finished ${run.state}${run.failureReason ? `: ${oneLine(run.failureReason)}` : ''}`);
}
