// `autopack flags [on|off FLAG --reason R | clear FLAG]`: the kill switch overrides on DATABASE_URL, for an
// operator with no GraphQL client at hand. Same service as setFeatureFlag: every server applies the change
// within seconds, and it lasts until the next server start.
import type { Command } from 'commander';
import { hostname, userInfo } from 'node:os';
import { FLAG_REFRESH_MS } from './flags';
import { withDatabase } from '../../cli/database';
import { action, out } from '../../cli/output';

const onOff = (enabled: boolean) => (enabled ? 'ON' : 'OFF');
const APPLIES = `Every server on this database applies it within ${FLAG_REFRESH_MS / 1000} s; the next server start clears it (the environment is the configuration of record).`;

/** Who flipped the switch, for the audit fields: the operator's login on this machine. */
function cliActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry (containers): keep "unknown" */
  }
  return `${user}@${hostname()} (cli)`;
}

export function registerFlags(program: Command): void {
  const flags = program
    .command('flags')
    .description('list the kill switches, or set/clear a runtime override (DATABASE_URL; lasts until the next server start)');

  flags
    .command('list', { isDefault: true })
    .description("each switch: effective value, source, this shell's environment value, and the stored override")
    .action(
      action(() =>
        withDatabase(async (orm, config) => {
          const [{ forkEm }, { flagDetails, readFlagOverrides }] = await Promise.all([import('../../db/orm'), import('./overrides')]);
          const details = flagDetails(config.flags, await readFlagOverrides(forkEm(orm)));
          out(`Kill switches on ${config.database.display}:`);
          for (const d of details) {
            const env = `${d.envVar}=${d.envEnabled ? '1' : '0'} in this shell`;
            out(`  ${d.flag.padEnd(20)} ${onOff(d.enabled).padEnd(3)}  ${d.source.padEnd(8)}  ${env}`);
            if (d.source === 'OVERRIDE')
              out(`    override ${onOff(d.enabled)} set by ${d.changedBy} at ${d.changedAt?.toISOString()}: ${d.reason ?? '(no reason given)'}`);
          }
          out('Servers use their own environment values where no override is stored; an override lasts until the next server start.');
        }),
      ),
    );

  for (const [name, enabled] of [
    ['on', true],
    ['off', false],
  ] as const) {
    flags
      .command(`${name} <flag>`)
      .description(`override FLAG to ${onOff(enabled)} on every server until the next server start`)
      .requiredOption('--reason <text>', 'why (stored and logged with who set it)')
      .action(
        action((flag: string, opts: { reason: string }) =>
          withDatabase(async (orm) => {
            const [{ forkEm }, { setFlagOverride }] = await Promise.all([import('../../db/orm'), import('./overrides')]);
            const actor = cliActor();
            await setFlagOverride(forkEm(orm), flag.toUpperCase(), enabled, opts.reason, actor);
            out(`${flag.toUpperCase()} overridden to ${onOff(enabled)} by ${actor}: ${opts.reason}`);
            out(APPLIES);
          }),
        ),
      );
  }

  flags
    .command('clear <flag>')
    .description('remove the override of FLAG: every server returns to its environment value')
    .action(
      action((flag: string) =>
        withDatabase(async (orm) => {
          const [{ forkEm }, { clearFlagOverride }] = await Promise.all([import('../../db/orm'), import('./overrides')]);
          await clearFlagOverride(forkEm(orm), flag.toUpperCase());
          out(`${flag.toUpperCase()}: override cleared; every server returns to its environment value within ${FLAG_REFRESH_MS / 1000} s.`);
        }),
      ),
    );
}
