/**
 * Payloads of exports (issue 7; design/screens.md Screen 4 "Export failure report"; entra-behavior.md §11): the
 * formats an admin can hand to a vendor or to Microsoft support, and the state of a running export.
 */

/**
 * - `csv`: three files joined on Change ID, mirroring Entra's CSV download (entra-behavior.md §11);
 * - `json`: an array of Graph provisioningObjectSummary-style objects (entra-behavior.md §6.2);
 * - `ndjson`: one exchange (request and response) per line, for scripts;
 * - `html`: a self-contained failure report that prints to PDF;
 * - `har`: HAR 1.2 of the HTTP exchanges, which opens in browser devtools.
 */
export type ExportFormat = 'csv' | 'json' | 'ndjson' | 'html' | 'har';

export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'ndjson', 'html', 'har'];

export type ExportState = 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportFile {
  /** The file's name inside the export; download it from `GET /exports/<jobId>/<name>` on the admin server. */
  readonly name: string;
  readonly bytes: number;
}

export interface ExportJob {
  readonly jobId: string;
  readonly format: ExportFormat;
  readonly failuresOnly: boolean;
  readonly state: ExportState;
  /** Log rows written so far (for `html`, rows summarised). */
  readonly rowsWritten: number;
  /** Rows the export is expected to cover: exact when the filters allow counting from an index, else an upper bound. */
  readonly totalEstimate: number;
  /** The finished files; empty until the export is done (partial files are never listed). */
  readonly files: readonly ExportFile[];
  readonly error: string | null;
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

export interface ExportStarted {
  readonly jobId: string;
}
