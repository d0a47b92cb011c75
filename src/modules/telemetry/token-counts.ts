/** Tokens in the four Phase 6 P3 categories and their total (always the sum of the four). */
export interface TokenCounts {
  retrievalTokens: number;
  secondOpinionTokens: number;
  evidenceRequestTokens: number;
  baseTokens: number;
  totalTokens: number;
}
