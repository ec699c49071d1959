/**
 * Money is an integer number of hundredths of a cat-unit. Floats never touch
 * it: amounts travel as decimal strings on the wire ("100.00") and as BIGINT
 * in the database, and are parsed digit by digit here.
 */
const WIRE = /^(-)?(\d{1,15})\.(\d{2})$/;

export class Money {
  private constructor(readonly cents: bigint) {}

  static zero(): Money {
    return new Money(0n);
  }

  static fromCents(cents: bigint | number): Money {
    if (typeof cents === 'number' && !Number.isSafeInteger(cents)) {
      throw new RangeError(`Money needs a whole number of hundredths, got ${cents}`);
    }
    return new Money(BigInt(cents));
  }

  /** Parses the wire form: an optional minus, digits, a dot and exactly two decimals. */
  static parse(text: string): Money {
    const match = WIRE.exec(text);
    if (!match) throw new RangeError(`Not a money amount with two decimals: ${JSON.stringify(text)}`);
    const [, minus, units, hundredths] = match;
    const cents = BigInt(units!) * 100n + BigInt(hundredths!);
    return new Money(minus ? -cents : cents);
  }

  plus(other: Money): Money {
    return new Money(this.cents + other.cents);
  }

  minus(other: Money): Money {
    return new Money(this.cents - other.cents);
  }

  times(factor: bigint | number): Money {
    return new Money(this.cents * BigInt(factor));
  }

  /**
   * Multiplies by a percentage given in basis points (1 % = 100) and rounds
   * half away from zero, the rule used for discounts and shares. The
   * remainder is what the caller must account for elsewhere.
   */
  percentOf(basisPoints: bigint | number): Money {
    const product = this.cents * BigInt(basisPoints);
    const divisor = 10_000n;
    const quotient = product / divisor;
    const remainder = product % divisor;
    const absRemainder = remainder < 0n ? -remainder : remainder;
    if (absRemainder * 2n >= divisor) return new Money(quotient + (product < 0n ? -1n : 1n));
    return new Money(quotient);
  }

  isNegative(): boolean {
    return this.cents < 0n;
  }

  isZero(): boolean {
    return this.cents === 0n;
  }

  compare(other: Money): -1 | 0 | 1 {
    return this.cents < other.cents ? -1 : this.cents > other.cents ? 1 : 0;
  }

  equals(other: Money): boolean {
    return this.cents === other.cents;
  }

  /** The wire form: "100.00", "-0.05". */
  toString(): string {
    const negative = this.cents < 0n;
    const abs = negative ? -this.cents : this.cents;
    const units = abs / 100n;
    const hundredths = (abs % 100n).toString().padStart(2, '0');
    return `${negative ? '-' : ''}${units}.${hundredths}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** The wire form ("100.00") of a hundredths amount as a BIGINT column hands it over (pg reads BIGINT as a string). */
export function formatCents(cents: string | bigint): string {
  return Money.fromCents(BigInt(cents)).toString();
}
