// Limits and defaults that command help prints: a leaf module, so `autopack --help` loads nothing else.

export const MAX_RETENTION_DAYS = 36_500;
