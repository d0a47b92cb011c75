// Error type, confidence and priority of a pattern, and the words that summarise it.
import type { Token } from './normalize';

export const ERROR_TYPES = [
  'IMPORT_ERROR',
  'SYNTAX_ERROR',
  'TYPE_ERROR',
  'NAME_ERROR',
  'ATTRIBUTE_ERROR',
  'KEY_ERROR',
  'VALUE_ERROR',
  'FILE_NOT_FOUND',
  'PERMISSION_DENIED',
  'TIMEOUT',
  'NETWORK_ERROR',
  'OUT_OF_MEMORY',
  'UNKNOWN',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

// An exception class named in the message is the strongest hint (Python and JavaScript names).
const NAMED: Record<string, ErrorType> = {
  ModuleNotFoundError: 'IMPORT_ERROR',
  ImportError: 'IMPORT_ERROR',
  SyntaxError: 'SYNTAX_ERROR',
  IndentationError: 'SYNTAX_ERROR',
  TabError: 'SYNTAX_ERROR',
  TypeError: 'TYPE_ERROR',
  NameError: 'NAME_ERROR',
  ReferenceError: 'NAME_ERROR',
  UnboundLocalError: 'NAME_ERROR',
  AttributeError: 'ATTRIBUTE_ERROR',
  KeyError: 'KEY_ERROR',
  ValueError: 'VALUE_ERROR',
  FileNotFoundError: 'FILE_NOT_FOUND',
  PermissionError: 'PERMISSION_DENIED',
  TimeoutError: 'TIMEOUT',
  ConnectionError: 'NETWORK_ERROR',
  ConnectionRefusedError: 'NETWORK_ERROR',
  ConnectionResetError: 'NETWORK_ERROR',
  MemoryError: 'OUT_OF_MEMORY',
};

// Otherwise the wording, most specific first (an out-of-memory kill often also mentions a timeout).
const PHRASES: [ErrorType, RegExp][] = [
  ['OUT_OF_MEMORY', /out of memory|heap limit|allocation failed|\bENOMEM\b|\bOOM\b|exit code 137\b|\bSIGKILL\b.*memory/i],
  ['TIMEOUT', /timed? ?out|\btimeout\b|\bETIMEDOUT\b|deadline exceeded/i],
  [
    'NETWORK_ERROR',
    /\bE(?:CONNREFUSED|CONNRESET|HOSTUNREACH|NETUNREACH|NOTFOUND|AI_AGAIN|PIPE)\b|connection (?:refused|reset)|socket hang up|network is unreachable/i,
  ],
  ['PERMISSION_DENIED', /\bE(?:ACCES|PERM)\b|permission denied|operation not permitted|access is denied/i],
  ['IMPORT_ERROR', /cannot find module|no module named|cannot import name|\b(?:ERR_)?MODULE_NOT_FOUND\b|failed to resolve import/i],
  ['FILE_NOT_FOUND', /\bENOENT\b|no such file or directory|file not found|cannot find the (?:file|path)/i],
  ['SYNTAX_ERROR', /syntax error|unexpected token|unexpected end of input|invalid syntax|parse error/i],
  ['NAME_ERROR', /is not defined\b|undefined (?:name|variable)/i],
  ['ATTRIBUTE_ERROR', /has no attribute|cannot read propert(?:y|ies) of (?:undefined|null)|is not a function/i],
  ['KEY_ERROR', /\bkey not found|missing key|unknown key/i],
  ['VALUE_ERROR', /invalid (?:value|literal|argument)/i],
  ['TYPE_ERROR', /is not assignable to|type mismatch|expected type/i],
];

export function classifyError(text: string): ErrorType {
  for (const m of text.matchAll(/\b([A-Z]\w*(?:Error|Exception))\b/g)) {
    const type = NAMED[m[1]];
    if (type) return type;
  }
  for (const [type, re] of PHRASES) if (re.test(text)) return type;
  return 'UNKNOWN';
}

export type Confidence = 'HIGH' | 'MEDIUM' | 'LOW';
export const confidenceFor = (occurrences: number): Confidence => (occurrences >= 5 ? 'HIGH' : occurrences >= 3 ? 'MEDIUM' : 'LOW');

export type Priority = 'HIGH' | 'MEDIUM' | 'LOW';
export const priorityFor = (occurrences: number): Priority => (occurrences >= 10 ? 'HIGH' : occurrences >= 5 ? 'MEDIUM' : 'LOW');

const STOPWORDS = new Set(
  // English glue, words every failure has, and Python's traceback header.
  (
    'the and for with from that this was were not are but has have had into onto via its you your our after before while when then ' +
    'than there been being can could would should will did does line col column error failed failure traceback most recent call last'
  ).split(' '),
);

/**
 * Words of one message worth counting: the literal text and quoted names (a module or key name says more
 * than "named"), not paths, numbers or addresses. Each word once per message.
 */
export function messageWords(tokens: Token[]): Set<string> {
  const words = new Set<string>();
  for (const t of tokens) {
    if (t.kind === 'slot' && t.slot !== 'ID') continue;
    const source = t.kind === 'slot' ? t.raw : t.text;
    for (const w of source.toLowerCase().match(/[a-z][a-z0-9_]{2,}/g) ?? []) if (!STOPWORDS.has(w)) words.add(w);
  }
  return words;
}

/** The `n` most frequent words: by count, then alphabetically (deterministic). */
export function topKeywords(counts: Map<string, number>, n = 8): string[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([w]) => w);
}
