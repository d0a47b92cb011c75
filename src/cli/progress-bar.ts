// A text progress bar for CLI output: [#####.....] done/total.
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total ? Math.round((Math.min(done, total) / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
}
