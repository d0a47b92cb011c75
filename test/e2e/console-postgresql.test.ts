// The operator console in headless Chromium on PostgreSQL (test/helpers/console-suite.ts).
import { consoleTests } from '../helpers/console-suite';

consoleTests('postgresql');
