// Limits and defaults that command help prints: a leaf module, so `autopack --help` loads nothing else.

/** The most runs one page (GraphQL `runs`, REST, `autopack runs list`) returns. */
export const MAX_PAGE_SIZE = 100;
