/**
 * A `listItem` handler for mdast-util-to-hast that renders as its default one
 * in linear time. The default asks, for every item, whether its list is loose
 * by looking at all the list's items: a list of n items costs n² steps (8,000
 * items took seconds). Here each list's answer is computed once and the
 * default handler is given a stand-in list that answers in one step.
 */
import type { List, ListItem, Parents } from "mdast";
import { defaultHandlers, type Handler, type State } from "mdast-util-to-hast";

const LOOSE: List = { type: "list", spread: true, children: [] };
const TIGHT: List = { type: "list", spread: false, children: [] };

/** Whether one item is loose, as mdast-util-to-hast decides it. */
function itemLoose(item: ListItem): boolean {
  return item.spread ?? item.children.length > 1;
}

/** Whether a list is loose, as mdast-util-to-hast decides it: spread, or any item loose. */
function listLoose(list: List): boolean {
  return Boolean(list.spread) || list.children.some(itemLoose);
}

/** Renders one list item as `defaultHandlers.listItem` does, deciding its list's looseness once per list. */
export function linearListItem(): Handler {
  const known = new WeakMap<List, boolean>();
  return (state: State, node: ListItem, parent: Parents | undefined) => {
    if (parent?.type !== "list") return defaultHandlers.listItem(state, node, parent);
    let loose = known.get(parent);
    if (loose === undefined) {
      loose = listLoose(parent);
      known.set(parent, loose);
    }
    return defaultHandlers.listItem(state, node, loose ? LOOSE : TIGHT);
  };
}
