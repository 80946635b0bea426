/**
 * Recognising alt texts and captions that say nothing: placeholders such as
 * "ảnh" or "Chú thích ảnh", camera file names, the image's own file name.
 * Compared case-, accent- and punctuation-insensitively, trailing numbers aside
 * ("Ảnh 3" is "ảnh").
 */
import type { PlaceholderReason } from "../i18n/catalog.js";
import { slugify } from "../load/slug.js";

const ALT_PLACEHOLDERS = new Set([
  "anh", "hinh", "hinh-anh", "anh-tin-bai", "anh-bai-viet", "anh-minh-hoa", "hinh-minh-hoa", "anh-dai-dien",
  "image", "img", "photo", "picture", "pic", "alt", "alt-text", "untitled", "placeholder", "thumbnail", "cover",
]);

const CAPTION_PLACEHOLDERS = new Set([
  "chu-thich", "chu-thich-anh", "chu-thich-hinh", "chu-thich-hinh-anh", "nhap-chu-thich", "nhap-chu-thich-anh",
  "them-chu-thich", "mo-ta", "mo-ta-anh", "ghi-chu", "ghi-chu-anh", "anh", "hinh-anh",
  "caption", "image-caption", "photo-caption", "add-caption", "enter-caption", "write-caption", "image", "photo", "placeholder", "todo",
]);

/** Names cameras and phones give files: IMG_1234, DSC01234, PXL_2024…, Screenshot 2024-…. */
const CAMERA_NAME = /^(img|dsc[nf]?|pxl|mvimg|vid|screenshot|screen-shot|z\d{3,})-?\d/;

/** Lower-case ASCII words joined by hyphens, without trailing numbers: the form names are compared in. */
export function foldText(text: string): string {
  return slugify(text).replace(/(-?\d+)+$/, "").replace(/-$/, "");
}

/** The file name of an image src, with and without its extension, folded. */
function fileNames(src: string): string[] {
  let name = src.replace(/[?#].*$/, "");
  name = name.slice(name.lastIndexOf("/") + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as written
  }
  return [slugify(name), slugify(name.replace(/\.[^.]+$/, ""))].filter((n) => n !== "");
}

/** Why `text` is no real description of the image at `src`, or undefined when it is one. */
function placeholderReason(text: string, src: string, placeholders: ReadonlySet<string>): PlaceholderReason | undefined {
  const slug = slugify(text);
  if (slug === "") return "no-letters";
  if (foldText(text) === "") return "number";
  if (fileNames(src).includes(slug)) return "file-name";
  if (CAMERA_NAME.test(slug)) return "camera";
  if (placeholders.has(foldText(text))) return "placeholder";
  return undefined;
}

/** What is wrong with an image's alt text: `missing`, a placeholder reason, or undefined when it describes the image. */
export function altTextProblem(alt: string | undefined, src: string): PlaceholderReason | "missing" | undefined {
  if (alt === undefined || alt.trim() === "") return "missing";
  return placeholderReason(alt, src, ALT_PLACEHOLDERS);
}

/** Why a caption that is present is a placeholder, or undefined when it is a real caption. */
export function captionProblem(caption: string, src: string): PlaceholderReason | undefined {
  return placeholderReason(caption, src, CAPTION_PLACEHOLDERS);
}
