/**
 * Accent- and case-insensitive matching that PostgreSQL and PGlite both support without
 * extensions: lower() then translate() with this table (same length on both sides). Upper-case
 * accented letters are in the table because lower() under the C locale only lowers ASCII.
 * Used by the generated search column and by the query side, so both fold identically.
 */
export const FOLD_FROM = 'áàâäãåāăąçćčďđéèêëēėęěğíìîïīįıľłñńňóòôöõøōőŕřśšşßťţúùûüūůűųýÿźżžÁÀÂÄÃÅĀĂĄÇĆČĎĐÉÈÊËĒĖĘĚĞÍÌÎÏĪĮIĽŁÑŃŇÓÒÔÖÕØŌŐŔŘŚŠŞŤŢÚÙÛÜŪŮŰŲÝŸŹŻŽ';
export const FOLD_TO = 'aaaaaaaaacccddeeeeeeeegiiiiiiillnnnoooooooorrssssttuuuuuuuuyyzzzaaaaaaaaacccddeeeeeeeegiiiiiiillnnnoooooooorrsssttuuuuuuuuyyzzz';

/** The JS twin of the SQL fold, for pure code and tests. */
export function foldForSearch(text: string): string {
  let out = '';
  // Fold before lowering: PostgreSQL's lower() under the C locale only lowers ASCII.
  for (const ch of text.replace(/[A-Z]/g, (c) => c.toLowerCase())) {
    const i = FOLD_FROM.indexOf(ch);
    out += i >= 0 ? FOLD_TO[i] : ch;
  }
  return out;
}
