/** The ids in a new order with the item at `index` moved one place up (-1) or down (+1); the same order at the ends. */
export function moved(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  const out = [...ids];
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return out;
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}
