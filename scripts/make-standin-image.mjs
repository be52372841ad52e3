// Makes the project's own stand-in lead photo for the seed article.
// The wire photo named in the caption is licensed and cannot be redistributed, so the
// seed entry ships this abstract graphic instead. It is drawn from shapes only (no text,
// no fonts), so the output is the same on every machine. Its EXIF description carries a marker
// (src/authoring/standin.ts) by which the build recognises it: a non-draft entry may use it as its lead
// photo only with `image.standIn: true`.
//
// Usage: npm run make-standin -- <output.jpg>
import sharp from 'sharp';
import { STANDIN_MARKER } from '../src/authoring/standin.ts';

const [output] = process.argv.slice(2);
if (!output) {
  console.error('usage: make-standin-image <output.jpg>');
  process.exit(2);
}

const width = 1800;
const height = 1200;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#1d2b44"/>
      <stop offset="1" stop-color="#3c5476"/>
    </linearGradient>
    <radialGradient id="light" cx="0.72" cy="0.28" r="0.6">
      <stop offset="0" stop-color="#f3d9a4" stop-opacity="0.55"/>
      <stop offset="1" stop-color="#f3d9a4" stop-opacity="0"/>
    </radialGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#sky)"/>
  <rect width="${width}" height="${height}" fill="url(#light)"/>
  <g fill="#0f1828" opacity="0.85">
    <rect x="120" y="520" width="260" height="680"/>
    <rect x="420" y="380" width="180" height="820"/>
    <rect x="640" y="600" width="300" height="600"/>
    <rect x="980" y="300" width="220" height="900"/>
    <rect x="1240" y="560" width="280" height="640"/>
    <rect x="1560" y="460" width="200" height="740"/>
  </g>
  <g fill="#f3d9a4" opacity="0.5">
    <rect x="160" y="580" width="40" height="60"/><rect x="260" y="700" width="40" height="60"/>
    <rect x="460" y="460" width="36" height="56"/><rect x="520" y="620" width="36" height="56"/>
    <rect x="700" y="680" width="44" height="64"/><rect x="840" y="800" width="44" height="64"/>
    <rect x="1030" y="380" width="36" height="56"/><rect x="1110" y="560" width="36" height="56"/>
    <rect x="1290" y="640" width="44" height="64"/><rect x="1420" y="760" width="44" height="64"/>
    <rect x="1600" y="540" width="36" height="56"/><rect x="1680" y="700" width="36" height="56"/>
  </g>
  <rect y="1100" width="${width}" height="100" fill="#0a111d"/>
</svg>`;

await sharp(Buffer.from(svg))
  .jpeg({ quality: 82, mozjpeg: true })
  .withMetadata({ exif: { IFD0: { ImageDescription: STANDIN_MARKER } } })
  .toFile(output);
console.log(`wrote ${output} (${width}x${height})`);
