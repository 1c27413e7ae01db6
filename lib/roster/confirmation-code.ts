/**
 * Confirmation codes: 8 characters people read aloud, copy by hand and scan as barcodes.
 * The alphabet leaves out 0/O, 1/I/L so a handwritten or spoken code cannot be misread.
 * Pure module: shared by the seed, the intake API and the kiosk search box.
 */
export const CONFIRMATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CONFIRMATION_CODE_LENGTH = 8;

const CODE_PATTERN = new RegExp(`^[${CONFIRMATION_CODE_ALPHABET}]{${CONFIRMATION_CODE_LENGTH}}$`);

/** `random` returns a number in [0, 1): Math.random in tests, a seeded PRNG in the demo seed. */
export function generateConfirmationCode(random: () => number): string {
  let code = '';
  for (let i = 0; i < CONFIRMATION_CODE_LENGTH; i++) {
    // Clamp guards against a generator that returns exactly 1.
    const index = Math.min(CONFIRMATION_CODE_ALPHABET.length - 1, Math.floor(random() * CONFIRMATION_CODE_ALPHABET.length));
    code += CONFIRMATION_CODE_ALPHABET.charAt(index);
  }
  return code;
}

/** What a person or a scanner typed, in stored form: "abcd-2345 " → "ABCD2345". */
export function normaliseConfirmationCode(input: string): string {
  // Spaces and every dash-like character people paste (hyphen, en dash, em dash, minus sign).
  return input.trim().toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, '');
}

/** True when the input, once normalised, has the shape of a code (so a search can go straight to it). */
export function looksLikeConfirmationCode(input: string): boolean {
  return CODE_PATTERN.test(normaliseConfirmationCode(input));
}
