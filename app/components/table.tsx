import type { ReactNode } from "react";

/** A data table that scrolls sideways on a phone; the caption is for screen readers. */
export function Table({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="utrecht-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The row header of a person: name, with the e-mail address beneath. */
export function PersonCell({ name, email }: { name: string; email: string }) {
  return (
    <th scope="row">
      {name}
      <br />
      <span className="muted">{email}</span>
    </th>
  );
}
