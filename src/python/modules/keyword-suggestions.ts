// "Did you mean 'key'?" for unexpected keyword arguments (CPython 3.13+ getargs.c), using the
// Levenshtein distance of Python/suggestions.c: moves cost 2, case-only changes cost 1.
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

/** The edit distance of `a` and `b`, or more than `maxCost` once it cannot stay within it. */
function editDistance(a: string, b: string, maxCost: number): number {
  if (a === b) return 0;
  let row = Array.from({ length: b.length + 1 }, (_unused, index) => index * MOVE_COST);
  for (let i = 1; i <= a.length; i++) {
    const next = [i * MOVE_COST];
    let rowMinimum = next[0]!;
    for (let j = 1; j <= b.length; j++) {
      const cost = Math.min(row[j - 1]! + substitutionCost(a[i - 1]!, b[j - 1]!), row[j]! + MOVE_COST, next[j - 1]! + MOVE_COST);
      next.push(cost);
      rowMinimum = Math.min(rowMinimum, cost);
    }
    if (rowMinimum > maxCost) return maxCost + 1;
    row = next;
  }
  return row[b.length]!;
}

/**
 * _Py_CalculateSuggestions: the closest candidate to `name` needing at most a third of the
 * characters changed, or null.
 */
export function closestKeyword(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const maxDistance = Math.min(Math.floor(((name.length + candidate.length + 3) * MOVE_COST) / 6), bestDistance - 1);
    const distance = editDistance(name, candidate, maxDistance);
    if (distance > maxDistance) continue;
    if (best === null || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
