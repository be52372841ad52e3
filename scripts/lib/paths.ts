/** The project's root folder, for the tools in scripts/ (and the tests that use them). */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
