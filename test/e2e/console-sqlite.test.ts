// The operator console in headless Chromium on SQLite, and with no API key configured (test/helpers/console-suite.ts).
import { consoleTests } from '../helpers/console-suite';

consoleTests('sqlite', { noKey: true });
