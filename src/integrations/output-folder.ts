/**
 * The output folder from one build to the next: kept in place when it is exactly what the last build left, emptied
 * otherwise.
 *
 * Astro empties `dist/` before it builds, and its incremental build then copies every unchanged page back from its
 * cache (`node_modules/.astro/.../dist/`). At 10,000 articles that is about 22,000 pages and cards copied and the
 * ~57,000 files of the old output deleted on every publish. Measured on a rebuild after one correction (2 cores):
 * 37.9 s with the output emptied, 27.9 s with it kept; generating the pages 10.8 → 6.9 s; the build's peak
 * 1,869 → 1,559 MB. Astro itself skips the copy of a page whose file is already in `dist/` ("(cached)" in its log,
 * core/build/generate.js), as long as the folder is not emptied.
 *
 * Kept in place only when that is safe. At the end of every build that finished, an inventory of the output (every
 * file's path, size, modification and change times and inode) and the identity of Astro's incremental record are
 * written to `output-record.json` in Astro's cache folder; at the start of the next build that record is taken away
 * (a build stopped half-way leaves none) and the folder is kept only if both still match: nothing was edited, added,
 * removed or half-written since, and no other build (into another folder, say) used the cache in between. Otherwise
 * (a first build, a failed or interrupted build, a folder touched by hand or by another build) the old output is
 * moved aside at once and deleted once the pages are made, as before (deleting it beside Vite doubled Vite's time at
 * 10,000 articles).
 *
 * Kept in place, the old output may hold what this build does not make: a withdrawn article's page and card, a
 * replaced photo's resized files, old script chunks, the compressed copies of those. Before the steps after the
 * pages (the search index, the check that nothing was lost, pre-compression) read the output, every file that this
 * build neither wrote nor kept is removed: a file is this build's when it is one of the pages Astro made or kept
 * (the routes' files it gives `astro:build:done`), when it was written or linked since the build started (its
 * inode's change time, read against a file made in the output folder at the start, so both times come from the same
 * file system), or when it is the `.br`/`.gz` copy of such a file (pre-compression then makes it match). What is left is the folder a build into an empty `dist/` makes:
 * tests/build/incremental-equivalence.test.ts compares the two byte for byte, a withdrawn article and a replaced
 * photo among the changes.
 *
 * A `.git` in the output folder (a deploy checkout) is neither output nor pruned, and stays when the rest is moved
 * aside (Astro's own emptying, `emptyDir(outDir, new Set(".git"))` in 7.3.5, would delete it: a set of characters).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWhole } from './cache-links.ts';
import { outputDigests } from './output-digests.ts';

/** In Astro's cache folder: what the last build that finished left in the output. */
const RECORD_FILE = 'output-record.json';
/** In the output folder, for a moment at the start of a build: files changed after its time are that build's. */
const MARK_FILE = '.output-mark';
/** A deploy checkout inside the output folder (GitHub Pages from a branch, say): kept, never pruned or moved. */
const GIT = '.git';
/** Astro's incremental record in its cache folder (astro/dist/core/build/incremental.js). */
const ASTRO_RECORD = 'incremental-build.json';
/** The compressed copies pre-compression writes beside a file (src/integrations/precompress.ts). */
const COMPRESSED = /\.(br|gz)$/;

interface OutputRecord {
  outDir: string;
  inventory: string;
  /** The identity of Astro's incremental record as this build left it: a build in between rewrites it. */
  astroRecord: string;
}

/** A file's identity (size, modification and change times, inode), or '' when there is none. */
function identity(file: string): string {
  const stat = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return stat ? `${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}` : '';
}

/** Every file under `dir` (paths relative to it, `/`-separated), in a stable order. */
function files(dir: string, prefix = '', list: string[] = []): string[] {
  const entries = readdirSync(path.join(dir, prefix), { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // A deploy checkout's history is not output.
    if (!prefix && entry.name === GIT) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files(dir, relative, list);
    else list.push(relative);
  }
  return list;
}

/**
 * A digest of what `dir` holds: every file's path, size, modification and change times and inode. Writing into a file
 * changes its times, replacing it changes its inode, adding or removing one changes the list; reading it changes
 * nothing. Also the newest change time of any file in it (nanoseconds).
 */
export function outputInventory(dir: string): { digest: string; newest: bigint } {
  const digest = createHash('sha256');
  let newest = 0n;
  for (const file of files(dir)) {
    const stat = lstatSync(path.join(dir, file), { bigint: true });
    digest.update(`${file}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}\n`);
    if (stat.ctimeNs > newest) newest = stat.ctimeNs;
  }
  return { digest: digest.digest('base64url'), newest };
}

/**
 * The output folder's file clock now (a file made in it and removed at once: the folder's own file system, whose
 * times the files' are compared with), once it is later than `after`: file times move in steps of a few
 * milliseconds, and a file of the previous build must not look as new as the mark. Undefined when the clock does not
 * pass `after` within a second (a clock set back): the output is then not kept.
 */
async function mark(dir: string, after: bigint): Promise<bigint | undefined> {
  const file = path.join(dir, `${MARK_FILE}-${process.pid}`);
  for (let attempt = 0; attempt < 200; attempt++) {
    writeFileSync(file, '');
    const time = statSync(file, { bigint: true }).ctimeNs;
    rmSync(file, { force: true });
    if (time > after) return time;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return undefined;
}

/**
 * Removes from `dir` every file that is not this build's (see the top of this file): not in `keep` (paths relative
 * to `dir`), not changed since `since` (an inode change time, in nanoseconds), and not the compressed copy of a file
 * that stays. Folders left empty go too. The folders in `leave` are left to the step that writes them. Returns the
 * files that stay and those removed.
 */
export function pruneOutput(
  dir: string,
  keep: ReadonlySet<string>,
  since: bigint,
  leave: readonly string[] = [],
): { kept: number; removed: string[] } {
  const all = files(dir).filter((file) => !leave.some((folder) => file.startsWith(`${folder}/`)));
  const stays = new Set<string>();
  for (const file of all) {
    if (keep.has(file) || lstatSync(path.join(dir, file), { bigint: true }).ctimeNs >= since) stays.add(file);
  }
  const removed: string[] = [];
  let kept = 0;
  for (const file of all) {
    const compressedCopy = COMPRESSED.test(file) && stays.has(file.replace(COMPRESSED, ''));
    if (stays.has(file) || compressedCopy) {
      if (!COMPRESSED.test(file)) kept++;
      continue;
    }
    rmSync(path.join(dir, file), { force: true });
    removed.push(file);
  }
  // The folders the removed files leave empty, each file's from its own up, until one still holds something.
  for (const file of removed) {
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder)) {
      try {
        rmdirSync(path.join(dir, folder));
      } catch {
        break;
      }
    }
  }
  return { kept, removed };
}

/** The output folder's two integrations: `first` goes before every other, `last` after every other. */
export interface OutputFolder {
  first: AstroIntegration;
  last: AstroIntegration;
}

/**
 * `leave`: folders of the output (relative to it) that a later step writes whole and prunes itself, such as the search
 * index's (src/integrations/search-index.ts, which keeps a shard in place when it is the one its cache holds).
 */
export default function outputFolder(options: { leave?: readonly string[] } = {}): OutputFolder {
  /** The output folder, without a trailing separator; empty outside a build. */
  let outDir = '';
  let recordFile = '';
  let cacheDir = '';
  /** Set when the old output is kept in place: the mark's change time. */
  let since: bigint | undefined;
  /** The old output folders to delete once the pages are made, when it was not kept. */
  let aside: string[] = [];
  let deleting: Promise<void> | undefined;

  const first: AstroIntegration = {
    name: 'output-folder',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        recordFile = fileURLToPath(new URL(RECORD_FILE, config.cacheDir));
      },
      'astro:build:start': async ({ logger }) => {
        since = undefined;
        let record: OutputRecord | undefined;
        try {
          record = JSON.parse(readFileSync(recordFile, 'utf8')) as OutputRecord;
        } catch {
          // No record: no build finished since the last one started.
        }
        rmSync(recordFile, { force: true });
        if (!outDir) return;
        // Kept only as the last build that finished left it, and only if no other build used the cache since (Astro's
        // record of which pages it made would then be another output's).
        if (record?.outDir === outDir && record.astroRecord === identity(path.join(cacheDir, ASTRO_RECORD)) && existsSync(outDir)) {
          const { digest, newest } = outputInventory(outDir);
          if (digest === record.inventory) since = await mark(outDir, newest);
          if (since !== undefined) logger.info('the previous output is kept in place: unchanged pages stay where they are');
        }
        const old = [];
        if (since === undefined && existsSync(outDir)) {
          const moved = `${outDir}.old-${process.pid}-${Date.now()}`;
          if (existsSync(path.join(outDir, GIT))) {
            // Everything but the checkout's history.
            mkdirSync(moved);
            for (const name of readdirSync(outDir)) if (name !== GIT) renameSync(path.join(outDir, name), path.join(moved, name));
          } else renameSync(outDir, moved);
          old.push(moved);
        }
        // Also what an interrupted build left aside (once the folder around the output exists: Astro makes it).
        const prefix = `${path.basename(outDir)}.old-`;
        const around = path.dirname(outDir);
        if (existsSync(around)) {
          for (const name of readdirSync(around)) if (name.startsWith(prefix)) old.push(path.join(around, name));
        }
        aside = [...new Set(old)];
      },
      'astro:build:generated': ({ logger }) => {
        deleting = Promise.all(
          aside.map((dir) =>
            rm(dir, { recursive: true, force: true }).catch((error: unknown) => {
              logger.warn(`could not delete the previous output at ${dir}: ${String(error)}`);
            }),
          ),
        ).then(() => undefined);
      },
      'astro:build:done': ({ assets, logger }) => {
        if (!outDir || since === undefined) return;
        const start = performance.now();
        const keep = new Set<string>();
        for (const urls of assets.values()) {
          for (const url of urls) keep.add(path.relative(outDir, fileURLToPath(url)).split(path.sep).join('/'));
        }
        const { kept, removed } = pruneOutput(outDir, keep, since, options.leave);
        logger.info(
          `${kept} files of this build; ${removed.length} left by the previous build removed, in ${Math.round(performance.now() - start)} ms`,
        );
      },
    },
  };

  const last: AstroIntegration = {
    name: 'output-record',
    hooks: {
      'astro:build:done': async () => {
        await deleting;
        // The digests the steps after the pages read (src/integrations/output-digests.ts), for the next build.
        if (cacheDir) outputDigests(cacheDir).save();
        if (!outDir) return;
        const record: OutputRecord = {
          outDir,
          inventory: outputInventory(outDir).digest,
          astroRecord: identity(path.join(cacheDir, ASTRO_RECORD)),
        };
        writeWhole(recordFile, `${JSON.stringify(record)}\n`);
      },
    },
  };

  return { first, last };
}
