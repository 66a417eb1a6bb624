/** Types of the page's DOM helpers (ui.js); read by the type checker only. */

/** What `h` and `mount` take as children: nodes, text, nothing, or lists of these. */
export type Child = Node | string | number | null | undefined | false | Child[];

/**
 * An event as the page's handlers read it: the targets vary (inputs, selects, buttons), so `target` is
 * the union of the form controls' value-bearing shape; keyboard handlers read `key`.
 */
export type UiEvent = Event & Partial<KeyboardEvent> & { target: HTMLInputElement & HTMLSelectElement };

/** An attribute value or, for `on…` keys, an event listener. */
export type AttrValue = string | number | boolean | null | undefined | ((e: UiEvent) => unknown);

export type Attrs = Record<string, AttrValue>;

/** A column of a sortable table (views/table.js) over rows of type `R`. */
export interface Column<R> {
  key: string;
  label: Child;
  /** The value the column sorts by (and shows, without `cell`). */
  value: (row: R) => string | number | boolean | null | undefined;
  /** What the cell shows, when not the value as text. */
  cell?: (row: R) => Child;
  className?: string;
}

/** A link to a passage of the open document that scrolls to it in place ('' without a passage). */
export type PassageLink = (pid: string | null | undefined, label: string) => HTMLAnchorElement | '';
