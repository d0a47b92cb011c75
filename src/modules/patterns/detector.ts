// The detector of a pattern: an anchored regular expression derived from the normalised text. Literal
// text is escaped, each space stands for any whitespace run, each placeholder becomes the character class
// it replaced. Every message that normalises to the text matches it (tests check that property).
import { MARKER, SLOT_PATTERNS, type Slot } from './normalize';

/** Escapes regex syntax (and `/`, so the source also works as a /literal/) and non-printable characters. */
export function escapeLiteral(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (/[\\^$.*+?()[\]{}|/]/.test(ch)) out += `\\${ch}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0xfeff) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code > 0xffff || (code >= 0xd800 && code <= 0xdfff)) {
      // Written as UTF-16 escapes so that a lone surrogate survives the trip through a UTF-8 file.
      for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return out;
}

const literalSource = (text: string) => text.split(' ').map(escapeLiteral).join('\\s+');

function slotSource(slot: Slot): string {
  return `(?:<${slot}>|${SLOT_PATTERNS[slot]})`;
}

/** Regex source for a normalised text: ^\s* ... \s*$ */
export function detectorSource(normalized: string): string {
  let source = '';
  let last = 0;
  for (const m of normalized.matchAll(MARKER)) {
    source += literalSource(normalized.slice(last, m.index)) + slotSource(m[1] as Slot);
    last = m.index! + m[0].length;
  }
  source += literalSource(normalized.slice(last));
  return `^\\s*${source}\\s*$`;
}

export const buildDetector = (normalized: string): RegExp => new RegExp(detectorSource(normalized));
