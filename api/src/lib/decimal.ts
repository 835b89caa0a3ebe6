// Exact decimal arithmetic on non-negative decimal strings, for money on the hot path (never through a float).

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

/** "12.5" -> { units: 125n, scale: 1 }; throws on anything that is not a plain non-negative decimal. */
function parse(value: string): { units: bigint; scale: number } {
  if (!DECIMAL.test(value)) throw new RangeError(`not a non-negative decimal: ${JSON.stringify(value.slice(0, 40))}`);
  const [int = "0", frac = ""] = value.split(".");
  return { units: BigInt(int + frac), scale: frac.length };
}

function format(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, "0");
  if (scale === 0) return digits;
  const frac = digits.slice(-scale).replace(/0+$/, "");
  const int = digits.slice(0, -scale);
  return frac ? `${int}.${frac}` : int;
}

/** a × b rounded half up to `scale` decimals, exactly: mulDecimal("0.05", "1.0870000000", 6) === "0.05435". */
export function mulDecimal(a: string, b: string, scale: number): string {
  const x = parse(a);
  const y = parse(b);
  const product = x.units * y.units;
  const drop = x.scale + y.scale - scale;
  if (drop <= 0) return format(product * 10n ** BigInt(-drop), scale);
  const div = 10n ** BigInt(drop);
  const rounded = (product + div / 2n) / div;
  return format(rounded, scale);
}
