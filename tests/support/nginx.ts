/**
 * Deploy tests serve builds with a real nginx and the committed recipe (scripts/lib/nginx.ts). Where nginx is
 * missing, they fail when CI=true and otherwise skip loudly (like the browser tests).
 */
import { HOW_TO_INSTALL_NGINX, nginxPath, startNginx as start, type Nginx } from '../../scripts/lib/nginx.ts';
import { OUTPUT } from './paths.ts';

export type { Nginx };

if (!nginxPath) {
  if (process.env.CI === 'true') throw new Error(`No nginx found, and CI=true: deploy tests cannot be skipped. ${HOW_TO_INSTALL_NGINX}`);
  console.warn(`\n${'!'.repeat(78)}\n!! NGINX TESTS SKIPPED: no nginx found.\n!! ${HOW_TO_INSTALL_NGINX}\n${'!'.repeat(78)}\n`);
}
export const noNginx = !nginxPath;

/** nginx serving a built site at `base`, its own files kept with the test output. */
export const startNginx = (siteDir: string, base = '/'): Promise<Nginx> => start(siteDir, base, OUTPUT);
