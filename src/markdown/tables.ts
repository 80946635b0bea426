/**
 * Tables for the theme: a column's alignment (`|---:|`) becomes a class on
 * its cells (`align-right`), which the stylesheet honours, instead of the
 * obsolete `align` attribute; and each table sits in a scroll box
 * (`<div class="table-scroll" tabindex="0">`) so that a wide table scrolls
 * sideways on a phone instead of crushing its columns, by keyboard too.
 */
import type { Nodes, Root, RootContent, Table } from "mdast";

/** Marks the cells of every table in `tree` with their column's alignment and wraps each table in a scroll box. */
export function prepareTables(tree: Root): void {
  const walk = (parent: Extract<Nodes, { children: unknown[] }>): void => {
    const children = parent.children as RootContent[];
    children.forEach((node, i) => {
      if (node.type === "table") {
        alignCells(node);
        children[i] = scrollBox(node);
      } else if (node.type === "blockquote" || node.type === "list" || node.type === "listItem") walk(node);
    });
  };
  walk(tree);
}

function alignCells(table: Table): void {
  const align = table.align ?? [];
  if (!align.some(Boolean)) return;
  for (const row of table.children) {
    row.children.forEach((cell, i) => {
      const value = align[i];
      // `align: undefined` removes the attribute mdast-util-to-hast would add.
      if (value) cell.data = { ...cell.data, hProperties: { ...cell.data?.hProperties, className: [`align-${value}`], align: undefined } };
    });
  }
}

/** A node of a type mdast does not know, rendered as the `div` its data names, around the table. */
function scrollBox(table: Table): RootContent {
  const box = {
    type: "tableScroll",
    children: [table],
    data: { hName: "div", hProperties: { className: ["table-scroll"], tabIndex: 0 } },
  };
  if (table.position) Object.assign(box, { position: table.position });
  return box as unknown as RootContent;
}
