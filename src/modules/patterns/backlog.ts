// backlog/PATTERN_<ID>.md: what a person needs to turn a detected pattern into a mitigation.
import type { FailurePattern } from './analyze';
import { priorityFor } from './classify';

/** A code fence longer than any backtick run in the content, so samples cannot break out of it. */
function fenced(content: string): string {
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${content}\n${fence}`;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export const backlogFileName = (p: FailurePattern) => `PATTERN_${p.patternId.toUpperCase()}.md`;

export function renderBacklog(p: FailurePattern, moduleFile: string, testFile: string): string {
  const priority = priorityFor(p.occurrences);
  const lines = [
    `# ${backlogFileName(p).replace(/\.md$/, '')}: ${p.errorType}`,
    '',
    `**Priority: ${priority}** (HIGH >= 10 occurrences, MEDIUM >= 5, LOW below)`,
    '',
    '| Field | Value |',
    '|---|---|',
    `| Pattern id | ${code(p.patternId)} |`,
    `| Error type | ${p.errorType} |`,
    `| Occurrences | ${p.occurrences} |`,
    `| Confidence | ${p.confidence} |`,
    `| Runs | ${p.runIds.length}: ${p.runIds.map(code).join(', ')} |`,
    `| Phases | ${p.phaseIds.length ? p.phaseIds.map(code).join(', ') : '(run-level failures only)'} |`,
    `| First seen | ${p.firstSeenAt.toISOString()} |`,
    `| Last seen | ${p.lastSeenAt.toISOString()} |`,
    `| Signature | ${code(p.signature)} |`,
    `| Keywords | ${p.keywords.join(', ') || '-'} |`,
    '',
    '## Normalised message',
    '',
    fenced(p.normalizedMessage),
    '',
    `## Samples (${p.samples.length} distinct)`,
    '',
    ...p.samples.flatMap((s) => [fenced(s), '']),
    '## Detector',
    '',
    `${code(moduleFile)} exports \`detect(message)\`, an anchored regular expression that matches every sample above:`,
    '',
    fenced(p.detector),
    '',
    '## Implementation checklist',
    '',
    `- [ ] Reproduce the failure from one of the samples and find its root cause`,
    `- [ ] Check that the detector is neither too broad nor too narrow for real messages (${code(testFile)})`,
    `- [ ] Implement \`mitigate()\` in ${code(moduleFile)} (it returns \`not_implemented\` until then)`,
    `- [ ] Replace the stub expectation in ${code(testFile)} with tests of the mitigation`,
    `- [ ] Wire the detector into the executor's failure handling`,
    `- [ ] After deploying, confirm with \`autopack patterns\` that the occurrences stop growing`,
    '',
  ];
  return lines.join('\n');
}
