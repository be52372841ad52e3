/**
 * Renamed articles on nginx: the build writes one rule per old URL (from each entry's redirectFrom) into
 * dist/_redirects.nginx.conf, which deploy/nginx.conf includes, so nginx answers the old URL with a 301 to
 * the new one (browsers carry the #fragment across it). Served exactly as the README says to deploy: the
 * sharing fixture at "/", the corrections fixture (built with BASE_PATH=/news/) under /news/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { fixtureSiteDir } from '../support/fixture-builds.ts';
import { noNginx, startNginx, type Nginx } from '../support/nginx.ts';

/** A raw request: the test sees exactly what nginx answers (fetch would follow the redirect). */
function rawGet(origin: string, sitePath: string) {
  return new Promise<{ status: number; location: string | undefined; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      request(origin + sitePath, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, location: res.headers.location, headers: res.headers }));
      })
        .on('error', reject)
        .end();
    },
  );
}

interface Deploy {
  name: string;
  dir: string;
  base: string;
  /** [old slug, current slug] */
  moves: [string, string][];
  live: string;
}

const DEPLOYS: Deploy[] = [
  {
    name: 'at the domain root (sharing fixture)',
    dir: fixtureSiteDir('sharing'),
    base: '/',
    moves: [
      ['council-budget-vote-postponed', 'council-budget-vote-delayed'],
      ['budget-vote-postponed', 'council-budget-vote-delayed'],
    ],
    live: 'council-budget-vote-delayed',
  },
  {
    name: 'under /news/ (corrections fixture)',
    dir: fixtureSiteDir('corrections'),
    base: '/news/',
    moves: [['harbour-bridge-to-reopen', 'harbour-bridge-reopens']],
    live: 'harbour-bridge-reopens',
  },
];

for (const deploy of DEPLOYS) {
  describe.skipIf(noNginx)(`nginx redirects renamed articles, ${deploy.name}`, () => {
    const { base } = deploy;
    let nginx: Nginx;
    beforeAll(async () => {
      nginx = await startNginx(deploy.dir, base);
    });
    afterAll(async () => {
      await nginx?.close();
    });

    it.each(deploy.moves)(`${base}articles/%s/ answers 301 to ${base}articles/%s/`, async (old, now) => {
      const res = await rawGet(nginx.origin, `${base}articles/${old}/`);
      expect(res.status, nginx.errors()).toBe(301);
      expect(res.location).toBe(`${base}articles/${now}/`);
      // The recipe's headers ride on the redirect too.
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it.each(deploy.moves)(`${base}articles/%s without its slash goes straight to the new URL, query kept`, async (old, now) => {
      const res = await rawGet(nginx.origin, `${base}articles/${old}?utm_source=x`);
      expect(res.status).toBe(301);
      expect(res.location).toBe(`${base}articles/${now}/?utm_source=x`);
    });

    it('leaves the live article, and a miss, alone', async () => {
      expect((await rawGet(nginx.origin, `${base}articles/${deploy.live}/`)).status).toBe(200);
      expect((await rawGet(nginx.origin, `${base}articles/no-such-article/`)).status).toBe(404);
    });
  });
}
