// Draws the extension's icon, docs/images/icon.png (128×128): a shipping container on a crane
// hook, orange on navy, the colours of the gallery banner (package.json `galleryBanner`). No image
// tools needed: the shapes are distance functions, sampled 4×4 per pixel for smooth edges, and the
// PNG is written by hand (zlib from Node). Run: node scripts/draw-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 128;
const navy = [0x15, 0x35, 0x5a];
const orange = [0xf3, 0x9c, 0x32];
const darkOrange = [0xc9, 0x74, 0x12];

// Signed distances (negative inside), in pixels.
const box = (x, y, cx, cy, hw, hh, r = 0) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x, y, ax, ay, bx, by, halfWidth) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - halfWidth;
};
const ring = (x, y, cx, cy, radius, halfWidth) => Math.abs(Math.hypot(x - cx, y - cy) - radius) - halfWidth;
/** An arc of a ring: the part below the horizontal through its centre (the hook's curve). */
const lowerArc = (x, y, cx, cy, radius, halfWidth) => (y < cy ? Math.min(Math.hypot(x - (cx - radius), y - cy), Math.hypot(x - (cx + radius), y - cy)) - halfWidth : ring(x, y, cx, cy, radius, halfWidth));

/** Painted in order, later over earlier: [distance function, colour]. */
const layers = [
  // The tile: a rounded square.
  [(x, y) => box(x, y, 64, 64, 64, 64, 22), navy],
  // Crane hook: an eye, the shank, the curve holding the sling.
  [(x, y) => ring(x, y, 64, 17, 6, 2.2), orange],
  [(x, y) => segment(x, y, 64, 23, 64, 34, 2.4), orange],
  [(x, y) => Math.min(lowerArc(x, y, 58, 34, 6, 2.4), segment(x, y, 52, 34, 50, 31, 2.4)), orange],
  // The sling: two cables from the hook's curve to the container's top corners.
  [(x, y) => segment(x, y, 58, 40, 27, 59, 2), orange],
  [(x, y) => segment(x, y, 58, 40, 101, 59, 2), orange],
  // The container: a body with a darker frame, and corrugation ribs.
  [(x, y) => box(x, y, 64, 82, 44, 24, 3), darkOrange],
  [(x, y) => box(x, y, 64, 82, 39, 19, 1), orange],
  ...[-30, -18, -6, 6, 18, 30].map((dx) => [(x, y) => box(x, y, 64 + dx, 82, 1.6, 15, 1.6), darkOrange]),
];

const samples = 4;
const pixels = Buffer.alloc(size * size * 4);
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples;
        const y = py + (sy + 0.5) / samples;
        let colour;
        for (const [distance, fill] of layers) if (distance(x, y) <= 0) colour = fill;
        if (!colour) continue;
        r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
      }
    }
    const i = (py * size + px) * 4;
    // Straight (not premultiplied) alpha, as PNG stores it.
    pixels[i] = a ? Math.round(r / a) : 0;
    pixels[i + 1] = a ? Math.round(g / a) : 0;
    pixels[i + 2] = a ? Math.round(b / a) : 0;
    pixels[i + 3] = Math.round((255 * a) / (samples * samples));
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
// Each row starts with filter type 0 (none).
const rows = Buffer.concat(Array.from({ length: size }, (_, y) => Buffer.concat([Buffer.from([0]), pixels.subarray(y * size * 4, (y + 1) * size * 4)])));
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('../docs/images/icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`icon: ${out.pathname} (${png.length} bytes)`);
