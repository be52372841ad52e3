/**
 * src/integrations/output-digests.ts: a file's digest is remembered from the last build while the file is the same
 * file (device, inode, size, modification time), and read again as soon as it was written or replaced. Real files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OutputDigests } from '../../src/integrations/output-digests.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A build's view of the memory: a fresh instance reading what the last one saved. */
const nextBuild = (previous: OutputDigests) => {
  previous.save();
  return new OutputDigests(previous.file);
};

describe('output digests', () => {
  it('reads a file once; the next build remembers it, and reads it again once it was written or replaced', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-digests-'));
    const page = path.join(root, 'index.html');
    writeFileSync(page, '<p>one</p>');
    let digests = new OutputDigests(path.join(root, 'cache/output-digests.json'));
    const first = await digests.of(page);
    expect(first).toEqual({ digest: hash('sha256', '<p>one</p>'), data: Buffer.from('<p>one</p>') });

    digests = nextBuild(digests);
    expect(await digests.of(page)).toEqual({ digest: hash('sha256', '<p>one</p>') });
    expect(digests.remembered).toBe(1);

    // Written in place, same size: its modification time moves.
    writeFileSync(page, '<p>two</p>');
    utimesSync(page, new Date(), new Date(Date.now() + 5_000));
    digests = nextBuild(digests);
    expect(await digests.of(page)).toMatchObject({ digest: hash('sha256', '<p>two</p>'), data: Buffer.from('<p>two</p>') });

    // Replaced by another file with the same bytes and time: another inode.
    digests = nextBuild(digests);
    const time = new Date(Date.now() + 5_000);
    rmSync(page);
    writeFileSync(path.join(root, 'other'), 'keeps the old inode from being reused');
    writeFileSync(page, '<p>two</p>');
    utimesSync(page, time, time);
    expect((await digests.of(page))?.data).toBeDefined();
    expect(digests.remembered).toBe(0);
  });

  it('has no digest for a file that is not there, and remembers only the files asked about in the last build', async () => {
    root = mkdtempSync(path.join(tmpdir(), 'output-digests-'));
    const [a, b] = [path.join(root, 'a.html'), path.join(root, 'b.html')];
    writeFileSync(a, 'a');
    writeFileSync(b, 'b');
    let digests = new OutputDigests(path.join(root, 'cache/output-digests.json'));
    expect(await digests.of(path.join(root, 'missing.html'))).toBeUndefined();
    await digests.of(a);
    await digests.of(b);
    digests = nextBuild(digests);
    await digests.of(a);
    digests = nextBuild(digests);
    expect((await digests.of(a))?.data).toBeUndefined();
    expect((await digests.of(b))?.data).toEqual(Buffer.from('b'));
  });
});
