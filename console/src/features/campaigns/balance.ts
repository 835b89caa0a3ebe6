/** The Balance button: equal integer weights summing to 100 (the first rows take the remainder). */
export function balanceWeights(n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(100 / n);
  return Array.from({ length: n }, (_, i) => base + (i < 100 - base * n ? 1 : 0));
}

/** Each row's share of the total weight, in percent (what the visitor split will be). */
export function shares(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + (b > 0 ? b : 0), 0);
  return weights.map((w) => (total > 0 && w > 0 ? (w / total) * 100 : 0));
}
