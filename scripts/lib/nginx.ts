/**
 * A real nginx (Debian's package) serving a built site with the committed hosting recipe,
 * deploy/nginx.conf, on a free loopback port: for the deploy tests and `npm run lighthouse`.
 * Everything nginx writes (pid, logs, temp files) goes to a temp dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './paths.ts';

const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx'];
/** The nginx found on this machine (NGINX_PATH first), if any. */
export const nginxPath: string | undefined = CANDIDATES.find((p): p is string => !!p && existsSync(p));

export const HOW_TO_INSTALL_NGINX = 'Install it with: sudo apt-get update && sudo apt-get install -y nginx (or set NGINX_PATH).';

const RECIPE = path.join(ROOT, 'deploy/nginx.conf');

/** The committed server block with its placeholders filled in. */
function renderRecipe(values: { listen: string; serverName: string; root: string; base: string }): string {
  const text = readFileSync(RECIPE, 'utf8')
    .replaceAll('@LISTEN@', values.listen)
    .replaceAll('@SERVER_NAME@', values.serverName)
    .replaceAll('@ROOT@', values.root)
    .replaceAll('@BASE@', values.base);
  const left = text.replace(/^\s*#.*$/gm, '').match(/@[A-Z_]+@/);
  if (left) throw new Error(`deploy/nginx.conf: unknown placeholder ${left[0]}`);
  return text;
}

export interface Nginx {
  origin: string;
  /** nginx's error log so far (for failure messages). */
  errors(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function mimeTypes(): string {
  const dir = path.dirname(nginxPath!) === '/usr/sbin' ? '/etc/nginx' : path.dirname(nginxPath!);
  const file = [path.join(dir, 'mime.types'), '/etc/nginx/mime.types'].find((f) => existsSync(f));
  if (!file) throw new Error('nginx: mime.types not found');
  return file;
}

/**
 * Serve `siteDir` (a built dist/) at `base` on 127.0.0.1 with deploy/nginx.conf, the way the README's recipe
 * says to deploy it: the web root holds dist/ at <root><base>. nginx's own files go in a new folder inside
 * `tempParent`.
 */
export async function startNginx(siteDir: string, base = '/', tempParent = tmpdir()): Promise<Nginx> {
  if (!nginxPath) throw new Error(`No nginx found. ${HOW_TO_INSTALL_NGINX}`);
  mkdirSync(tempParent, { recursive: true });
  const tmp = mkdtempSync(path.join(tempParent, 'nginx-'));
  let root = path.resolve(siteDir);
  if (base !== '/') {
    root = path.join(tmp, 'www');
    const mount = path.join(root, base);
    mkdirSync(path.dirname(mount.replace(/\/$/, '')), { recursive: true });
    symlinkSync(path.resolve(siteDir), mount.replace(/\/$/, ''), 'dir');
  }
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(tmp, d));

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = path.join(tmp, 'nginx.conf');
    const errorLog = path.join(tmp, 'error.log');
    writeFileSync(
      conf,
      [
        // Running as root (a CI container), the workers must read the test's private temp dirs.
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${path.join(tmp, 'nginx.pid')};`,
        `error_log ${errorLog} warn;`,
        'events { worker_connections 64; }',
        'http {',
        `  include ${mimeTypes()};`,
        '  default_type application/octet-stream;',
        '  access_log off;',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${path.join(tmp, d)};`,
        ),
        renderRecipe({ listen: `127.0.0.1:${port}`, serverName: 'localhost', root, base }),
        '}',
        '',
      ].join('\n'),
    );
    const check = spawnSync(nginxPath!, ['-t', '-q', '-p', tmp, '-e', errorLog, '-c', conf], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);

    const child: ChildProcess = spawn(nginxPath!, ['-p', tmp, '-e', errorLog, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const origin = `http://127.0.0.1:${port}`;
    const errors = () => `${stderr}${existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : ''}`;

    const ready = await waitUntilUp(origin, exited);
    if (!ready) {
      if (attempt < 3 && /Address already in use/.test(errors())) continue; // lost the port race: try another
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${errors()}`);
    }
    return {
      origin,
      errors,
      async close() {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
}

async function waitUntilUp(origin: string, exited: Promise<number | null>): Promise<boolean> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + 10_000;
  while (!done && Date.now() < deadline) {
    try {
      await fetch(origin, { method: 'HEAD' });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return false;
}
