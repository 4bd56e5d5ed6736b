import { describe, expect, it } from 'vitest';
import { generatePassword, initialPasswordExpiresAt, PASSWORD_ALPHABET } from './password';

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** A random source that hands out the given bytes in order and records how many were asked for. */
function scripted(bytes: number[]) {
  const asked: number[] = [];
  let next = 0;
  const source = (n: number) => {
    asked.push(n);
    next += n;
    return Uint8Array.from(bytes.slice(next - n, next));
  };
  return { source, asked };
}

describe('generatePassword', () => {
  it('is 14 characters by default, or the length asked for', () => {
    expect(generatePassword(randomBytes)).toHaveLength(14);
    expect(generatePassword(randomBytes, 20)).toHaveLength(20);
  });

  it('uses letters and digits without look-alikes (0/O/o, 1/l/I/i)', () => {
    expect(new Set(PASSWORD_ALPHABET).size).toBe(55);
    expect(PASSWORD_ALPHABET).toMatch(/^[a-zA-Z2-9]+$/);
    expect(PASSWORD_ALPHABET).not.toMatch(/[0Oo1lIi]/);
    for (let n = 0; n < 50; n += 1) expect(generatePassword(randomBytes)).toMatch(/^[a-hj-km-np-zA-HJ-NP-Z2-9]{14}$/);
  });

  it('maps each byte below 220 to the symbol at its remainder by 55', () => {
    expect(generatePassword(scripted([0, 1, 54, 55, 219]).source, 5)).toBe('ab9a9');
  });

  it('drops bytes from 220 up and draws only the characters still missing', () => {
    const { source, asked } = scripted([219, 220, 255, 0]);
    expect(generatePassword(source, 2)).toBe('9a');
    expect(asked).toEqual([2, 1, 1]);
  });

  it('gives every symbol the same chance: all 256 byte values yield each symbol exactly 4 times', () => {
    const everyByte = Array.from({ length: 256 }, (_, n) => 255 - n);
    const password = generatePassword(scripted(everyByte).source, 220);
    const counts = new Map<string, number>();
    for (const symbol of password) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    expect(counts.size).toBe(55);
    expect(new Set(counts.values())).toEqual(new Set([4]));
  });
});

describe('initialPasswordExpiresAt', () => {
  it('is 7 days after the password was set', () => {
    expect(initialPasswordExpiresAt('2026-03-01T10:00:00.000Z')).toBe('2026-03-08T10:00:00.000Z');
  });
});
