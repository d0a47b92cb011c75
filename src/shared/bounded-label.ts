// Client-chosen values (GraphQL operation names) as Prometheus label values. Every distinct value is a
// set of series kept until restart, so they are bounded: at most `maxValues` distinct values, each at most
// `maxLength` characters; anything beyond is counted as `other`.
const OTHER_LABEL = 'other';

export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    readonly maxValues: number,
    readonly maxLength: number,
  ) {}

  value(v: string): string {
    if (v.length > this.maxLength) return OTHER_LABEL;
    if (this.seen.has(v)) return v;
    if (this.seen.size >= this.maxValues) return OTHER_LABEL;
    this.seen.add(v);
    return v;
  }
}
