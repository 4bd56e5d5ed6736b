// Writes the PWA's PNG icons with nothing but zlib, so no image package is needed.
// Run: node pwa/scripts/make-icons.mjs  (the output is committed in pwa/public/icons).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
const BG = [31, 78, 121]; // #1f4e79, the theme colour
const FG = [255, 255, 255];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// A seat glyph (backrest, cushion, two legs) in unit coordinates, centred in a box of `scale`.
const glyph = [
  [0.3, 0.18, 0.42, 0.6], // backrest
  [0.3, 0.52, 0.72, 0.64], // cushion
  [0.3, 0.64, 0.38, 0.84], // front leg
  [0.64, 0.64, 0.72, 0.84], // back leg
];
function inGlyph(u, v, scale) {
  const off = (1 - scale) / 2;
  const gu = (u - off) / scale;
  const gv = (v - off) / scale;
  return glyph.some(([x0, y0, x1, y1]) => gu >= x0 && gu < x1 && gv >= y0 && gv < y1);
}
function inRoundedSquare(u, v, radius) {
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  return (u - cx) ** 2 + (v - cy) ** 2 <= radius ** 2;
}

const any = (u, v) => {
  if (!inRoundedSquare(u, v, 0.18)) return [0, 0, 0, 0];
  return [...(inGlyph(u, v, 1) ? FG : BG), 255];
};
// Maskable: full bleed, glyph inside the 80 % safe zone.
const maskable = (u, v) => [...(inGlyph(u, v, 0.8) ? FG : BG), 255];

mkdirSync(outDir, { recursive: true });
writeFileSync(outDir + 'icon-192.png', png(192, any));
writeFileSync(outDir + 'icon-512.png', png(512, any));
writeFileSync(outDir + 'icon-maskable-512.png', png(512, maskable));
writeFileSync(outDir + 'apple-touch-icon.png', png(180, maskable));
console.log('icons written to', outDir);
