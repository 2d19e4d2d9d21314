/** One benchmark figure, as `npm run bench -- --json FILE` writes it (issue "Performance"). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The goal as text, e.g. `<= 50`; absent for figures measured for context (baselines, floors). */
  goal?: string;
}
