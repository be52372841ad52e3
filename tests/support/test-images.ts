/**
 * Images made for tests: photos carrying camera metadata (GPS position, serial numbers), and PNGs whose
 * header claims any size. The committed fixture images (tests/fixtures/sets/images, images-invalid and
 * images-outside) were made with these (`npx node tests/support/test-images.ts`, see the bottom of this file).
 */
import { crc32, deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

/** Metadata a photo must never carry into dist/: strings searched for, byte for byte, in every built file. */
export const SECRET_METADATA = {
  serial: 'SERIAL-4471-PRIVATE',
  lensSerial: 'LENS-0925-PRIVATE',
  owner: 'OWNER-JANE-PRIVATE',
  /** In XMP, as photo tools write a location. */
  place: 'PLACE-HOME-ADDRESS-PRIVATE',
} as const;

/** A JPEG (a colour gradient, so it compresses like a photo) with EXIF (camera, owner, serials, GPS position) and XMP (owner, place). */
async function photoWithMetadata(width: number, height: number, hue = 0): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = Math.round((x * 255) / width);
      raw[i + 1] = Math.round((y * 255) / height);
      raw[i + 2] = (hue + ((x ^ y) & 63)) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Make: 'ExampleCam', Model: 'EX-1', Artist: SECRET_METADATA.owner },
      IFD2: { BodySerialNumber: SECRET_METADATA.serial, LensSerialNumber: SECRET_METADATA.lensSerial },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 1234/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3921/100' },
    })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
        `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">` +
        `<dc:creator><rdf:Seq><rdf:li>${SECRET_METADATA.owner}</rdf:li></rdf:Seq></dc:creator>` +
        `<Iptc4xmpCore:Location>${SECRET_METADATA.place}</Iptc4xmpCore:Location>` +
        `</rdf:Description></rdf:RDF></x:xmpmeta>`,
    )
    .jpeg({ quality: 70 })
    .toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG of a few hundred bytes whose header says `width` × `height` (RGB, 8 bit): what the validation
 * reads. Only its first row has pixel data, so it is not a picture anything could decode in full.
 */
export function pngHeaderOnly(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A small ordinary JPEG (no metadata), for entries whose lead photo is not what is tested. */
export function plainPhoto(width = 96, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 140 } } })
    .jpeg({ quality: 60 })
    .toBuffer();
}

/** A plain JPEG of a colour gradient (no metadata): a photo-like picture of a few kilobytes, its colours set by `hue`. */
function gradientPhoto(width: number, height: number, hue: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (hue + Math.round((x * 160) / width)) & 255;
      raw[i + 1] = Math.round(60 + (y * 120) / height);
      raw[i + 2] = (255 - hue + Math.round((y * 90) / height)) & 255;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 60 })
    .toBuffer();
}

/** Writes the committed fixture images: `npx node tests/support/test-images.ts`. */
async function writeFixtures(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../fixtures/sets');
  const write = (file: string, data: Buffer) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), data);
  };
  write('images/photo-metadata/lead.jpg', await photoWithMetadata(800, 500, 10));
  write('images/photo-metadata/photos/detail.jpg', await photoWithMetadata(600, 400, 90));
  write('images/photo-metadata/market.jpg', await photoWithMetadata(640, 420, 160));
  // A draft's photo: no page resizes it, and its original must not stay in dist/ (src/integrations/photo-originals.ts).
  write('images/embargoed-draft/lead.jpg', await photoWithMetadata(640, 400, 60));
  write('images-outside/private.jpg', await photoWithMetadata(640, 400, 200));
  write('images-outside/linked-entry/lead.jpg', await photoWithMetadata(320, 200, 230));
  write('images-invalid/huge-lead/lead.png', pngHeaderOnly(30_000, 30_000));
  write('images-invalid/huge-body/big.png', pngHeaderOnly(16_000, 16_000));
  // The equivalence set (tests/build/incremental-equivalence.test.ts): one photo most entries share, one of the
  // entry that becomes a draft (its derivatives must leave dist/ with it), and the photo that replaces a lead photo.
  const shared = await gradientPhoto(800, 533, 40);
  for (const entry of [
    'ferry-fares-frozen',
    'market-opens-new-hall',
    'library-extends-opening-hours',
    'council-approves-park-plan',
    'harbour-bridge-reopens',
    'night-buses-return',
    'city-marathon-route-announced',
    'port-handles-record-cargo',
  ]) {
    write(`equivalence/${entry}/photo.jpg`, shared);
  }
  write('equivalence/tram-survey-begins/photo.jpg', await gradientPhoto(800, 533, 170));
  write('equivalence/city-marathon-route-announced/new-photo.jpg', await gradientPhoto(800, 533, 100));
  const plain = await plainPhoto();
  for (const entry of [
    'outside-body',
    'symlink-body',
    'missing-body-image',
    'control-in-src',
    'huge-body',
    'malformed-links',
    'body-image-paths',
  ]) {
    write(`images-invalid/${entry}/lead.jpg`, plain);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await writeFixtures();
