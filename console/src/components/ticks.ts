/** Bucket indexes to label on a category x axis: whole indexes only (a bucket is a date or an hour, never half of
 * one), at most `maxTicks`, evenly spaced, always including the first. */
export function bucketTicks(count: number, maxTicks: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxTicks)));
  const out: number[] = [];
  for (let i = 0; i < count; i += step) out.push(i);
  return out;
}
