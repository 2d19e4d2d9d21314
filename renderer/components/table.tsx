/**
 * Table primitives for ordinary (non-virtual) lists: consistent density, sticky headers, numeric alignment.
 * For lists that can grow without bound use VirtualTable instead.
 */

import type { ReactNode } from 'react';

export function Table({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`table-wrap ${className}`}>
      <table className="table" aria-label={label}>
        {children}
      </table>
    </div>
  );
}

/** A two-column name/value table (headers, query parameters); values are text, never markup. */
export function KeyValueTable({ label, rows, empty = 'None.' }: { label: string; rows: readonly (readonly [string, ReactNode])[]; empty?: string }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <Table label={label} className="kv">
      <tbody>
        {rows.map(([name, value], index) => (
          <tr key={`${name}-${index}`}>
            <th scope="row">{name}</th>
            <td className="mono wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
