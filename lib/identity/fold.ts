/**
 * How a name is reduced to what a human would call "the same name" (UAX #15 NFKC, default-ignorable
 * code points removed, case folded, combining marks stripped, UTS #39 confusable skeleton, then
 * transliteration to Latin). One place, used by the identity key, the document key, the search key
 * and the officer search, so a key stored at booking and a query typed at the kiosk always agree.
 *
 * Libraries (chosen on evidence, see README "Booking rules"):
 * - unhomoglyph: Unicode's confusables.txt (UTS #39 data) as a map; "Josе" with a Cyrillic е is "Jose".
 * - any-ascii: transliteration of what is left (Cyrillic, Greek, Arabic, Han, Vietnamese letters).
 */
import anyAscii from 'any-ascii';
import unhomoglyph from 'unhomoglyph';
import { basicFold } from './basic-fold';

const ASCII_LETTERS = /^[a-z0-9]*$/;
/** Apostrophe-like marks vanish inside a word: "O'Brien", "D’Angelo", "ʿAbd" are one word. */
const APOSTROPHES = /['`\u02BB\u02BC\u02BF\u02BE\u2018\u2019\u00B4]/g;

const skeletonCache = new Map<string, string | null>();

/** The plain-Latin UTS #39 prototype of one character, or null when it has none. */
function prototypeOf(ch: string): string | null {
  const proto = basicFold(unhomoglyph(ch)).replace(/\s+/g, '');
  return proto !== '' && ASCII_LETTERS.test(proto) ? proto : null;
}

/**
 * The Latin letter a non-ASCII character imitates, in either case: names are case folded first,
 * but Cyrillic "В" imitates "B" only as a capital, so "Вenito" must still be "benito". Looking at
 * both cases keeps the key case-independent.
 */
function latinSkeleton(ch: string): string | null {
  let hit = skeletonCache.get(ch);
  if (hit !== undefined) return hit;
  hit = prototypeOf(ch) ?? prototypeOf(ch.toUpperCase());
  if (skeletonCache.size < 10_000) skeletonCache.set(ch, hit);
  return hit;
}

/**
 * One word to ASCII: when every character is ASCII or looks like a Latin letter (mixed-script
 * spoofing such as "Josе", or a whole word of look-alikes such as Cyrillic "Јоѕе"), the look-alikes
 * become the Latin letter they imitate; otherwise the word is a real word of another script and is
 * transliterated ("Алексей" → "aleksei"). The price: a Cyrillic word made only of look-alikes is
 * keyed by its look ("Анна" → "ahha", "Вера" → "bepa"), which is what a reader sees in it.
 */
function wordToAscii(word: string): string {
  const chars = [...word];
  const mapped: string[] = [];
  for (const ch of chars) {
    if (ch.charCodeAt(0) < 0x80) {
      mapped.push(ch);
      continue;
    }
    const skel = latinSkeleton(ch);
    if (skel === null) return basicFold(anyAscii(word));
    mapped.push(skel);
  }
  return mapped.join('');
}

/** The folded words of a text: lower-case ASCII letters and digits, in order. */
export function foldWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of basicFold(text).split(/[^\p{L}\p{N}'`\u02BB\u02BC\u02BF\u02BE\u2018\u2019\u00B4]+/u)) {
    if (!raw) continue;
    const ascii = wordToAscii(raw.replace(APOSTROPHES, '')).replace(APOSTROPHES, '');
    for (const w of ascii.split(/[^a-z0-9]+/)) if (w) words.push(w);
  }
  return words;
}

/** The folded text with single spaces between words. */
export function foldText(text: string): string {
  return foldWords(text).join(' ');
}

/** The folded text without any spaces: "De la Cruz", "Dela Cruz" and "Delacruz" agree. */
export function foldCompact(text: string): string {
  return foldWords(text).join('');
}
