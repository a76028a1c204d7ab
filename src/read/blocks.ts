/**
 * The block model every reader produces and every detector consumes: lines of prose
 * and tables of cells, each with its 1-based source line. Readers know nothing of tasks.
 */
export type Line = {
  kind: 'line';
  text: string;
  line: number;
  /** A line holding only no-break or ideographic spaces: a scraped empty table cell. */
  placeholder?: boolean;
  /** The first line after a page number: the text was copied out of a paged document (a PDF). */
  pageBreak?: boolean;
};
export type Cell = {
  text: string;
  line: number;
  /** A copy of a cell merged down from the row above (rowspan, Word's vertical merge). */
  spanned?: boolean;
  /** A copy of a cell merged across from the column on its left (colspan). */
  across?: boolean;
};
export type Table = { kind: 'table'; rows: Cell[][]; line: number };
export type Block = Line | Table;
