// Double-double arithmetic (about 106 bits): enough to round exp/log results correctly in practice.

/** An unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
export type DoubleDouble = readonly [number, number];

function quickTwoSum(a: number, b: number): DoubleDouble {
  const sum = a + b;
  return [sum, b - (sum - a)];
}

/** a + b exactly, as a normalised pair. */
export function twoSum(a: number, b: number): DoubleDouble {
  const sum = a + b;
  const bPart = sum - a;
  return [sum, a - (sum - bPart) + (b - bPart)];
}

const SPLITTER = 134217729; // 2^27 + 1, Dekker's splitting constant

/** a * b exactly as hi + lo (operands well inside the double range, |a|, |b| below 2^996). */
export function twoProduct(a: number, b: number): DoubleDouble {
  const product = a * b;
  const aScaled = SPLITTER * a;
  const aHigh = aScaled - (aScaled - a);
  const aLow = a - aHigh;
  const bScaled = SPLITTER * b;
  const bHigh = bScaled - (bScaled - b);
  const bLow = b - bHigh;
  return [product, aHigh * bHigh - product + aHigh * bLow + aLow * bHigh + aLow * bLow];
}

export function add(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [sum, error] = twoSum(a[0], b[0]);
  const [lowSum, lowError] = twoSum(a[1], b[1]);
  const [high, low] = quickTwoSum(sum, error + lowSum);
  return quickTwoSum(high, low + lowError);
}

export function negate(a: DoubleDouble): DoubleDouble {
  return [-a[0], -a[1]];
}

export function multiply(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [product, error] = twoProduct(a[0], b[0]);
  return quickTwoSum(product, error + (a[0] * b[1] + a[1] * b[0]));
}

export function multiplyByDouble(a: DoubleDouble, b: number): DoubleDouble {
  const [product, error] = twoProduct(a[0], b);
  return quickTwoSum(product, error + a[1] * b);
}

export function divide(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const first = a[0] / b[0];
  const remainder = add(a, negate(multiplyByDouble(b, first)));
  const second = remainder[0] / b[0];
  const remainder2 = add(remainder, negate(multiplyByDouble(b, second)));
  const third = remainder2[0] / b[0];
  return add(quickTwoSum(first, second), [third, 0]);
}

/** ln 2 to about 107 bits. */
export const LN2: DoubleDouble = [0.6931471805599453, 2.3190468138462996e-17];

/** Natural log of a double m in [sqrt(1/2), sqrt(2)): 2 atanh((m-1)/(m+1)) by its series. */
export function logNearOne(m: number): DoubleDouble {
  const ratio = divide([m - 1, 0], twoSum(m, 1));
  const ratioSquared = multiply(ratio, ratio);
  let sum = ratio;
  let power = ratio;
  for (let odd = 3; odd < 200; odd += 2) {
    power = multiply(power, ratioSquared);
    const term = divide(power, [odd, 0]);
    sum = add(sum, term);
    if (Math.abs(term[0]) < 1e-36 * Math.abs(sum[0]) || term[0] === 0) break;
  }
  return [sum[0] * 2, sum[1] * 2];
}

/** exp(r) for |r| <= 0.5: Taylor series on r / 1024, then ten squarings. */
export function expSmall(r: DoubleDouble): DoubleDouble {
  const scaled: DoubleDouble = [r[0] / 1024, r[1] / 1024];
  let sum: DoubleDouble = [1, 0];
  let term: DoubleDouble = [1, 0];
  for (let n = 1; n < 30; n++) {
    term = divide(multiply(term, scaled), [n, 0]);
    sum = add(sum, term);
    if (Math.abs(term[0]) < 1e-36) break;
  }
  for (let squaring = 0; squaring < 10; squaring++) sum = multiply(sum, sum);
  return sum;
}
