/**
 * SVG files are published as they are, unless they could run script or pull
 * in other files when opened from the site's origin.
 */

const CHECKS: [RegExp, string][] = [
  [/<script[\s>/]/i, "a <script> element"],
  [/<[^>]*\son[a-z]+\s*=/i, "an event handler attribute (on…=)"],
  [/<foreignObject[\s>/]/i, "a <foreignObject> element"],
  [/(?:xlink:)?href\s*=\s*["']?\s*(?:https?:|\/\/|javascript:|data:text\/html)/i, "a link to another site or a script (href)"],
  [/@import/i, "a stylesheet @import"],
  [/url\(\s*["']?\s*(?:https?:|\/\/)/i, "a url() to another site"],
  [/<!ENTITY/i, "an XML entity declaration"],
  [/<(?:iframe|embed|object)[\s>/]/i, "an embedded document"],
];

/** Why an SVG text is unsafe to publish (the first thing found), or undefined when it is safe. */
export function unsafeSvgReason(text: string): string | undefined {
  for (const [pattern, what] of CHECKS) if (pattern.test(text)) return what;
  return undefined;
}
