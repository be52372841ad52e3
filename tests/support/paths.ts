/** Where the test suite builds and reads things. */
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths.ts';

export { ROOT };
/** Output of the test build (git-ignored). TEST_OUTPUT_DIR moves it, so two suites can run side by side. */
export const OUTPUT = process.env.TEST_OUTPUT_DIR ? path.resolve(process.env.TEST_OUTPUT_DIR) : path.join(ROOT, 'tests/.output');
export const SITE_DIR = path.join(OUTPUT, 'site');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
/** The origin the test build is made for, so absolute URLs can be asserted. */
export const TEST_SITE_URL = 'https://news.example.test';
