/**
 * Test photos: small camera-like JPEGs with a phone's EXIF (make, model, GPS)
 * and an orientation, and broken image files of every kind a newsroom sends;
 * and the errors of a build that must fail on them.
 */
import { deflateSync } from "node:zlib";
import sharp from "sharp";
import { build } from "../../src/build.js";
import { BuildFailure, type Diagnostic } from "../../src/diagnostics.js";

/** The errors of a build of `root` (as of `now`) that must fail. */
export async function failedBuild(root: string, now: number): Promise<Diagnostic[]> {
  try {
    await build({ source: root, now, cwd: root });
  } catch (cause) {
    if (cause instanceof BuildFailure) return cause.diagnostics.filter((d) => d.severity === "error");
    throw cause;
  }
  throw new Error("the build did not fail");
}

/** A `width` × `height` JPEG as a phone stores it, with GPS and camera EXIF; `orientation` 6 is a portrait stored sideways. */
export async function phonePhoto(width: number, height: number, orientation = 1, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * seed * 7 + (i % width) * 3) & 0xff;
  let image = sharp(pixels, { raw: { width, height, channels: 3 } });
  if (orientation !== 1) image = image.withMetadata({ orientation });
  return image
    .withExif({
      IFD0: { Make: "samsung", Model: "SM-A515F", DateTime: "2024:07:26 09:15:00" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "22/1 43/1 4300/100", GPSLongitudeRef: "E", GPSLongitude: "103/1 20/1 1700/100" },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG of a few hundred bytes whose header declares `width` × `height` pixels (a decompression bomb when large). */
export function declaredPng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc(1 + width)); // one row of zeros; the rest is missing
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", ihdr), chunk("IDAT", rows.subarray(0, 200)), chunk("IEND", Buffer.alloc(0))]);
}
