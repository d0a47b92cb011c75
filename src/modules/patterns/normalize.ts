// Failure messages differ in the parts that change from one occurrence to the next (paths, line numbers,
// names, addresses, times). Normalising replaces those parts with placeholders so that recurring failures
// share one text, hence one signature. The same placeholder definitions give the detectors their
// character classes (see detector.ts), so a detector matches every message that normalises to its text.
import { createHash } from 'node:crypto';

export type Slot = 'TIMESTAMP' | 'UUID' | 'ADDR' | 'HEX' | 'PATH' | 'LINE' | 'COL' | 'ID' | 'NUM';

export type Token = { kind: 'text'; text: string } | { kind: 'slot'; slot: Slot; raw: string };

// What each placeholder stands for in a detector: a superset of what the rules below replace. A literal
// "<SLOT>" marker also counts, so normalising normalised text changes nothing.
const ID_BODY = String.raw`[A-Za-z_$@][\w$.@:\/-]{0,199}`;
const WIN_PATH = String.raw`[A-Za-z]:[\\\/][^\s'"\x60<>|:*?,;()]*|\\\\[^\s'"\x60<>|:*?,;()]+`;
const POSIX_PATH = String.raw`(?:~|\.{1,2})?\/[^\s'"\x60:,;()<>\[\]{}]+`;
const RELATIVE_PATH = String.raw`(?:[\w.-]+[\\\/])+[\w-]*\.[\w.-]+`;
export const SLOT_PATTERNS: Record<Slot, string> = {
  TIMESTAMP: String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?|\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?`,
  UUID: String.raw`[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`,
  ADDR: String.raw`\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?`,
  HEX: String.raw`0[xX][0-9a-fA-F]+|[0-9a-fA-F]{8,}`,
  PATH: `${WIN_PATH}|${RELATIVE_PATH}|${POSIX_PATH}`,
  LINE: String.raw`\d+`,
  COL: String.raw`\d+`,
  ID: ID_BODY,
  NUM: String.raw`\d{4,}`,
};
const SLOTS = Object.keys(SLOT_PATTERNS) as Slot[];
export const MARKER = new RegExp(`<(${SLOTS.join('|')})>`, 'g');

interface Rule {
  re: RegExp;
  emit(m: RegExpExecArray): Token[];
}

const text = (t: string): Token => ({ kind: 'text', text: t });
const slot = (s: Slot, raw: string): Token => ({ kind: 'slot', slot: s, raw });
const whole = (s: Slot) => (m: RegExpExecArray) => [slot(s, m[0])];

/** A path, then its line and column when given as file:12:5 or file(12,5). */
function pathTokens(m: RegExpExecArray): Token[] {
  const [, path, line, col, pLine, pCol] = m;
  const tokens = [slot('PATH', path)];
  if (line) tokens.push(text(':'), slot('LINE', line));
  if (col) tokens.push(text(':'), slot('COL', col));
  if (pLine) tokens.push(text('('), slot('LINE', pLine), text(','), slot('COL', pCol), text(')'));
  return tokens;
}

const LINE_COL_SUFFIX = String.raw`(?::(\d+)(?::(\d+))?|\((\d+),(\d+)\))?`;
const PATH_START = String.raw`(?<![\w.~:\/\\-])`;

// At a given position the first rule that matches wins; the earliest position wins overall.
const RULES: Rule[] = [
  { re: new RegExp(`<(${SLOTS.join('|')})>`, 'g'), emit: (m) => [slot(m[1] as Slot, m[0])] },
  { re: new RegExp(String.raw`(?<![\w:.-])(?:${SLOT_PATTERNS.TIMESTAMP})(?![\w:])`, 'g'), emit: whole('TIMESTAMP') },
  { re: new RegExp(String.raw`\b(?:${SLOT_PATTERNS.UUID})\b`, 'g'), emit: whole('UUID') },
  { re: new RegExp(String.raw`(?<![\w.])(?:${SLOT_PATTERNS.ADDR})(?![\w.])`, 'g'), emit: whole('ADDR') },
  { re: /\b0[xX][0-9a-fA-F]+\b|\b(?=[0-9a-fA-F]*[a-fA-F])(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{8,}\b/g, emit: whole('HEX') },
  { re: new RegExp(`${PATH_START}(${WIN_PATH}|${RELATIVE_PATH}|${POSIX_PATH})${LINE_COL_SUFFIX}`, 'g'), emit: pathTokens },
  { re: /\b(line|ln)(\s+)(\d+)\b/gi, emit: (m) => [text(`${m[1]}${m[2]}`), slot('LINE', m[3])] },
  { re: /\b(column|col)(\s+)(\d+)\b/gi, emit: (m) => [text(`${m[1]}${m[2]}`), slot('COL', m[3])] },
  { re: new RegExp(String.raw`(['"\x60])(${ID_BODY})\1`, 'g'), emit: (m) => [text(m[1]), slot('ID', m[2]), text(m[1])] },
  { re: /\b\d{4,}\b/g, emit: whole('NUM') },
];

/** Splits a message into literal text and placeholder tokens (raw text kept for keywords). */
export function tokenize(message: string): Token[] {
  const tokens: Token[] = [];
  const next: (RegExpExecArray | null | undefined)[] = RULES.map(() => undefined);
  let pos = 0;
  for (;;) {
    let best = -1;
    RULES.forEach((rule, i) => {
      let m = next[i];
      if (m === undefined || (m && m.index < pos)) {
        rule.re.lastIndex = pos;
        m = next[i] = rule.re.exec(message);
      }
      if (m && m[0].length && (best < 0 || m.index < next[best]!.index)) best = i;
    });
    if (best < 0) break;
    const m = next[best]!;
    if (m.index > pos) tokens.push(text(message.slice(pos, m.index)));
    tokens.push(...RULES[best].emit(m));
    pos = m.index + m[0].length;
  }
  if (pos < message.length) tokens.push(text(message.slice(pos)));
  return tokens;
}

/** The normalised text: placeholders as <SLOT>, whitespace runs as one space, trimmed. */
export function normalizeTokens(tokens: Token[]): string {
  return tokens
    .map((t) => (t.kind === 'slot' ? `<${t.slot}>` : t.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export const normalizeMessage = (message: string): string => normalizeTokens(tokenize(message));

/** First 16 hex digits of the SHA-256 of the normalised text. */
export const signatureOf = (normalized: string): string => createHash('sha256').update(normalized, 'utf8').digest('hex').slice(0, 16);
