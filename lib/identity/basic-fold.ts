/**
 * The first, library-free steps of the identity fold (lib/identity/fold.ts): NFKC (fullwidth and
 * styled letters become plain ones), default-ignorable code points removed (zero-width space and
 * joiners, soft hyphen, bidi marks and overrides, variation selectors), lower case, combining marks
 * stripped. Small enough for the kiosk's in-browser filter; the server's search uses the full fold.
 */
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu;
const MARKS = /\p{M}/gu;

export function basicFold(text: string): string {
  return text
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC');
}

/** The kiosk filter's twin of foldText: words of letters and digits, single spaces. */
export function basicFoldWords(text: string): string {
  return basicFold(text)
    .replace(/['`\u2019\u02BC]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}
