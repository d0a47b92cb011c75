// Limits and defaults that command help prints: a leaf module, so `autopack --help` loads nothing else.

export const DEFAULT_MIN_OCCURRENCES = 3;
export const MAX_MIN_OCCURRENCES = 1000;
export const DEFAULT_OUT_DIR = './generated-patterns';
export const DEFAULT_TOP = 5;
export const MAX_TOP = 100;
