/**
 * Reads a PATCH body's Operations into op/path/value rows and notes the quirks of Entra's default dialect
 * (entra-behavior.md §3.1): PascalCase ops (`Replace`) and booleans sent as strings (`"False"`).
 */

export interface PatchRow {
  readonly op: string;
  readonly path: string | null;
  /** The value as compact JSON text. */
  readonly value: string;
}

export function patchOperations(body: string | null): { rows: PatchRow[]; notes: string[] } {
  let parsed: unknown;
  try {
    parsed = body === null ? null : JSON.parse(body);
  } catch {
    return { rows: [], notes: [] };
  }
  const ops = (parsed as { Operations?: unknown } | null)?.Operations;
  if (!Array.isArray(ops)) return { rows: [], notes: [] };
  const rows = ops.map((raw): PatchRow => {
    const op = raw as { op?: unknown; path?: unknown; value?: unknown };
    return {
      op: String(op.op ?? ''),
      path: typeof op.path === 'string' ? op.path : null,
      value: op.value === undefined ? '' : JSON.stringify(op.value),
    };
  });
  const notes: string[] = [];
  if (rows.some((r) => /^[A-Z]/.test(r.op))) {
    notes.push('Entra capitalises ops (Add, Replace, Remove) in its default dialect; SCIM ops are case-insensitive and this listener accepts both.');
  }
  if (rows.some((r) => /"(True|False)"/i.test(r.value))) {
    notes.push('A boolean arrives as the string "True"/"False" (Entra\'s default dialect); the listener reads it as a boolean. Append ?aadOptscim062020 to the Tenant URL for real booleans.');
  }
  if (rows.some((r) => r.path === null && r.op.toLowerCase() === 'replace')) {
    notes.push('A path-less replace carries attribute paths as keys of its value object (the aadOptscim062020 form).');
  }
  return { rows, notes };
}
