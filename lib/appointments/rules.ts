/** Pure rules of the appointment record (no db, no framework). */

/** The document number as officers see it: only the last 4 characters, and nothing at all if it is that short. */
export function maskDocumentNumber(documentNumber: string | null): string | null {
  if (!documentNumber) return null;
  const clean = documentNumber.trim();
  if (clean.length <= 6) return '••••';
  return `••••${clean.slice(-4)}`;
}
