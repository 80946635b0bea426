#!/usr/bin/env node
// Draws the illustrations of the sample site (content/**/images/*.png) and its
// PDF attachment (content/files/*.pdf).
//
//   node scripts/make-sample-images.mjs
//
// Plain Node, no dependencies. Deterministic: every picture is drawn from a
// fixed recipe and a PRNG seeded by its file name, PNGs are written with
// node:zlib, so a re-run gives the same bytes (with the same Node/zlib).
// The pictures are simple flat illustrations (sky gradients, hills, halls,
// people silhouettes) of 640x400 pixels, each a few kilobytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const contentDir = join(root, "content");
const W = 640;
const H = 400;

// ---------------------------------------------------------------- helpers
const mulberry32 = (seed) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const hashString = (s) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
};
const hex = (s) => [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16));
const col = (c) => (typeof c === "string" ? hex(c) : c);
const mix = (a, b, t) => {
  a = col(a);
  b = col(b);
  return a.map((v, i) => Math.round(v + (b[i] - v) * t));
};
const shade = (c, f) => col(c).map((v) => Math.max(0, Math.min(255, Math.round(v * f))));
const lighten = (c, t) => mix(c, [255, 255, 255], t);

// ---------------------------------------------------------------- canvas
class Canvas {
  constructor(w = W, h = H) {
    this.w = w;
    this.h = h;
    this.d = new Uint8Array(w * h * 3);
  }
  // fill the pixels of row y whose centres lie in [xa, xb]
  span(xa, xb, y, c) {
    c = col(c);
    y = Math.floor(y);
    if (y < 0 || y >= this.h) return;
    const x0 = Math.max(0, Math.ceil(xa - 0.5));
    const x1 = Math.min(this.w - 1, Math.floor(xb - 0.5));
    let i = (y * this.w + x0) * 3;
    for (let x = x0; x <= x1; x++) {
      this.d[i++] = c[0];
      this.d[i++] = c[1];
      this.d[i++] = c[2];
    }
  }
  px(x, y, c) {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = (y * this.w + x) * 3;
    this.d[i] = c[0];
    this.d[i + 1] = c[1];
    this.d[i + 2] = c[2];
  }
  rect(x, y, w, h, c) {
    const y0 = Math.max(0, Math.round(y));
    const y1 = Math.min(this.h, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) this.span(x, x + w, yy, c);
  }
  vgrad(x, y, w, h, c0, c1) {
    const y0 = Math.round(y);
    const y1 = Math.round(y + h);
    for (let yy = Math.max(0, y0); yy < Math.min(this.h, y1); yy++) {
      this.span(x, x + w, yy, mix(c0, c1, (yy - y0) / Math.max(1, y1 - y0 - 1)));
    }
  }
  ellipse(cx, cy, rx, ry, c) {
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++) {
      const dy = (y + 0.5 - cy) / ry;
      if (Math.abs(dy) > 1) continue;
      const half = rx * Math.sqrt(1 - dy * dy);
      this.span(cx - half, cx + half, y, c);
    }
  }
  circle(cx, cy, r, c) {
    this.ellipse(cx, cy, r, r, c);
  }
  ring(cx, cy, r, t, c) {
    c = col(c);
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        if (d <= r && d >= r - t) this.px(x, y, c);
      }
    }
  }
  poly(pts, c) {
    let ymin = Infinity;
    let ymax = -Infinity;
    for (const [, y] of pts) {
      ymin = Math.min(ymin, y);
      ymax = Math.max(ymax, y);
    }
    for (let y = Math.max(0, Math.floor(ymin)); y <= Math.min(this.h - 1, Math.ceil(ymax)); y++) {
      const yc = y + 0.5;
      const xs = [];
      for (let i = 0; i < pts.length; i++) {
        const [ax, ay] = pts[i];
        const [bx, by] = pts[(i + 1) % pts.length];
        if ((ay <= yc && yc < by) || (by <= yc && yc < ay)) xs.push(ax + ((yc - ay) * (bx - ax)) / (by - ay));
      }
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2) this.span(xs[i], xs[i + 1], y, c);
    }
  }
  line(x0, y0, x1, y1, t, c) {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    const nx = (-(y1 - y0) / len) * (t / 2);
    const ny = ((x1 - x0) / len) * (t / 2);
    this.poly(
      [
        [x0 + nx, y0 + ny],
        [x1 + nx, y1 + ny],
        [x1 - nx, y1 - ny],
        [x0 - nx, y0 - ny],
      ],
      c,
    );
  }
  // fill every column from f(x) down to yBottom, coloured by absolute height
  below(f, c0, c1, yTop, yBottom = this.h) {
    const a = col(c0);
    const b = col(c1);
    const lut = [];
    for (let y = 0; y < this.h; y++) lut.push(mix(a, b, Math.min(1, Math.max(0, (y - yTop) / Math.max(1, yBottom - yTop)))));
    for (let x = 0; x < this.w; x++) {
      const y0 = Math.max(0, Math.round(f(x)));
      for (let y = y0; y < Math.min(yBottom, this.h); y++) this.px(x, y, lut[y]);
    }
  }
}

// ---------------------------------------------------------------- PNG
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const paeth = (a, b, c) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};
function encodePng(cv) {
  const { w, h, d } = cv;
  const stride = w * 3;
  const raw = Buffer.alloc((stride + 1) * h);
  const zero = new Uint8Array(stride);
  const cand = Array.from({ length: 5 }, () => new Uint8Array(stride));
  for (let y = 0; y < h; y++) {
    const row = d.subarray(y * stride, (y + 1) * stride);
    const up = y ? d.subarray((y - 1) * stride, y * stride) : zero;
    const score = [0, 0, 0, 0, 0];
    for (let i = 0; i < stride; i++) {
      const a = i >= 3 ? row[i - 3] : 0;
      const b = up[i];
      const c = i >= 3 ? up[i - 3] : 0;
      const v = row[i];
      cand[0][i] = v;
      cand[1][i] = (v - a) & 255;
      cand[2][i] = (v - b) & 255;
      cand[3][i] = (v - ((a + b) >> 1)) & 255;
      cand[4][i] = (v - paeth(a, b, c)) & 255;
      for (let f = 0; f < 5; f++) {
        const s = cand[f][i];
        score[f] += s < 128 ? s : 256 - s;
      }
    }
    let best = 0;
    for (let f = 1; f < 5; f++) if (score[f] < score[best]) best = f;
    raw[y * (stride + 1)] = best;
    raw.set(cand[best], y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- palettes
const SKIN = ["#e3b08a", "#d49c74", "#c58a62", "#b57a55"];
const HAIR = ["#1c1816", "#2a211c", "#241a14", "#3a2b22"];
const AO_DAI = ["#d6336c", "#c0392b", "#2e86de", "#e67e22", "#8e44ad", "#f2f2f2", "#16a085", "#f1c40f"];
const SHIRTS = ["#f4f6f7", "#dfe6e9", "#34495e", "#2c3e50", "#7f8c8d", "#2e86de", "#1e3799", "#f5f0e1"];
const MONG = { top: "#2c3470", bottom: "#1f2450", scarf: "#2c3470", trim: "#e84393" };
const DAO = { top: "#1d1d2b", bottom: "#1d1d2b", scarf: "#d63031", trim: "#e17055" };
const RED = "#b3202a";
const GOLD = "#f4d03f";
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

// ---------------------------------------------------------------- elements
function textBars(cv, rand, x, y, w, lines, lineH, c, opts = {}) {
  const thick = opts.thick ?? Math.max(2, Math.round(lineH * 0.45));
  for (let l = 0; l < lines; l++) {
    const lineW = opts.center || l < lines - 1 ? w * (opts.center ? 0.55 + rand() * 0.45 : 1) : w * (0.3 + rand() * 0.5);
    let cx = opts.center ? x + (w - lineW) / 2 : x;
    const end = cx + lineW;
    while (cx < end - 4) {
      const ww = Math.min(end - cx, 8 + rand() * (opts.word ?? 30));
      cv.rect(cx, y + l * lineH, ww, thick, c);
      cx += ww + Math.max(3, thick * 0.9);
    }
  }
}

function personStanding(cv, x, feetY, h, o) {
  const r = h * 0.075;
  const headCy = feetY - h + r;
  const neckY = headCy + r * 0.9;
  const sw = h * 0.25;
  const hipY = feetY - h * 0.47;
  const hipW = h * 0.19;
  if (o.dress) {
    cv.poly(
      [
        [x - sw * 0.42, neckY + h * 0.02],
        [x + sw * 0.42, neckY + h * 0.02],
        [x + hipW * 0.8, feetY - h * 0.04],
        [x - hipW * 0.8, feetY - h * 0.04],
      ],
      o.top,
    );
    cv.rect(x - hipW * 0.35, feetY - h * 0.05, hipW * 0.25, h * 0.05, o.bottom ?? "#222222");
    cv.rect(x + hipW * 0.1, feetY - h * 0.05, hipW * 0.25, h * 0.05, o.bottom ?? "#222222");
  } else {
    cv.rect(x - hipW * 0.5, hipY - 2, hipW * 0.45, feetY - hipY + 2, o.bottom);
    cv.rect(x + hipW * 0.05, hipY - 2, hipW * 0.45, feetY - hipY + 2, o.bottom);
    cv.poly(
      [
        [x - sw / 2, neckY + h * 0.03],
        [x + sw / 2, neckY + h * 0.03],
        [x + hipW / 2 + 1, hipY + h * 0.02],
        [x - hipW / 2 - 1, hipY + h * 0.02],
      ],
      o.top,
    );
  }
  // arms
  const armC = o.arm ?? shade(o.top, 0.85);
  if (o.armsUp) {
    cv.line(x - sw / 2 + 2, neckY + h * 0.06, x - sw * 0.9, neckY - h * 0.12, h * 0.06, armC);
    cv.line(x + sw / 2 - 2, neckY + h * 0.06, x + sw * 0.9, neckY - h * 0.12, h * 0.06, armC);
  } else {
    cv.line(x - sw / 2 + 1, neckY + h * 0.06, x - sw / 2 - h * 0.03, hipY, h * 0.06, armC);
    cv.line(x + sw / 2 - 1, neckY + h * 0.06, x + sw / 2 + h * 0.03, hipY, h * 0.06, armC);
  }
  if (o.skirt) {
    cv.poly([[x - hipW * 0.62, hipY + h * 0.05], [x + hipW * 0.62, hipY + h * 0.05], [x + hipW * 0.8, feetY - h * 0.08], [x - hipW * 0.8, feetY - h * 0.08]], o.skirt);
    for (let k = 1; k < 3; k++) cv.rect(x - hipW * 0.7, hipY + h * (0.05 + k * 0.12), hipW * 1.4, h * 0.02, lighten(o.skirt, 0.4));
  }
  if (o.trim) cv.rect(x - sw * 0.4, hipY - h * 0.06, sw * 0.8, h * 0.03, o.trim);
  cv.rect(x - r * 0.35, headCy + r * 0.6, r * 0.7, r * 0.7, o.skin);
  cv.ellipse(x, headCy - r * 0.12, r * 1.02, r * 0.95, o.hair);
  cv.ellipse(x, headCy + r * 0.12, r * 0.82, r * 0.88, o.skin);
  if (o.scarf) cv.ellipse(x, headCy - r * 0.55, r * 1.25, r * 0.6, o.scarf);
  if (o.hat) cv.poly([[x - r * 1.6, headCy - r * 0.5], [x + r * 1.6, headCy - r * 0.5], [x, headCy - r * 1.8]], o.hat);
  if (o.khen) {
    cv.line(x - sw * 0.5, neckY + h * 0.3, x + sw * 0.9, neckY - h * 0.35, h * 0.035, "#c8a85a");
    cv.line(x - sw * 0.45, neckY + h * 0.27, x + sw * 1.0, neckY - h * 0.3, h * 0.025, "#b8953f");
    cv.ellipse(x, neckY + h * 0.13, h * 0.05, h * 0.035, "#6d4c41");
  }
  if (o.holding) cv.rect(x - sw * 0.55, neckY + h * 0.12, sw * 1.1, h * 0.16, o.holding);
  if (o.flowers) {
    cv.rect(x + sw * 0.1, neckY + h * 0.12, h * 0.02, h * 0.14, "#2d6a2f");
    cv.circle(x + sw * 0.1, neckY + h * 0.1, h * 0.05, o.flowers);
    cv.circle(x + sw * 0.1 + h * 0.04, neckY + h * 0.13, h * 0.035, lighten(o.flowers, 0.3));
  }
}
// seen from behind (audience)
function personBack(cv, x, y, s, o) {
  cv.ellipse(x, y + s * 1.75, s * 1.9, s * 1.05, o.top);
  cv.rect(x - s * 0.35, y + s * 0.7, s * 0.7, s * 0.6, shade(o.skin, 0.9));
  cv.circle(x, y, s, o.hair);
  if (o.scarf) cv.ellipse(x, y - s * 0.4, s * 1.05, s * 0.65, o.scarf);
}
// seen from the front, upper body (behind a table)
function personBust(cv, x, y, s, o) {
  cv.ellipse(x, y + s * 1.8, s * 1.8, s * 1.1, o.top);
  if (o.collar) cv.poly([[x - s * 0.4, y + s * 0.8], [x + s * 0.4, y + s * 0.8], [x, y + s * 1.5]], o.collar);
  cv.rect(x - s * 0.3, y + s * 0.6, s * 0.6, s * 0.4, o.skin);
  cv.ellipse(x, y - s * 0.12, s * 0.98, s * 0.95, o.hair);
  cv.ellipse(x, y + s * 0.12, s * 0.8, s * 0.86, o.skin);
  if (o.scarf) cv.ellipse(x, y - s * 0.55, s * 1.15, s * 0.6, o.scarf);
}
const randomPerson = (rand, style = "mixed") => {
  const base = { skin: pick(rand, SKIN), hair: pick(rand, HAIR) };
  const roll = rand();
  if (style === "mong" || (style === "mixed" && roll < 0.15)) {
    if (rand() < 0.5) return { ...base, ...MONG, scarf: rand() < 0.6 ? MONG.scarf : undefined };
    return { ...base, ...MONG, skirt: pick(rand, ["#e84393", "#6c5ce7", "#00b894", "#d63031"]), scarf: rand() < 0.5 ? "#e84393" : MONG.scarf };
  }
  if (style === "dao" || (style === "mixed" && roll < 0.25)) return { ...base, ...DAO };
  if (style === "women" || (style === "mixed" && roll < 0.6)) {
    const top = pick(rand, AO_DAI);
    return { ...base, top, bottom: "#f2f2f2", dress: true };
  }
  return { ...base, top: pick(rand, SHIRTS), bottom: pick(rand, ["#2d3436", "#34495e", "#1e272e", "#57606f"]) };
};

function crowdBacks(cv, rand, y0, rows, style, size = 14) {
  for (let r = 0; r < rows; r++) {
    const s = size + r * 4;
    const y = y0 + r * s * 1.9;
    const gap = s * 3.1;
    const off = (r % 2) * gap * 0.5 - rand() * gap * 0.5;
    for (let x = off; x < W + gap; x += gap) {
      personBack(cv, x + rand() * 6, y + rand() * 4, s, randomPerson(rand, style));
    }
  }
}

function backdrop(cv, rand, x, y, w, h, c, textC, lines = 3) {
  cv.rect(x, y, w, h, c);
  cv.rect(x, y + h - 6, w, 6, shade(c, 0.8));
  cv.circle(x + h * 0.42, y + h * 0.42, h * 0.24, textC);
  cv.circle(x + h * 0.42, y + h * 0.42, h * 0.17, c);
  star(cv, x + h * 0.42, y + h * 0.42, h * 0.13, textC);
  const tx = x + h * 0.85;
  textBars(cv, rand, tx, y + h * 0.2, w - h * 1.05, lines, (h * 0.6) / lines, textC, { center: true, thick: Math.max(3, (h * 0.3) / lines), word: 40 });
}
function star(cv, cx, cy, r, c) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.42 : r;
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  cv.poly(pts, c);
}
function flowerPot(cv, x, baseY, s, c) {
  cv.poly([[x - s * 0.6, baseY - s * 0.9], [x + s * 0.6, baseY - s * 0.9], [x + s * 0.45, baseY], [x - s * 0.45, baseY]], "#d9d2c5");
  cv.ellipse(x, baseY - s * 1.4, s * 1.1, s * 0.7, "#3c7a3a");
  for (let i = 0; i < 5; i++) cv.circle(x - s * 0.8 + i * s * 0.4, baseY - s * 1.5 - (i % 2) * s * 0.35, s * 0.28, i % 2 ? lighten(c, 0.35) : c);
}
function tableFront(cv, x, y, w, h, cloth, skirt) {
  cv.rect(x, y, w, h, skirt ?? cloth);
  cv.rect(x, y, w, Math.max(4, h * 0.12), lighten(cloth, 0.25));
}
function lectern(cv, x, baseY, w, h, c) {
  cv.poly([[x - w * 0.5, baseY - h], [x + w * 0.5, baseY - h], [x + w * 0.4, baseY], [x - w * 0.4, baseY]], c);
  cv.rect(x - w * 0.55, baseY - h - 6, w * 1.1, 8, shade(c, 0.8));
  cv.circle(x, baseY - h * 0.6, w * 0.16, GOLD);
  cv.circle(x, baseY - h * 0.6, w * 0.11, RED);
}

function skyAndRidges(cv, rand, p) {
  const horizon = p.horizon ?? 230;
  cv.vgrad(0, 0, W, horizon + 60, p.skyTop, p.skyBottom);
  if (p.sun) {
    cv.circle(p.sun[0], p.sun[1], p.sun[2] * 1.5, mix(p.skyBottom, p.sunColor ?? "#fff3c4", 0.35));
    cv.circle(p.sun[0], p.sun[1], p.sun[2], p.sunColor ?? "#fff3c4");
  }
  if (p.clouds) clouds(cv, rand, p.clouds, p.cloudColor ?? lighten(p.skyBottom, 0.6));
  const layers = p.ridges ?? [];
  layers.forEach((layer, k) => {
    const ph = [rand() * 6.28, rand() * 6.28, rand() * 6.28];
    const fr = [0.004 + rand() * 0.004, 0.011 + rand() * 0.008, 0.027 + rand() * 0.02];
    const amp = layer.amp ?? 40;
    const f = (x) =>
      layer.y -
      amp * (0.55 * Math.sin(x * fr[0] + ph[0]) + 0.3 * Math.sin(x * fr[1] + ph[1]) + 0.15 * Math.sin(x * fr[2] + ph[2])) -
      (layer.peak ? layer.peak[1] * Math.max(0, 1 - Math.abs(x - layer.peak[0]) / layer.peak[2]) : 0);
    cv.below(f, layer.c0, layer.c1, layer.y - amp - (layer.peak ? layer.peak[1] : 0), p.groundTo ?? H);
    if (p.mist && k < layers.length - 1) {
      // low cloud banks lying in the valley in front of this ridge
      const y = layer.y + amp * 0.15;
      for (let i = 0; i < 5; i++) {
        const x = ((i + rand()) * W) / 5;
        cv.ellipse(x, y + rand() * 10, 70 + rand() * 60, 9 + rand() * 5, mix(layer.c1, p.mist, 0.75));
        cv.ellipse(x + 30, y + 4, 50 + rand() * 30, 6, p.mist);
      }
    }
  });
}
function clouds(cv, rand, n, c) {
  for (let i = 0; i < n; i++) {
    const x = rand() * W;
    const y = 30 + rand() * 90;
    const s = 14 + rand() * 20;
    cv.ellipse(x, y, s * 2.2, s * 0.7, c);
    cv.ellipse(x - s, y + 2, s * 1.2, s * 0.55, c);
    cv.ellipse(x + s * 0.7, y - s * 0.35, s * 1.2, s * 0.7, c);
  }
}
function terraces(cv, rand, yTop, colors, edge, yBottom = H) {
  const ph = rand() * 6;
  const bands = [];
  for (let k = 0; yTop + k * 16 < yBottom + 60; k++) bands.push(k);
  for (let x = 0; x < W; x++) {
    let prev = yTop;
    for (const k of bands) {
      const sp = 12 + k * 2.2;
      const base = yTop + k * sp + k * k * 0.5;
      const yb = base + (10 + k * 1.5) * Math.sin(x * 0.012 + ph + k * 0.35) + 6 * Math.sin(x * 0.031 + k);
      const c = col(colors[k % colors.length]);
      const yEnd = Math.min(yBottom, Math.round(yb));
      for (let y = Math.max(0, Math.round(prev)); y < yEnd; y++) cv.px(x, y, c);
      for (let y = Math.max(0, yEnd); y < Math.min(yBottom, yEnd + 2); y++) cv.px(x, y, col(edge));
      prev = yb + 2;
      if (prev > yBottom) break;
    }
  }
}
function house(cv, x, baseY, w, h, wall, roof, opts = {}) {
  cv.rect(x, baseY - h, w, h, wall);
  for (let i = 1; i < 4; i++) cv.rect(x, baseY - h + (h * i) / 4, w, 1, shade(wall, 0.85));
  cv.poly([[x - w * 0.12, baseY - h], [x + w * 1.12, baseY - h], [x + w * 0.9, baseY - h - h * 0.55], [x + w * 0.1, baseY - h - h * 0.55]], roof);
  cv.rect(x + w * 0.42, baseY - h * 0.62, w * 0.18, h * 0.62, shade(wall, 0.6));
  if (w > 50) {
    cv.rect(x + w * 0.12, baseY - h * 0.7, w * 0.16, h * 0.25, opts.window ?? "#f6e7b4");
    cv.rect(x + w * 0.72, baseY - h * 0.7, w * 0.16, h * 0.25, opts.window ?? "#f6e7b4");
  }
}
function tree(cv, x, baseY, h, leaf, trunk = "#5d4037") {
  cv.rect(x - h * 0.04, baseY - h * 0.45, h * 0.08, h * 0.45, trunk);
  cv.circle(x, baseY - h * 0.62, h * 0.25, leaf);
  cv.circle(x - h * 0.16, baseY - h * 0.5, h * 0.18, shade(leaf, 0.9));
  cv.circle(x + h * 0.15, baseY - h * 0.52, h * 0.19, shade(leaf, 1.08));
}
function pine(cv, x, baseY, h, c) {
  cv.rect(x - 2, baseY - h * 0.2, 4, h * 0.2, "#4e342e");
  for (let i = 0; i < 3; i++) {
    const y = baseY - h * 0.15 - i * h * 0.25;
    const w = h * (0.32 - i * 0.07);
    cv.poly([[x - w, y], [x + w, y], [x, y - h * 0.42]], shade(c, 1 - i * 0.05));
  }
}
function blossomTree(cv, rand, x, baseY, h, bloom) {
  cv.line(x, baseY, x - h * 0.05, baseY - h * 0.5, h * 0.06, "#4e342e");
  cv.line(x - h * 0.05, baseY - h * 0.5, x - h * 0.3, baseY - h * 0.8, h * 0.035, "#4e342e");
  cv.line(x - h * 0.05, baseY - h * 0.5, x + h * 0.28, baseY - h * 0.85, h * 0.035, "#4e342e");
  for (let i = 0; i < 40; i++) {
    const a = rand() * Math.PI * 2;
    const d = Math.sqrt(rand()) * h * 0.38;
    cv.circle(x + Math.cos(a) * d * 1.2, baseY - h * 0.72 + Math.sin(a) * d * 0.7, 4 + rand() * 6, i % 3 ? bloom : lighten(bloom, 0.4));
  }
}
function church(cv, x, baseY, s) {
  const stone = "#9e9a93";
  cv.rect(x, baseY - s * 0.9, s * 1.6, s * 0.9, stone);
  cv.poly([[x - 6, baseY - s * 0.9], [x + s * 1.6 + 6, baseY - s * 0.9], [x + s * 0.8, baseY - s * 1.35]], "#5b5b60");
  cv.rect(x - s * 0.55, baseY - s * 1.7, s * 0.6, s * 1.7, shade(stone, 0.95));
  cv.poly([[x - s * 0.62, baseY - s * 1.7], [x + s * 0.12, baseY - s * 1.7], [x - s * 0.25, baseY - s * 2.35]], "#4a4a50");
  cv.rect(x - s * 0.27, baseY - s * 2.55, 3, s * 0.22, "#333333");
  cv.rect(x - s * 0.33, baseY - s * 2.47, s * 0.16, 3, "#333333");
  cv.ellipse(x - s * 0.25, baseY - s * 1.2, s * 0.1, s * 0.16, "#3d3d44");
  cv.rect(x - s * 0.35, baseY - s * 0.45, s * 0.2, s * 0.45, "#5d4037");
  for (let i = 0; i < 3; i++) cv.ellipse(x + s * 0.3 + i * s * 0.45, baseY - s * 0.5, s * 0.08, s * 0.16, "#3d3d44");
}
function bunting(cv, x0, y0, x1, y1, sag, colors) {
  const n = Math.round((x1 - x0) / 26);
  const at = (t) => [x0 + (x1 - x0) * t, y0 + (y1 - y0) * t + sag * 4 * t * (1 - t)];
  for (let i = 0; i < n; i++) {
    const [ax, ay] = at(i / n);
    const [bx, by] = at((i + 1) / n);
    cv.line(ax, ay, bx, by, 2, "#444444");
    const mx = (ax + bx) / 2;
    cv.poly([[ax + 2, ay + 1], [bx - 2, by + 1], [mx, (ay + by) / 2 + 18]], colors[i % colors.length]);
  }
}
function lantern(cv, x, y, r, c) {
  cv.rect(x - 1, y - r * 1.6, 2, r * 0.8, "#555555");
  cv.ellipse(x, y, r, r * 0.8, c);
  cv.rect(x - r * 0.45, y - r * 0.85, r * 0.9, r * 0.2, GOLD);
  cv.rect(x - r * 0.45, y + r * 0.7, r * 0.9, r * 0.2, GOLD);
  cv.rect(x - 1, y + r * 0.9, 2, r * 0.6, GOLD);
}
function flag(cv, x, baseY, h) {
  cv.rect(x, baseY - h, 3, h, "#8d8d8d");
  cv.rect(x + 3, baseY - h, h * 0.45, h * 0.3, "#da251d");
  star(cv, x + 3 + h * 0.225, baseY - h + h * 0.15, h * 0.08, "#ffde00");
}
function woodFloor(cv, y, c0, c1) {
  cv.vgrad(0, y, W, H - y, c0, c1);
  for (let yy = y + 14; yy < H; yy += 18) cv.rect(0, yy, W, 1, shade(c1, 0.85));
}

// ---------------------------------------------------------------- scenes
const scenes = {
  // conference hall: backdrop, presidium table, audience backs
  hall(cv, rand, p) {
    cv.vgrad(0, 0, W, 260, p.wall ?? "#efe2c8", p.wall2 ?? "#d8c39d");
    for (let x = 40; x < W; x += 120) cv.circle(x, 14, 6, "#fff8dc");
    cv.rect(0, 0, W, 6, shade(p.wall ?? "#efe2c8", 0.7));
    backdrop(cv, rand, 70, 34, 500, 150, p.backdrop ?? RED, p.text ?? GOLD, p.lines ?? 3);
    woodFloor(cv, 230, p.floor ?? "#9c6b45", shade(p.floor ?? "#9c6b45", 0.7));
    cv.rect(40, 195, 560, 40, shade(p.floor ?? "#9c6b45", 0.8));
    if (p.table !== false) {
      for (let i = 0; i < (p.officials ?? 7); i++) personBust(cv, 150 + i * 56, 172, 11, randomPerson(rand, p.tableStyle ?? "office"));
      tableFront(cv, 120, 192, 400, 36, p.cloth ?? "#f5f5f5", p.skirt ?? "#2155a3");
      for (let i = 0; i < 5; i++) flowerPot(cv, 150 + i * 85, 230, 8, pick(rand, ["#e84393", "#f1c40f", "#e74c3c"]));
    }
    if (p.lectern !== false) {
      lectern(cv, 560, 238, 44, 62, "#7b4a2a");
      if (p.speaker) personBust(cv, 560, 160, 10, randomPerson(rand, "women"));
    }
    if (p.screen) {
      cv.rect(8, 60, 56, 90, "#222222");
      cv.rect(12, 64, 48, 82, "#dfe9f3");
      textBars(cv, rand, 16, 72, 40, 6, 11, "#7f8fa6", { thick: 3, word: 14 });
    }
    crowdBacks(cv, rand, p.audienceY ?? 268, p.rows ?? 3, p.audience ?? "mixed", p.audienceSize ?? 13);
  },
  // one speaker at a lectern, close-up
  speaker(cv, rand, p) {
    cv.vgrad(0, 0, W, H, p.wall ?? "#f0e0c0", p.wall2 ?? "#d9be8e");
    backdrop(cv, rand, -40, 30, 720, 200, p.backdrop ?? RED, GOLD, 3);
    const person = { ...randomPerson(rand, p.style ?? "women"), ...(p.person ?? {}) };
    personBust(cv, 330, 210, 48, person);
    cv.line(290, 300, 310, 236, 4, "#333333");
    cv.circle(310, 232, 7, "#222222");
    cv.poly([[200, 290], [460, 290], [440, H], [220, H]], p.lectern ?? "#7b4a2a");
    cv.rect(190, 282, 280, 14, shade(p.lectern ?? "#7b4a2a", 0.8));
    cv.circle(330, 340, 30, GOLD);
    cv.circle(330, 340, 22, RED);
    star(cv, 330, 340, 16, GOLD);
    for (let i = 0; i < 6; i++) cv.circle(220 + i * 44, 300, 10, i % 2 ? "#f1c40f" : "#e84393");
  },
  // a delegate with a microphone among seated delegates, side view
  delegates(cv, rand, p) {
    cv.vgrad(0, 0, W, H, p.wall ?? "#e8dcc6", p.wall2 ?? "#c9b48f");
    for (let x = 0; x < W; x += 160) cv.rect(x + 70, 20, 40, 160, lighten(p.wall ?? "#e8dcc6", 0.4));
    for (let row = 0; row < 2; row++) {
      const y = 170 + row * 90;
      const s = 24 + row * 8;
      for (let i = 0; i < 5; i++) {
        const x = 70 + i * 125 + row * 30;
        const who = randomPerson(rand, p.style ?? "mixed");
        if (row === 1 && i === (p.speakerAt ?? 2)) {
          personBust(cv, x, y - 8, s * 1.05, { ...who, top: p.speakerTop ?? "#c0392b" });
          cv.line(x + s * 0.6, y + s * 1.4, x + s * 0.25, y + s * 0.2, 5, "#333333");
          cv.ellipse(x + s * 0.22, y + s * 0.1, 6, 9, "#222222");
        } else personBust(cv, x, y, s, who);
      }
      tableFront(cv, 0, y + s * 1.9, W, 26 + row * 8, p.cloth ?? "#f4f4f4", p.skirt ?? "#2f6db5");
      for (let i = 0; i < 6; i++) cv.rect(40 + i * 110 + row * 20, y + s * 1.9 - 14, 10, 16, "#cfe8ff");
    }
  },
  // standing group on a stage (awards, presents, flowers)
  group(cv, rand, p) {
    cv.vgrad(0, 0, W, 300, p.wall ?? "#f3e6cf", p.wall2 ?? "#d7bf95");
    backdrop(cv, rand, 30, 20, 580, 170, p.backdrop ?? RED, GOLD, 3);
    woodFloor(cv, 300, p.floor ?? "#8d5b3a", shade(p.floor ?? "#8d5b3a", 0.7));
    cv.rect(0, 290, W, 14, shade(p.floor ?? "#8d5b3a", 1.2));
    const n = p.count ?? 8;
    for (let i = 0; i < n; i++) {
      const x = 60 + (i * 520) / (n - 1);
      const who = randomPerson(rand, p.style ?? "women");
      personStanding(cv, x, 330 + (i % 2) * 4, 190 + rand() * 20, {
        ...who,
        holding: p.boards && i % 2 === 1 ? "#fdfdfd" : undefined,
        flowers: p.flowers && i % 2 === 0 ? pick(rand, ["#e84393", "#e74c3c", "#f1c40f"]) : undefined,
      });
    }
    for (let i = 0; i < 7; i++) flowerPot(cv, 40 + i * 95, H - 4, 12, pick(rand, ["#e84393", "#f1c40f", "#e74c3c"]));
  },
  // training room: projector screen and rows of tables
  classroom(cv, rand, p) {
    cv.vgrad(0, 0, W, 250, p.wall ?? "#eef1f4", p.wall2 ?? "#cfd8dc");
    cv.rect(0, 235, W, H - 235, p.floor ?? "#b0a18a");
    cv.rect(p.screenX ?? 200, 30, 240, 150, "#2f3640");
    cv.rect((p.screenX ?? 200) + 6, 36, 228, 138, "#ffffff");
    cv.rect((p.screenX ?? 200) + 6, 36, 228, 26, p.accent ?? "#1e6fb8");
    if (p.chart) {
      for (let i = 0; i < 6; i++) {
        const hh = 20 + ((i * 37 + 11) % 70);
        cv.rect((p.screenX ?? 200) + 30 + i * 32, 164 - hh, 20, hh, i % 2 ? (p.accent ?? "#1e6fb8") : "#f39c12");
      }
    } else textBars(cv, rand, (p.screenX ?? 200) + 24, 74, 190, 6, 15, "#57606f", { thick: 5, word: 30 });
    if (p.presenter) personStanding(cv, (p.screenX ?? 200) + 280, 250, 170, randomPerson(rand, "office"));
    for (let r = 0; r < 3; r++) {
      const y = 250 + r * 52;
      const s = 12 + r * 3;
      for (let x = 30 + (r % 2) * 35; x < W; x += 70 + r * 6) personBack(cv, x, y, s, randomPerson(rand, p.style ?? "mixed"));
      cv.rect(0, y + s * 2.2, W, 10 + r * 2, p.desk ?? "#8d6e63");
    }
  },
  // U-shaped meeting table seen from above-front
  meeting(cv, rand, p) {
    cv.vgrad(0, 0, W, 150, p.wall ?? "#e3e8ee", p.wall2 ?? "#c8d0da");
    cv.rect(0, 150, W, H - 150, p.floor ?? "#a1887f");
    cv.rect(210, 22, 220, 118, "#2f3640");
    cv.rect(216, 28, 208, 106, p.screenC ?? "#1f6fb2");
    textBars(cv, rand, 232, 50, 176, 4, 18, "#ffffff", { center: true, thick: 6 });
    const table = p.table ?? "#6d4c41";
    // back row
    for (let i = 0; i < 7; i++) personBust(cv, 150 + i * 57, 168, 12, randomPerson(rand, "office"));
    cv.poly([[100, 190], [540, 190], [560, 215], [80, 215]], table);
    // side arms of the U
    for (let i = 0; i < 3; i++) {
      personBust(cv, 60 - i * 10, 232 + i * 55, 14 + i * 2, randomPerson(rand, "office"));
      personBust(cv, 580 + i * 10, 232 + i * 55, 14 + i * 2, randomPerson(rand, "office"));
    }
    cv.poly([[80, 215], [140, 215], [110, H], [20, H]], table);
    cv.poly([[500, 215], [560, 215], [620, H], [530, H]], table);
    for (let i = 0; i < 5; i++) flowerPot(cv, 320 + (i - 2) * 22, 300 + (i % 2) * 8, 10, "#e74c3c");
    for (let i = 0; i < 4; i++) {
      cv.rect(110 - i * 12, 235 + i * 40, 22, 14, "#ffffff");
      cv.rect(520 + i * 14, 235 + i * 40, 22, 14, "#ffffff");
    }
  },
  landscape(cv, rand, p) {
    skyAndRidges(cv, rand, p);
    if (p.terraces) terraces(cv, rand, p.terraces.y, p.terraces.colors, p.terraces.edge);
    if (p.trail) {
      const left = [];
      const right = [];
      for (let i = 0; i <= 20; i++) {
        const t = i / 20;
        const x = 330 + Math.sin(t * 4.5 + 0.3) * 120 * t;
        const y = 235 + t * 170;
        const half = 3 + t * t * 45;
        left.push([x - half, y]);
        right.unshift([x + half, y]);
      }
      cv.poly([...left, ...right], p.trail);
    }
    for (const h of p.houses ?? []) house(cv, h[0], h[1], h[2], h[3], h[4] ?? "#8d6e63", h[5] ?? "#4e4e56");
    for (const t of p.trees ?? []) (t[3] === "pine" ? pine : tree)(cv, t[0], t[1], t[2], t[4] ?? "#2e7d32");
    for (const b of p.blossoms ?? []) blossomTree(cv, rand, b[0], b[1], b[2], b[3] ?? "#f8a5c2");
    if (p.church) church(cv, p.church[0], p.church[1], p.church[2]);
    for (const q of p.people ?? []) personStanding(cv, q[0], q[1], q[2], { ...randomPerson(rand, q[3] ?? "mixed"), ...(q[4] ?? {}) });
  },
  festival(cv, rand, p) {
    skyAndRidges(cv, rand, p);
    cv.vgrad(0, 270, W, H - 270, p.ground ?? "#7cb342", shade(p.ground ?? "#7cb342", 0.75));
    if (p.pole) {
      cv.rect(318, 40, 6, 250, "#c9b458");
      cv.poly([[324, 44], [370, 60], [324, 76]], "#d63031");
      cv.rect(322, 40, 24, 4, "#6ab04c");
      for (let i = 0; i < 6; i++) cv.line(321, 70 + i * 6, 300 - i * 4, 110 + i * 6, 2, i % 2 ? "#e84393" : "#fdcb6e");
    }
    if (p.bunting) {
      bunting(cv, 0, 60, 320, 80, 30, ["#d63031", "#fdcb6e", "#0984e3", "#00b894", "#e84393"]);
      bunting(cv, 320, 80, 640, 55, 30, ["#fdcb6e", "#d63031", "#e84393", "#0984e3", "#00b894"]);
    }
    if (p.balls) {
      for (let i = 0; i < 5; i++) cv.circle(150 + i * 80, 150 + ((i * 37) % 50), 7, pick(rand, ["#e84393", "#fdcb6e", "#00b894", "#d63031"]));
    }
    const rows = p.rows ?? [
      [300, 120, 7],
      [360, 160, 6],
    ];
    for (const [feetY, h, n] of rows) {
      for (let i = 0; i < n; i++) {
        const x = 40 + (i + 0.5) * ((W - 80) / n) + (rand() - 0.5) * 30;
        if (p.pole && Math.abs(x - 321) < 30 && feetY < 330) continue;
        personStanding(cv, x, feetY + (rand() - 0.5) * 10, h * (0.9 + rand() * 0.2), {
          ...randomPerson(rand, p.style ?? "mixed"),
          armsUp: p.armsUp && rand() < 0.4,
          khen: p.khen && feetY < 340 && rand() < 0.7,
        });
      }
    }
  },
  nightStage(cv, rand, p) {
    cv.vgrad(0, 0, W, 300, p.skyTop ?? "#0b1026", p.skyBottom ?? "#2c2d5a");
    for (let i = 0; i < 40; i++) cv.px(Math.floor(rand() * W), Math.floor(rand() * 120), [230, 230, 255]);
    cv.rect(60, 60, 520, 20, "#555a66");
    cv.rect(60, 60, 14, 230, "#555a66");
    cv.rect(566, 60, 14, 230, "#555a66");
    cv.rect(74, 80, 492, 150, p.screen ?? "#8e2453");
    textBars(cv, rand, 120, 110, 400, 3, 30, "#ffd6e7", { center: true, thick: 10, word: 50 });
    for (let i = 0; i < 6; i++) {
      const x = 100 + i * 88;
      cv.poly([[x - 6, 82], [x + 6, 82], [x + 60, 300], [x - 60, 300]], mix(p.screen ?? "#8e2453", "#fff6d6", 0.25));
      cv.circle(x, 76, 7, "#fff6d6");
    }
    cv.rect(40, 290, 560, 22, "#3b2f2f");
    cv.rect(40, 286, 560, 6, "#6d5a5a");
    for (let i = 0; i < 5; i++) personStanding(cv, 160 + i * 80, 288, 120, { ...randomPerson(rand, p.style ?? "women"), armsUp: i % 2 === 0 });
    cv.rect(0, 312, W, H - 312, "#14142b");
    crowdBacks(cv, rand, 318, 3, "dark", 12);
  },
  market(cv, rand, p) {
    skyAndRidges(cv, rand, { skyTop: p.skyTop ?? "#9fd3f0", skyBottom: p.skyBottom ?? "#e8f5fb", ridges: p.ridges ?? [], horizon: 150 });
    cv.vgrad(0, 250, W, H - 250, p.ground ?? "#bfae93", shade(p.ground ?? "#bfae93", 0.8));
    const stalls = p.stalls ?? 3;
    const sw = W / stalls;
    for (let s = 0; s < stalls; s++) {
      const x = s * sw + 14;
      const w = sw - 28;
      const awn = p.awnings[s % p.awnings.length];
      cv.rect(x + 4, 110, 5, 170, "#6d4c41");
      cv.rect(x + w - 9, 110, 5, 170, "#6d4c41");
      for (let i = 0; i < 8; i++) cv.poly([[x + (i * w) / 8, 90], [x + ((i + 1) * w) / 8, 90], [x + ((i + 1) * w) / 8 + 4, 130], [x + (i * w) / 8 + 4, 130]], i % 2 ? "#ffffff" : awn);
      cv.rect(x, 230, w, 50, p.table ?? "#a1887f");
      cv.rect(x, 226, w, 6, shade(p.table ?? "#a1887f", 1.15));
      const goods = p.goods ?? "pots";
      for (let i = 0; i < 5; i++) {
        const gx = x + 20 + (i * (w - 40)) / 4;
        if (goods === "pots") flowerPot(cv, gx, 226, 11, pick(rand, ["#e84393", "#e74c3c", "#fd79a8", "#f1c40f", "#ffffff"]));
        else if (goods === "veg") {
          cv.ellipse(gx, 218, 20, 12, pick(rand, ["#27ae60", "#e67e22", "#c0392b", "#f1c40f", "#8e44ad"]));
          cv.ellipse(gx - 6, 214, 8, 6, lighten(pick(rand, ["#27ae60", "#e67e22"]), 0.2));
        } else if (goods === "blossom") {
          if (i % 2 === 0) blossomTree(cv, rand, gx, 226, 110, i % 4 ? "#ffffff" : "#f8a5c2");
        }
      }
      if (p.qr && s === 1) {
        cv.rect(x + w / 2 - 40, 140, 80, 96, "#ffffff");
        cv.rect(x + w / 2 - 40, 140, 80, 14, "#d63031");
        qr(cv, rand, x + w / 2 - 30, 160, 60);
      }
    }
    const n = p.people ?? 5;
    for (let i = 0; i < n; i++) personStanding(cv, 50 + i * (540 / Math.max(1, n - 1)), 385 - (i % 2) * 12, 150 + rand() * 25, randomPerson(rand, p.style ?? "mixed"));
  },
  notice(cv, rand, p) {
    cv.vgrad(0, 0, W, H, p.wood ?? "#a0683c", shade(p.wood ?? "#a0683c", 0.8));
    for (let y = 8; y < H; y += 22) cv.rect(0, y, W, 2, shade(p.wood ?? "#a0683c", 0.72));
    const px = [150, 30];
    cv.poly([[px[0] + 10, px[1] + 8], [px[0] + 350, px[1] - 4], [px[0] + 366, H + 10], [px[0] + 22, H + 20]], "#5b3a22");
    cv.poly([[px[0], px[1]], [px[0] + 340, px[1] - 12], [px[0] + 356, H], [px[0] + 12, H + 12]], "#fbfaf5");
    // document content, drawn upright (paper is almost square to the page)
    const ox = px[0] + 24;
    textBars(cv, rand, ox, 44, 120, 2, 12, "#2d3436", { center: true, thick: 4, word: 18 });
    textBars(cv, rand, ox + 160, 40, 150, 2, 12, "#2d3436", { center: true, thick: 4, word: 18 });
    cv.rect(ox + 200, 70, 70, 2, "#2d3436");
    cv.rect(ox + 60, 106, 200, 10, p.titleC ?? "#c0392b");
    textBars(cv, rand, ox + 40, 124, 240, 1, 12, "#2d3436", { center: true, thick: 5 });
    textBars(cv, rand, ox, 156, 300, 9, 16, "#636e72", { thick: 4, word: 34 });
    cv.ring(ox + 235, 340, 34, 5, "#d63031");
    cv.ring(ox + 235, 340, 22, 2, "#d63031");
    star(cv, ox + 235, 340, 12, "#d63031");
    for (let i = 0; i < 30; i++) cv.line(ox + 200 + i * 3, 332 + Math.sin(i * 0.8) * 8, ox + 203 + i * 3, 332 + Math.sin((i + 1) * 0.8) * 8, 2, "#1e3799");
    cv.line(540, 90, 600, 330, 12, p.pen ?? "#1e3799");
    cv.line(597, 318, 602, 340, 6, "#dfe6e9");
    if (p.glasses) {
      cv.ring(60, 300, 30, 4, "#2d3436");
      cv.ring(125, 300, 30, 4, "#2d3436");
      cv.rect(88, 296, 10, 4, "#2d3436");
    }
    if (p.cup) {
      cv.ellipse(75, 110, 42, 40, "#ecf0f1");
      cv.ellipse(75, 110, 32, 30, "#6f4e37");
    }
  },
  screen(cv, rand, p) {
    cv.vgrad(0, 0, W, 300, p.wall ?? "#dfe6e9", p.wall2 ?? "#b2bec3");
    cv.vgrad(0, 290, W, H - 290, p.desk ?? "#c8a27a", shade(p.desk ?? "#c8a27a", 0.8));
    cv.rect(140, 40, 360, 230, "#2d3436");
    cv.rect(150, 50, 340, 210, "#ffffff");
    cv.rect(150, 50, 340, 34, p.accent ?? "#c0392b");
    textBars(cv, rand, 165, 62, 160, 1, 10, "#ffffff", { thick: 8 });
    for (let i = 0; i < 4; i++) {
      cv.rect(170, 100 + i * 34, 110, 6, "#95a5a6");
      cv.rect(290, 96 + i * 34, 180, 20, "#ecf0f1");
      cv.rect(290, 96 + i * 34, 180, 1, "#bdc3c7");
    }
    cv.rect(380, 232, 90, 20, p.accent ?? "#c0392b");
    cv.rect(300, 270, 40, 26, "#636e72");
    cv.rect(250, 292, 140, 8, "#636e72");
    cv.rect(200, 320, 240, 40, "#dfe6e9");
    for (let r = 0; r < 3; r++) for (let k = 0; k < 14; k++) cv.rect(206 + k * 16.5, 325 + r * 11, 13, 8, "#b2bec3");
    for (let i = 0; i < 4; i++) cv.poly([[20 + i * 4, 300 - i * 6], [120 + i * 4, 296 - i * 6], [126 + i * 4, 380 - i * 6], [26 + i * 4, 384 - i * 6]], i % 2 ? "#f5f6fa" : "#ffffff");
    textBars(cv, rand, 40, 320, 70, 3, 12, "#95a5a6", { thick: 3, word: 14 });
    flowerPot(cv, 560, 310, 18, "#e84393");
  },
  phone(cv, rand, p) {
    cv.vgrad(0, 0, W, H, p.bg ?? "#74b9ff", p.bg2 ?? "#0984e3");
    if (p.counter) {
      cv.rect(0, 250, W, 150, "#dcd2c0");
      cv.rect(0, 250, W, 10, "#b8a88a");
      textBars(cv, rand, 420, 80, 180, 3, 26, "#ffffff", { thick: 12, word: 40 });
    }
    const x = p.x ?? 220;
    const skin = p.skin ?? "#d9a07a";
    cv.ellipse(x + 90, 330, 110, 70, skin);
    cv.rect(x + 40, 330, 100, 80, skin);
    cv.rect(x, 60, 180, 300, "#1e272e");
    cv.rect(x + 10, 80, 160, 256, p.screenBg ?? "#ffffff");
    cv.rect(x + 70, 68, 40, 5, "#485460");
    const content = p.content ?? "app";
    if (content === "app") {
      cv.rect(x + 10, 80, 160, 50, "#c0392b");
      star(cv, x + 40, 105, 14, "#f1c40f");
      textBars(cv, rand, x + 62, 98, 96, 2, 12, "#ffffff", { thick: 5, word: 24 });
      for (let r = 0; r < 3; r++)
        for (let k = 0; k < 3; k++) cv.rect(x + 22 + k * 50, 150 + r * 55, 36, 36, ["#0984e3", "#00b894", "#e17055", "#6c5ce7", "#fdcb6e"][(r * 3 + k) % 5]);
      cv.rect(x + 22, 318, 136, 10, "#dfe6e9");
    } else if (content === "warning") {
      cv.poly([[x + 90, 110], [x + 155, 230], [x + 25, 230]], "#d63031");
      cv.poly([[x + 90, 130], [x + 140, 220], [x + 40, 220]], "#ffffff");
      cv.rect(x + 86, 150, 8, 44, "#d63031");
      cv.rect(x + 86, 202, 8, 8, "#d63031");
      textBars(cv, rand, x + 24, 250, 132, 4, 16, "#636e72", { thick: 5, word: 26 });
      if (p.bubbles) {
        cv.ellipse(110, 120, 80, 40, "#ffffff");
        cv.poly([[150, 150], [180, 175], [130, 155]], "#ffffff");
        textBars(cv, rand, 60, 108, 100, 2, 14, "#d63031", { thick: 5, word: 20 });
        cv.ellipse(540, 220, 70, 36, "#ffffff");
        textBars(cv, rand, 495, 208, 90, 2, 14, "#2d3436", { thick: 5, word: 20 });
      }
    }
  },
  streetMap(cv, rand, p) {
    cv.rect(0, 0, W, H, "#f3eede");
    for (let i = 0; i < 9; i++) cv.rect(40 + ((i * 97) % 520), 30 + ((i * 61) % 300), 40 + (i % 3) * 20, 30 + (i % 2) * 20, "#dcd3bc");
    cv.ellipse(480, 230, 70, 40, "#7ec8e3");
    cv.ellipse(120, 90, 60, 30, "#b8dba0");
    const road = "#ffffff";
    const edge = "#b2a98f";
    const roads = [
      [0, 150, 640, 170],
      [0, 300, 640, 280],
      [200, 0, 230, 400],
      [420, 0, 390, 400],
      [230, 170, 420, 280],
    ];
    for (const r of roads) cv.line(r[0], r[1], r[2], r[3], 26, edge);
    for (const r of roads) cv.line(r[0], r[1], r[2], r[3], 20, road);
    // closed route in red, detours in green
    cv.line(0, 150, 640, 170, 8, "#d63031");
    cv.line(230, 170, 420, 280, 8, "#d63031");
    const arrow = (x0, y0, x1, y1, c) => {
      cv.line(x0, y0, x1, y1, 8, c);
      const a = Math.atan2(y1 - y0, x1 - x0);
      cv.poly([[x1 + Math.cos(a) * 14, y1 + Math.sin(a) * 14], [x1 + Math.cos(a + 2.3) * 14, y1 + Math.sin(a + 2.3) * 14], [x1 + Math.cos(a - 2.3) * 14, y1 + Math.sin(a - 2.3) * 14]], c);
    };
    arrow(215, 40, 215, 110, "#00a86b");
    arrow(100, 290, 180, 290, "#00a86b");
    arrow(405, 380, 405, 320, "#00a86b");
    arrow(520, 285, 460, 288, "#00a86b");
    for (const [x, y] of [[120, 158], [330, 166], [560, 167], [320, 224]]) {
      cv.circle(x, y, 14, "#d63031");
      cv.rect(x - 9, y - 3, 18, 6, "#ffffff");
    }
    cv.rect(470, 20, 150, 70, "#ffffff");
    cv.rect(470, 20, 150, 2, "#636e72");
    cv.rect(482, 36, 26, 6, "#d63031");
    cv.rect(482, 62, 26, 6, "#00a86b");
    textBars(cv, rand, 516, 34, 90, 1, 10, "#636e72", { thick: 5, word: 22 });
    textBars(cv, rand, 516, 60, 90, 1, 10, "#636e72", { thick: 5, word: 22 });
  },
  textiles(cv, rand, p) {
    cv.vgrad(0, 0, W, H, p.wall ?? "#6d4c41", shade(p.wall ?? "#6d4c41", 0.7));
    cv.rect(0, 30, W, 8, "#3e2723");
    const colors = p.colors;
    const n = p.count ?? 5;
    const cw = W / n;
    for (let i = 0; i < n; i++) {
      const x = i * cw + 10;
      const w = cw - 20;
      const len = 280 + ((i * 53) % 80);
      const base = colors[i % colors.length];
      cv.rect(x, 38, w, len, base);
      for (let b = 0; b < 5; b++) {
        const y = 60 + b * 56;
        if (y + 40 > 38 + len) break;
        const c1 = colors[(i + b + 1) % colors.length];
        const c2 = colors[(i + b + 2) % colors.length];
        cv.rect(x, y, w, 40, c1);
        for (let k = 0; k < w / 20; k++) {
          const cx = x + 10 + k * 20;
          cv.poly([[cx, y + 4], [cx + 9, y + 20], [cx, y + 36], [cx - 9, y + 20]], c2);
          cv.poly([[cx, y + 12], [cx + 4, y + 20], [cx, y + 28], [cx - 4, y + 20]], c1);
        }
        cv.rect(x, y - 4, w, 3, "#f5f6fa");
      }
      for (let k = 0; k < w; k += 8) cv.rect(x + k, 38 + len, 3, 12, base);
    }
  },
  // wooden house porch with women embroidering or tubs
  porch(cv, rand, p) {
    cv.vgrad(0, 0, W, 120, p.skyTop ?? "#cfe9f7", "#eaf6fb");
    cv.rect(0, 60, W, 240, p.wall ?? "#8d6e63");
    for (let x = 0; x < W; x += 40) cv.rect(x, 60, 3, 240, shade(p.wall ?? "#8d6e63", 0.8));
    cv.poly([[-20, 80], [W + 20, 80], [W + 20, 40], [-20, 10]], p.roof ?? "#4e4e56");
    cv.rect(0, 80, W, 8, "#3e2723");
    cv.rect(250, 110, 140, 190, shade(p.wall ?? "#8d6e63", 0.55));
    cv.vgrad(0, 300, W, 100, p.floor ?? "#a1887f", shade(p.floor ?? "#a1887f", 0.75));
    if (p.tubs) {
      for (let i = 0; i < 3; i++) {
        const x = 110 + i * 210;
        for (let s = 0; s < 4; s++) cv.ellipse(x + Math.sin(s + i) * 12, 170 - s * 30, 26 + s * 4, 14, lighten("#dfe6e9", 0.2 + s * 0.1));
        cv.rect(x - 70, 230, 140, 120, "#9c6b3f");
        for (let k = 0; k < 7; k++) cv.rect(x - 70 + k * 20, 230, 2, 120, "#7b5230");
        cv.rect(x - 72, 250, 144, 6, "#4e342e");
        cv.rect(x - 72, 320, 144, 6, "#4e342e");
        cv.ellipse(x, 230, 70, 14, "#6b4226");
        cv.ellipse(x, 232, 62, 10, p.water ?? "#8d6e2f");
      }
    }
    if (p.sewers) {
      for (let i = 0; i < p.sewers; i++) {
        const x = 150 + i * 330;
        const who = { ...randomPerson(rand, p.style ?? "mong") };
        cv.rect(x - 50, 318, 100, 24, "#5d4037");
        personBust(cv, x, 230, 34, who);
        cv.rect(x - 60, 300, 120, 44, who.top);
        cv.rect(x - 40, 290, 80, 34, p.cloth ?? "#2c3470");
        for (let k = 0; k < 4; k++) {
          cv.poly([[x - 30 + k * 20, 296], [x - 22 + k * 20, 307], [x - 30 + k * 20, 318], [x - 38 + k * 20, 307]], pick(rand, ["#e84393", "#fdcb6e", "#00b894", "#ff7675"]));
        }
      }
    }
    if (p.dye) {
      cv.rect(60, 100, 520, 4, "#3e2723");
      for (let i = 0; i < 6; i++) cv.rect(80 + i * 82, 104, 60, 170 - (i % 3) * 25, ["#1e2a5a", "#223066", "#2c3e7a"][i % 3]);
      for (let i = 0; i < 2; i++) {
        cv.ellipse(200 + i * 240, 330, 60, 50, "#5d4037");
        cv.ellipse(200 + i * 240, 292, 50, 10, "#1b1f3b");
      }
    }
  },
  library(cv, rand, p) {
    cv.vgrad(0, 0, W, 260, p.wall ?? "#f5efe0", p.wall2 ?? "#e0d3b6");
    cv.rect(0, 260, W, 140, p.floor ?? "#b0906b");
    for (let s = 0; s < 3; s++) {
      const x = 30 + s * 205;
      cv.rect(x, 30, 170, 230, "#6d4c41");
      for (let r = 0; r < 5; r++) {
        const y = 40 + r * 43;
        cv.rect(x + 8, y, 154, 36, "#4e342e");
        let bx = x + 10;
        while (bx < x + 156) {
          const bw = 5 + Math.floor(rand() * 9);
          const bh = 22 + Math.floor(rand() * 12);
          cv.rect(bx, y + 36 - bh, Math.min(bw, x + 160 - bx), bh, pick(rand, ["#c0392b", "#2980b9", "#27ae60", "#f39c12", "#8e44ad", "#ecf0f1", "#16a085", "#d35400"]));
          bx += bw + 1;
        }
      }
    }
    for (let t = 0; t < 2; t++) {
      const y = 300 + t * 50;
      cv.rect(60 + t * 40, y, 520 - t * 80, 14, "#8d6e63");
      cv.rect(80 + t * 40, y + 14, 10, 40, "#5d4037");
      cv.rect(550 - t * 40, y + 14, 10, 40, "#5d4037");
      for (let c = 0; c < 5; c++) cv.rect(100 + t * 40 + c * 100, y - 26, 30, 26, "#a1887f");
    }
    cv.rect(250, 284, 40, 12, "#2980b9");
    cv.rect(400, 284, 50, 12, "#ecf0f1");
  },
  barn(cv, rand, p) {
    cv.vgrad(0, 0, W, H, "#dfe6ee", "#f5f7fa");
    for (let i = 0; i < 60; i++) cv.circle(rand() * W, rand() * 120, 2, "#ffffff");
    skyAndRidges(cv, rand, { skyTop: "#c8d4df", skyBottom: "#eef2f6", ridges: [{ y: 150, amp: 30, c0: "#b7c4cf", c1: "#dbe3ea" }], horizon: 120, groundTo: 260 });
    cv.rect(0, 260, W, 140, "#ecf0f1");
    cv.rect(300, 90, 340, 250, "#7b5e4a");
    cv.poly([[280, 100], [W, 60], [W, 90], [280, 120]], "#5d5d66");
    for (let x = 310; x < W; x += 34) cv.rect(x, 120, 4, 220, "#5b4334");
    cv.rect(300, 335, 340, 65, "#c9b79c");
    // buffalo under a blanket
    const bx = 460;
    const by = 270;
    cv.ellipse(bx, by, 110, 52, "#3b3b3b");
    cv.poly([[bx - 80, by - 40], [bx + 70, by - 44], [bx + 80, by + 30], [bx - 90, by + 34]], p.blanket ?? "#c0392b");
    cv.rect(bx - 80, by - 4, 160, 8, "#f1c40f");
    for (const lx of [-80, -50, 50, 80]) cv.rect(bx + lx, by + 30, 16, 60, "#2f2f2f");
    cv.ellipse(bx - 125, by - 10, 36, 28, "#333333");
    cv.ellipse(bx - 150, by + 2, 20, 16, "#444444");
    cv.line(bx - 120, by - 30, bx - 90, by - 60, 8, "#d9d2c5");
    cv.line(bx - 130, by - 30, bx - 170, by - 55, 8, "#d9d2c5");
    cv.line(bx - 90, by - 60, bx - 70, by - 50, 7, "#d9d2c5");
    cv.line(bx - 170, by - 55, bx - 190, by - 40, 7, "#d9d2c5");
    for (let i = 0; i < 4; i++) cv.ellipse(140 + i * 30, 330 + (i % 2) * 6, 40, 18, "#d4ac4a");
    pine(cv, 70, 270, 120, "#5f7f6a");
    pine(cv, 200, 260, 90, "#6f8f7a");
  },
  rescue(cv, rand, p) {
    skyAndRidges(cv, rand, {
      skyTop: "#8fa9bd",
      skyBottom: "#d6dde3",
      horizon: 120,
      ridges: [
        { y: 130, amp: 40, c0: "#5f7f5f", c1: "#7a9a6a" },
        { y: 210, amp: 30, c0: "#4f7f3f", c1: "#6a8f4a" },
      ],
    });
    // a big green hill with a landslide scar down its flank
    cv.poly([[-20, 340], [120, 200], [260, 110], [360, 80], [470, 130], [660, 260], [660, 340]], "#4f8a3f");
    const scar = [];
    for (let i = 0; i <= 10; i++) scar.push([330 - i * 14 + Math.sin(i * 1.7) * 8, 96 + i * 24]);
    for (let i = 10; i >= 0; i--) scar.push([350 + i * 12 + Math.sin(i * 2.3) * 8, 96 + i * 24]);
    cv.poly(scar, "#a0703f");
    cv.poly(scar.map(([x, y]) => [340 + (x - 340) * 0.55, y + 6]), "#b98552");
    for (let i = 0; i < 14; i++) cv.circle(220 + rand() * 240, 300 + rand() * 40, 5 + rand() * 9, pick(rand, ["#7b5230", "#8d6e63", "#6d4c41"]));
    for (let i = 0; i < 8; i++) pine(cv, 40 + i * 80 + (i > 3 ? 120 : 0), 250 + ((i * 37) % 60), 50, "#2e5d3a");
    cv.vgrad(0, 320, W, 80, "#8d7b68", "#6d5c4a");
    if (p.truck) {
      cv.rect(400, 250, 180, 80, "#2e7d32");
      cv.rect(580, 270, 50, 60, "#388e3c");
      cv.rect(590, 278, 30, 22, "#b3e5fc");
      for (const x of [430, 540, 600]) {
        cv.circle(x, 334, 18, "#212121");
        cv.circle(x, 334, 8, "#9e9e9e");
      }
    }
    const vests = p.vests ?? 6;
    for (let i = 0; i < vests; i++) {
      const x = p.truck ? 60 + i * 55 : 80 + i * 90;
      personStanding(cv, x, 360 + (i % 2) * 14, 110 + (i % 3) * 10, {
        skin: pick(rand, SKIN),
        hair: "#222222",
        top: p.truck && i % 2 ? pick(rand, SHIRTS) : "#ff7a00",
        bottom: "#37474f",
        trim: "#f5f6fa",
        hat: p.truck && i % 2 ? undefined : "#ffd32a",
        holding: p.truck && i % 2 ? "#8d6e63" : undefined,
      });
    }
  },
  counters(cv, rand, p) {
    cv.vgrad(0, 0, W, 240, p.wall ?? "#eaf2f8", p.wall2 ?? "#cfdde8");
    cv.rect(0, 240, W, 160, p.floor ?? "#cfc6b8");
    for (let y = 260; y < H; y += 30) cv.rect(0, y, W, 1, "#b9ae9c");
    cv.rect(0, 20, W, 28, p.accent ?? "#c0392b");
    textBars(cv, rand, 120, 28, 400, 1, 12, "#ffffff", { center: true, thick: 10, word: 44 });
    for (let i = 0; i < 5; i++) {
      const x = 20 + i * 124;
      cv.rect(x + 10, 60, 90, 40, "#1e272e");
      cv.rect(x + 16, 66, 78, 28, "#0be881");
      cv.rect(x + 40, 72, 30, 16, "#1e272e");
      personBust(cv, x + 55, 140, 14, randomPerson(rand, "office"));
      cv.rect(x, 170, 112, 70, "#ffffff");
      cv.rect(x, 166, 112, 8, "#95a5a6");
      cv.rect(x + 30, 190, 52, 12, p.accent ?? "#c0392b");
    }
    for (let r = 0; r < 2; r++) {
      for (let i = 0; i < 6; i++) {
        const x = 50 + i * 100 + r * 20;
        const y = 290 + r * 50;
        personBack(cv, x, y, 13 + r * 3, randomPerson(rand, "mixed"));
      }
      cv.rect(20, 320 + r * 56, 600, 10, "#636e72");
    }
  },
  volleyball(cv, rand, p) {
    skyAndRidges(cv, rand, { skyTop: "#7fb8e6", skyBottom: "#dbeefa", horizon: 150, ridges: [{ y: 170, amp: 40, c0: "#6a8f6a", c1: "#8fb08f" }] });
    cv.vgrad(0, 230, W, 170, "#c98b5a", "#a86b40");
    cv.poly([[60, 250], [580, 250], [640, 400], [0, 400]], "#d89a68");
    cv.line(60, 250, 0, 400, 3, "#ffffff");
    cv.line(580, 250, 640, 400, 3, "#ffffff");
    cv.rect(316, 150, 6, 180, "#555555");
    cv.rect(40, 150, 560, 4, "#ffffff");
    for (let y = 156; y < 210; y += 8) cv.rect(40, y, 560, 1, "#dfe6e9");
    for (let x = 40; x < 600; x += 8) cv.rect(x, 154, 1, 56, "#dfe6e9");
    cv.rect(40, 208, 560, 4, "#ffffff");
    for (let i = 0; i < 6; i++) {
      const x = i < 3 ? 80 + i * 80 : 380 + (i - 3) * 80;
      personStanding(cv, x, 330 + (i % 2) * 40, 140, {
        skin: pick(rand, SKIN),
        hair: pick(rand, HAIR),
        top: i < 3 ? "#e84393" : "#0984e3",
        bottom: "#2d3436",
        armsUp: i % 3 === 1,
      });
    }
    cv.circle(250, 110, 14, "#ffeaa7");
    cv.rect(240, 104, 20, 3, "#0984e3");
  },
  // an artisan's table with bamboo pipes and wooden wind chests for khen
  khenTable(cv, rand, p) {
    cv.vgrad(0, 0, W, 260, "#9c7a5b", "#7a5a40");
    for (let x = 0; x < W; x += 48) cv.rect(x, 0, 3, 260, "#6b4c33");
    personBust(cv, 470, 150, 40, { ...randomPerson(rand, "mong"), scarf: undefined });
    cv.vgrad(0, 250, W, 150, "#b08a5e", "#8a6840");
    cv.rect(0, 246, W, 8, "#6d4c33");
    for (let i = 0; i < 9; i++) {
      const y = 272 + i * 12;
      const x0 = 40 + (i % 3) * 16;
      cv.rect(x0, y, 300 + (i % 4) * 30, 8, i % 2 ? "#d8c27a" : "#c6ad5c");
      for (let k = 0; k < 4; k++) cv.rect(x0 + 60 + k * 70, y, 3, 8, "#a08a45");
    }
    for (let i = 0; i < 2; i++) {
      const x = 420 + i * 120;
      cv.ellipse(x, 320, 46, 22, "#6d4c41");
      cv.ellipse(x - 20, 318, 10, 8, "#4e342e");
      cv.rect(x - 8, 300, 16, 8, "#8d6e63");
    }
    cv.line(380, 370, 470, 350, 6, "#9e9e9e");
    cv.rect(340, 364, 44, 12, "#5d4037");
    for (let i = 0; i < 12; i++) cv.rect(60 + rand() * 500, 380 + rand() * 14, 10 + rand() * 14, 2, "#e0cda0");
  },
  products(cv, rand, p) {
    cv.vgrad(0, 0, W, 220, p.wall ?? "#f4ecd8", p.wall2 ?? "#e0cfa8");
    backdrop(cv, rand, 60, 14, 520, 80, p.backdrop ?? "#1e6f5c", "#ffffff", 2);
    cv.rect(0, 220, W, 180, "#8d6e63");
    cv.rect(20, 200, 600, 30, "#f5f0e1");
    cv.rect(20, 230, 600, 90, "#c0392b");
    // folded textiles
    for (let i = 0; i < 3; i++) {
      const x = 40 + i * 70;
      for (let k = 0; k < 3; k++) {
        cv.rect(x, 180 - k * 14, 60, 14, ["#2c3470", "#e84393", "#00b894"][(i + k) % 3]);
        for (let d = 0; d < 4; d++) cv.poly([[x + 8 + d * 14, 181 - k * 14], [x + 14 + d * 14, 187 - k * 14], [x + 8 + d * 14, 193 - k * 14], [x + 2 + d * 14, 187 - k * 14]], "#fdcb6e");
      }
    }
    // honey jars
    for (let i = 0; i < 4; i++) {
      const x = 270 + i * 40;
      cv.rect(x, 150, 30, 50, "#e1a32a");
      cv.rect(x + 2, 140, 26, 12, "#6d4c41");
      cv.rect(x + 4, 166, 22, 16, "#fff3c4");
    }
    // herbal bags
    for (let i = 0; i < 3; i++) {
      const x = 450 + i * 55;
      cv.poly([[x, 200], [x + 44, 200], [x + 40, 140], [x + 4, 140]], "#a3b18a");
      cv.rect(x + 8, 160, 28, 16, "#ffffff");
      cv.rect(x + 12, 166, 20, 4, "#2e7d32");
    }
    for (let i = 0; i < 4; i++) personStanding(cv, 90 + i * 150, 400, 150, randomPerson(rand, i % 2 ? "women" : "mixed"));
  },
};

function qr(cv, rand, x, y, size) {
  const n = 21;
  const m = size / n;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (rand() < 0.5) cv.rect(x + c * m, y + r * m, m, m, "#111111");
  for (const [fx, fy] of [[0, 0], [n - 7, 0], [0, n - 7]]) {
    cv.rect(x + fx * m, y + fy * m, 7 * m, 7 * m, "#111111");
    cv.rect(x + (fx + 1) * m, y + (fy + 1) * m, 5 * m, 5 * m, "#ffffff");
    cv.rect(x + (fx + 2) * m, y + (fy + 2) * m, 3 * m, 3 * m, "#111111");
  }
}

// ---------------------------------------------------------------- recipes
const mountains = (a, b, c, d) => [
  { y: 120, amp: 50, c0: a, c1: b, peak: [420, 50, 160] },
  { y: 190, amp: 36, c0: b, c1: c },
  { y: 260, amp: 26, c0: c, c1: d },
];
const IMAGES = [
  // shared pictures, content/images/
  ["images/thong-bao-chung.png", "notice", { wood: "#9a6136", cup: true }],
  ["images/dich-vu-cong.png", "screen", { accent: "#b71c1c" }],
  [
    "images/ruong-bac-thang.png",
    "landscape",
    {
      skyTop: "#6fb1e8",
      skyBottom: "#e3f2fb",
      horizon: 120,
      clouds: 3,
      ridges: [{ y: 110, amp: 40, c0: "#6f8fa8", c1: "#9bb3c4", peak: [200, 40, 140] }],
      terraces: { y: 130, colors: ["#7cb342", "#9ccc65", "#c0ca33", "#8bc34a"], edge: "#55752c" },
    },
  ],
  [
    "images/toan-canh-sa-pa.png",
    "landscape",
    {
      skyTop: "#9aa8b5",
      skyBottom: "#e9eef2",
      horizon: 140,
      mist: "#f2f4f6",
      ridges: mountains("#6b7f8c", "#58786a", "#4f7350", "#3f6340"),
      houses: [[60, 330, 60, 40, "#ecebe4", "#b0413e"], [150, 320, 50, 34, "#e8e3d6", "#4e4e56"], [420, 335, 70, 42, "#f1efe8", "#b0413e"], [520, 325, 55, 36, "#e6e0d2", "#3d5a80"]],
      church: [300, 340, 40],
      trees: [[250, 370, 60, "pine", "#2e5d3a"], [600, 380, 70, "pine", "#2e5d3a"]],
    },
  ],
  // 2022
  ["2022/images/2022-gap-mat-8-3.png", "hall", { audience: "women", backdrop: "#c2185b", rows: 3 }],
  ["2022/images/2022-tang-hoa-8-3.png", "group", { flowers: true, backdrop: "#ad1457", count: 8 }],
  ["2022/images/2022-vneid.png", "phone", { content: "app", counter: true, bg: "#a29bfe", bg2: "#6c5ce7", x: 120 }],
  ["2022/images/2022-tap-huan-thong-tin.png", "classroom", { accent: "#1e6fb8" }],
  ["2022/images/2022-thuc-hanh-dai-truyen-thanh.png", "delegates", { speakerAt: 1, speakerTop: "#2e86de", skirt: "#37474f", cloth: "#cfd8dc" }],
  [
    "2022/images/2022-ngay-hoi-dao-do.png",
    "festival",
    {
      skyTop: "#5dade2",
      skyBottom: "#d6eaf8",
      horizon: 150,
      ridges: mountains("#5d7b6f", "#4d8b57", "#5c9b4f", "#6aab55").slice(0, 2),
      style: "dao",
      bunting: true,
      rows: [[300, 130, 8], [370, 170, 6]],
    },
  ],
  ["2022/images/2022-thi-theu-dao-do.png", "porch", { sewers: 2, style: "dao", cloth: "#1d1d2b", wall: "#7a5a48" }],
  ["2022/images/2022-tam-la-thuoc.png", "porch", { tubs: true, wall: "#6d4c41", roof: "#3e3e46", water: "#7a5c1e" }],
  // 2023
  [
    "2023/images/2023-le-hoi-gau-tao.png",
    "festival",
    {
      skyTop: "#85c1e9",
      skyBottom: "#fdebd0",
      horizon: 150,
      ridges: mountains("#7d8f9c", "#6a8a5a", "#7a9a5a", "#8aaa6a").slice(0, 2),
      style: "mong",
      pole: true,
      rows: [[310, 120, 8], [380, 170, 6]],
    },
  ],
  [
    "2023/images/2023-nem-pao.png",
    "festival",
    {
      skyTop: "#aed6f1",
      skyBottom: "#fef9e7",
      horizon: 150,
      ridges: mountains("#8da0ad", "#7a9a6a", "#8aaa6a", "#9aba7a").slice(0, 1),
      style: "mong",
      balls: true,
      armsUp: true,
      ground: "#8bc34a",
      rows: [[260, 110, 6], [390, 170, 5]],
    },
  ],
  ["2023/images/2023-hoi-nghi-de-an-06.png", "meeting", { screenC: "#1565c0" }],
  ["2023/images/2023-to-hop-tac-tho-cam.png", "textiles", { colors: ["#2c3470", "#e84393", "#fdcb6e", "#00b894", "#d63031"], count: 5 }],
  ["2023/images/2023-chi-em-theu-tho-cam.png", "porch", { sewers: 2, style: "mong", cloth: "#2c3470" }],
  ["2023/images/2023-nhuom-cham.png", "porch", { dye: true, wall: "#8a6d5a" }],
  ["2023/images/2023-thu-vien.png", "library", {}],
  [
    "2023/images/2023-homestay-ta-van.png",
    "landscape",
    {
      skyTop: "#5499c7",
      skyBottom: "#eaf2f8",
      horizon: 130,
      clouds: 4,
      ridges: mountains("#6e8796", "#4f7d5a", "#6b9b4f", "#85b55a"),
      houses: [[80, 300, 90, 50, "#8d6e63", "#55555e"], [230, 280, 70, 40, "#7b5e50", "#4a4a52"], [400, 310, 100, 56, "#8d6e63", "#b0413e"]],
      trees: [[560, 330, 90, "tree", "#2e7d32"], [40, 360, 70, "tree", "#388e3c"], [330, 360, 60, "pine", "#2e5d3a"]],
    },
  ],
  ["2023/images/2023-tap-huan-pcmbn.png", "classroom", { presenter: true, screenX: 120, accent: "#6c5ce7", wall: "#f4efe6" }],
  ["2023/images/2023-thao-luan-nhom.png", "delegates", { speakerAt: 3, speakerTop: "#e84393", skirt: "#6c5ce7", wall: "#f0e6d8" }],
  ["2023/images/2023-ky-niem-20-10.png", "nightStage", { screen: "#b71c1c", skyTop: "#1a0f1f", skyBottom: "#3d1f2f" }],
  ["2023/images/2023-chong-ret-trau.png", "barn", { blanket: "#c0392b" }],
  // 2024
  ["2024/images/2024-khai-mac-tuan-le-hoa-hong.png", "nightStage", { screen: "#ad1457" }],
  [
    "2024/images/2024-vuon-hoa-hong.png",
    "landscape",
    {
      skyTop: "#76b5e0",
      skyBottom: "#f4f9fd",
      horizon: 140,
      ridges: [...mountains("#7d95a6", "#5f8f6a", "#6aa05a", "#7cb060").slice(0, 2), { y: 250, amp: 12, c0: "#5a8f3c", c1: "#3e7030" }],
      blossoms: [],
      roses: true,
      people: [[500, 390, 150, "women"], [560, 395, 140, "women"]],
    },
  ],
  ["2024/images/2024-trung-bay-hoa.png", "market", { awnings: ["#d63031", "#e84393", "#d63031"], goods: "pots" }],
  ["2024/images/2024-so-do-phan-luong.png", "streetMap", {}],
  ["2024/images/2024-hoi-thao-sinh-ke-toan-canh.png", "hall", { backdrop: "#b71c1c", speaker: true, screen: true, rows: 3, audienceSize: 12 }],
  ["2024/images/2024-hoi-thao-ba-bui-lan-anh.png", "speaker", { person: { top: "#1f6fb2", collar: "#ffffff", hair: "#1c1816" } }],
  ["2024/images/2024-hoi-thao-dai-bieu-chia-se.png", "delegates", { speakerAt: 2, speakerTop: "#c0392b" }],
  ["2024/images/2024-hoi-thao-san-pham-sinh-ke.png", "products", { backdrop: "#1e6f5c" }],
  ["2024/images/2024-canh-giac-lua-dao.png", "phone", { content: "warning", bubbles: true, bg: "#ffeaa7", bg2: "#fab1a0" }],
  ["2024/images/2024-trao-von-phu-nu.png", "group", { boards: true, backdrop: "#1565c0", count: 8 }],
  [
    "2024/images/2024-vuon-dao-khoi-nghiep.png",
    "landscape",
    {
      skyTop: "#87c5ea",
      skyBottom: "#f0f8fc",
      horizon: 140,
      ridges: [...mountains("#8aa0b0", "#6f9a64", "#7daa5a", "#8dba6a").slice(0, 2), { y: 260, amp: 20, c0: "#7cab4f", c1: "#5d8f3a" }],
      blossoms: [[90, 330, 150, "#f8a5c2"], [250, 300, 120, "#ffffff"], [560, 340, 160, "#f8a5c2"]],
      people: [[400, 380, 160, "women", { top: "#2c3470", dress: false, bottom: "#1f2450", hat: "#d4ac4a" }]],
    },
  ],
  ["2024/images/2024-dien-tap-sat-lo.png", "rescue", { vests: 6 }],
  ["2024/images/2024-so-tan-dan.png", "rescue", { truck: true, vests: 6 }],
  // 2025
  ["2025/images/2025-tong-ket-thong-tin.png", "group", { boards: true, flowers: true, backdrop: "#b71c1c", count: 9, style: "mixed" }],
  [
    "2025/images/2025-di-bo-duong-dai.png",
    "landscape",
    {
      skyTop: "#4a90d9",
      skyBottom: "#dfeefa",
      horizon: 130,
      clouds: 3,
      ridges: mountains("#5c7080", "#4a7a50", "#5a8f4a", "#6fa255"),
      trail: "#c8a46b",
      people: [[345, 285, 60, "mixed", { top: "#e17055" }], [380, 320, 80, "mixed", { top: "#0984e3" }], [330, 385, 120, "mong"]],
      trees: [[560, 360, 100, "pine", "#2e5d3a"], [80, 380, 110, "pine", "#2e5d3a"]],
    },
  ],
  [
    "2025/images/2025-lop-mua-khen.png",
    "festival",
    {
      skyTop: "#9ccbe8",
      skyBottom: "#f2f8fb",
      horizon: 150,
      ridges: mountains("#80919e", "#6a8f62", "#7aa062", "#8ab072").slice(0, 2),
      style: "mong",
      khen: true,
      ground: "#b39b74",
      rows: [[290, 110, 7], [330, 140, 1], [395, 170, 5]],
    },
  ],
  ["2025/images/2025-nghe-nhan-lam-khen.png", "khenTable", {}],
  ["2025/images/2025-truyen-thong-bao-luc-gia-dinh.png", "hall", { table: false, lectern: true, speaker: true, backdrop: "#6c5ce7", audience: "mong", rows: 3, wall: "#f1ebe0", floor: "#a1887f" }],
  [
    "2025/images/2025-to-phu-nu-tu-quan.png",
    "landscape",
    {
      skyTop: "#6aaee0",
      skyBottom: "#eef7fc",
      horizon: 150,
      ridges: [...mountains("#7f95a3", "#5d8a60", "#6a9a5a", "#7aaa6a").slice(0, 2), { y: 280, amp: 6, c0: "#7ec8e3", c1: "#5fb0cf" }],
      trees: [[80, 300, 90, "tree", "#2e7d32"], [560, 300, 100, "tree", "#388e3c"]],
      people: [[200, 380, 150, "women", { top: "#00a86b", bottom: "#2d3436", dress: false, holding: "#ecf0f1" }], [300, 390, 150, "women", { top: "#00a86b", bottom: "#2d3436", dress: false }], [420, 385, 150, "women", { top: "#00a86b", bottom: "#2d3436", dress: false, holding: "#ecf0f1" }]],
      road: true,
    },
  ],
  ["2025/images/2025-bong-chuyen-hoi.png", "volleyball", {}],
  // 2026
  ["2026/images/2026-hoi-nghi-chuyen-doi-so.png", "classroom", { chart: true, accent: "#00897b", screenX: 200, wall: "#e8f1f2" }],
  ["2026/images/2026-trung-tam-phuc-vu-hanh-chinh.png", "counters", { accent: "#c0392b" }],
  [
    "2026/images/2026-pho-phuong-don-xuan.png",
    "landscape",
    {
      skyTop: "#a7b8c8",
      skyBottom: "#eef1f4",
      horizon: 150,
      mist: "#f3f4f6",
      ridges: mountains("#7f8e9a", "#6b8373", "#6f8a72", "#8a8f86").slice(0, 2),
      houses: [[20, 330, 110, 90, "#f1e3c8", "#b0413e"], [470, 330, 150, 100, "#e9dcc4", "#7a2e2e"]],
      church: [300, 330, 48],
      flags: [[150, 330, 90], [430, 330, 90]],
      lanterns: [[60, 200], [110, 210], [500, 190], [560, 200], [610, 195]],
      street: true,
      people: [[200, 395, 110, "mixed"], [380, 392, 120, "women"], [250, 398, 100, "mong"]],
    },
  ],
  ["2026/images/2026-cho-hoa-xuan.png", "market", { awnings: ["#d63031", "#f39c12", "#d63031"], goods: "blossom", skyTop: "#b8c7d6" }],
  [
    "2026/images/2026-hoa-dao-ban.png",
    "landscape",
    {
      skyTop: "#9ec5e0",
      skyBottom: "#f4f8fb",
      horizon: 150,
      ridges: [...mountains("#8a9aa6", "#6f8a6c", "#7d9a6a", "#8aa878").slice(0, 2), { y: 300, amp: 10, c0: "#9c8b6a", c1: "#7f6e50" }],
      houses: [[330, 330, 190, 110, "#7b5e50", "#4a4a52"]],
      blossoms: [[170, 360, 230, "#f48fb1"]],
      people: [[560, 390, 130, "mong"]],
    },
  ],
  ["2026/images/2026-thanh-toan-qr.png", "market", { awnings: ["#00a86b", "#0984e3", "#00a86b"], goods: "veg", qr: true, ground: "#b5a58a" }],
  [
    "2026/images/2026-du-lich-xanh.png",
    "landscape",
    {
      skyTop: "#5ea7df",
      skyBottom: "#e8f4fb",
      horizon: 120,
      clouds: 2,
      ridges: [{ y: 110, amp: 40, c0: "#738ea3", c1: "#9ab0c0", peak: [460, 30, 120] }],
      terraces: { y: 130, colors: ["#9bc53d", "#b5d33d", "#7fb347", "#c3d96a"], edge: "#5f7f2a" },
      people: [[240, 390, 170, "mong", { hat: undefined }], [320, 395, 160, "mixed", { top: "#e17055" }], [400, 392, 165, "mixed", { top: "#0984e3" }]],
    },
  ],
  [
    "2026/images/2026-homestay-xanh.png",
    "landscape",
    {
      skyTop: "#79b8e6",
      skyBottom: "#eef7fc",
      horizon: 130,
      ridges: [...mountains("#7c93a3", "#5d8a60", "#6a9a5a", "#7aaa6a").slice(0, 2), { y: 290, amp: 6, c0: "#8d7b5a", c1: "#6d5c40" }],
      houses: [[170, 330, 260, 130, "#8d6e63", "#4a4a52"]],
      garden: true,
      bins: true,
      trees: [[80, 330, 110, "tree", "#2e7d32"], [560, 320, 120, "tree", "#388e3c"]],
    },
  ],
  ["2026/images/2026-tong-ket-pcmbn.png", "hall", { backdrop: "#0d47a1", wall: "#e9eef3", wall2: "#c9d3dd", rows: 3, skirt: "#b71c1c" }],
];

// extra touches for a few landscapes that need more than the generic recipe
function extras(cv, rand, p) {
  if (p.roses) {
    for (let r = 0; r < 9; r++) {
      const y = 262 + r * 16;
      for (let x = (r % 2) * 14; x < W; x += 28) {
        cv.circle(x + rand() * 6, y + rand() * 4, 5 + r * 0.6, pick(rand, ["#e84393", "#d63031", "#fd79a8", "#ffeaa7", "#ffffff"]));
      }
    }
  }
  if (p.road) {
    cv.vgrad(0, 330, W, 70, "#b2aea6", "#8f8b83");
    cv.rect(0, 328, W, 4, "#dcd8cf");
  }
  if (p.street) {
    cv.vgrad(0, 330, W, 70, "#a8a39a", "#7f7a72");
    cv.rect(0, 330, W, 3, "#d2cdc3");
  }
  for (const f of p.flags ?? []) flag(cv, f[0], f[1], f[2]);
  if (p.lanterns) {
    cv.line(0, 180, W, 175, 2, "#555555");
    for (const l of p.lanterns) lantern(cv, l[0], l[1], 14, "#d63031");
  }
  if (p.garden) {
    for (let r = 0; r < 3; r++) for (let x = 30; x < W; x += 24) cv.ellipse(x + (r % 2) * 12, 350 + r * 18, 9, 6, r % 2 ? "#6ab04c" : "#badc58");
  }
  if (p.bins) {
    [["#27ae60", 460], ["#f39c12", 500], ["#7f8c8d", 540]].forEach(([c, x]) => {
      cv.rect(x, 280, 32, 48, c);
      cv.rect(x - 2, 276, 36, 6, shade(c, 0.8));
    });
  }
}

function draw(rel, scene, params) {
  const rand = mulberry32(hashString(rel));
  const cv = new Canvas();
  const p = { ...params };
  // people are drawn last in landscapes: take them out, draw extras, then put them back
  const people = p.people;
  if (scene === "landscape") {
    p.people = [];
    scenes.landscape(cv, rand, p);
    extras(cv, rand, p);
    for (const q of people ?? []) personStanding(cv, q[0], q[1], q[2], { ...randomPerson(rand, q[3] ?? "mixed"), ...(q[4] ?? {}) });
  } else {
    scenes[scene](cv, rand, p);
  }
  return encodePng(cv);
}

// ---------------------------------------------------------------- PDF
// A one-page A4 notice. Standard Type 1 fonts cannot show Vietnamese marks,
// so the page text is unaccented; the document title (metadata) is Unicode.
function makePdf({ title, heading, lines, table }) {
  const esc = (s) => s.replace(/[\\()]/g, (m) => "\\" + m);
  const ops = [];
  const text = (x, y, size, s, bold = false) => ops.push(`BT /${bold ? "F2" : "F1"} ${size} Tf ${x} ${y} Td (${esc(s)}) Tj ET`);
  const center = (y, size, s, bold) => text(Math.round(297.5 - s.length * size * (bold ? 0.29 : 0.26)), y, size, s, bold);
  text(60, 790, 10, "UY BAN NHAN DAN", true);
  text(60, 776, 10, "THI XA SA PA", true);
  text(330, 790, 10, "CONG HOA XA HOI CHU NGHIA VIET NAM", true);
  text(362, 776, 10, "Doc lap - Tu do - Hanh phuc", true);
  ops.push("0.5 w 362 770 m 500 770 l S");
  text(60, 750, 10, "So: 01/TB-UBND");
  text(360, 750, 10, "Sa Pa, ngay 06 thang 01 nam 2025");
  center(712, 14, "THONG BAO", true);
  center(694, 12, heading, true);
  let y = 660;
  for (const l of lines) {
    text(60, y, 11, l);
    y -= 18;
  }
  y -= 10;
  const colX = [60, 230, 400, 535];
  const rowH = 22;
  const rows = [table.head, ...table.rows];
  for (let r = 0; r < rows.length; r++) {
    const top = y - r * rowH;
    rows[r].forEach((cell, c) => text(colX[c] + 6, top - 15, 10, cell, r === 0));
  }
  const bottom = y - rows.length * rowH;
  for (let r = 0; r <= rows.length; r++) ops.push(`0.5 w ${colX[0]} ${y - r * rowH} m ${colX[3]} ${y - r * rowH} l S`);
  for (const x of colX) ops.push(`0.5 w ${x} ${y} m ${x} ${bottom} l S`);
  text(380, bottom - 40, 10, "TM. UY BAN NHAN DAN", true);
  text(410, bottom - 54, 10, "CHU TICH", true);
  text(60, bottom - 40, 9, "Noi nhan:", true);
  text(60, bottom - 54, 9, "- Cac xa, phuong;");
  text(60, bottom - 66, 9, "- Cong thong tin dien tu thi xa;");
  text(60, bottom - 78, 9, "- Luu: VT.");
  const stream = ops.join("\n");
  const utf16 = (s) => "<FEFF" + Buffer.from(s, "utf16le").swap16().toString("hex").toUpperCase() + ">";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
    `<< /Title ${utf16(title)} /Producer (gazette sample site) >>`,
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

// ---------------------------------------------------------------- main
let total = 0;
for (const [rel, scene, params] of IMAGES) {
  const file = join(contentDir, rel);
  mkdirSync(dirname(file), { recursive: true });
  const bytes = draw(rel, scene, params);
  writeFileSync(file, bytes);
  total += bytes.length;
  if (process.argv.includes("--verbose")) console.log(`${String(bytes.length).padStart(7)}  content/${rel}`);
}
const pdf = makePdf({
  title: "Thông báo lịch tiếp công dân định kỳ năm 2025",
  heading: "Lich tiep cong dan dinh ky nam 2025",
  lines: [
    "Thuc hien Luat Tiep cong dan, Chu tich UBND thi xa tiep cong dan dinh ky",
    "vao ngay 10 va ngay 25 hang thang tai Tru so Ban Tiep cong dan thi xa.",
    "Neu ngay tiep trung ngay nghi, ngay le thi chuyen sang ngay lam viec ke tiep.",
    "Cong dan mang theo giay to tuy than va tai lieu lien quan (neu co).",
  ],
  table: {
    head: ["Noi dung", "Thoi gian", "Dia diem"],
    rows: [
      ["Chu tich UBND tiep", "Ngay 10 va 25", "Ban Tiep cong dan"],
      ["Tiep thuong xuyen", "Cac ngay lam viec", "Ban Tiep cong dan"],
      ["Buoi sang", "7h30 - 11h30", ""],
      ["Buoi chieu", "13h30 - 17h00", ""],
    ],
  },
});
mkdirSync(join(contentDir, "files"), { recursive: true });
writeFileSync(join(contentDir, "files", "thong-bao-lich-tiep-cong-dan-2025.pdf"), pdf);
console.log(`wrote ${IMAGES.length} images (${(total / 1024).toFixed(0)} KB) and 1 PDF under content/`);
