import { describe, expect, it } from 'vitest';
import {
  CONFIRMATION_CODE_ALPHABET,
  generateConfirmationCode,
  looksLikeConfirmationCode,
  normaliseConfirmationCode,
} from './confirmation-code';

describe('generateConfirmationCode', () => {
  it('makes 8 characters from the unambiguous alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateConfirmationCode(Math.random);
      expect(code).toMatch(/^[A-Z2-9]{8}$/);
      expect(code).not.toMatch(/[01OIL]/);
      expect(looksLikeConfirmationCode(code)).toBe(true);
    }
  });

  it('is a pure function of the random source', () => {
    const seq = (start: number) => {
      let x = start;
      return () => (x = (x * 9301 + 49297) % 233280) / 233280;
    };
    expect(generateConfirmationCode(seq(7))).toBe(generateConfirmationCode(seq(7)));
  });

  it('covers both ends of the alphabet, even for a source that returns 1', () => {
    expect(generateConfirmationCode(() => 0)).toBe('AAAAAAAA');
    expect(generateConfirmationCode(() => 0.999999)).toBe('99999999');
    expect(generateConfirmationCode(() => 1)).toBe('99999999');
    expect(CONFIRMATION_CODE_ALPHABET).toHaveLength(31);
  });
});

describe('normaliseConfirmationCode', () => {
  it.each([
    [' abcd-2345 ', 'ABCD2345'],
    ['ab cd 23 45', 'ABCD2345'],
    ['ABCD\u20132345', 'ABCD2345'], // en dash pasted from a document
    ['\tq7rt9wxz\n', 'Q7RT9WXZ'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseConfirmationCode(input)).toBe(expected);
  });
});

describe('looksLikeConfirmationCode', () => {
  it.each([
    ['ABCD2345', true],
    ['abcd-2345', true],
    ['ABCD234', false], // too short
    ['ABCD23456', false], // too long
    ['ABCD0345', false], // 0 is not in the alphabet
    ['ABCDO345', false], // nor O
    ['García', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(looksLikeConfirmationCode(input)).toBe(expected);
  });
});
