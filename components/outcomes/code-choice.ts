/** An outcome code as the outcome and correction forms offer it. */
export interface CodeChoice {
  code: string;
  label: string;
  requiresNote: boolean;
}
