// The REST compatibility routes, tried in order; each answers null for paths that are not its own.
import { abResultsRoute } from '../modules/experiments/experiments.routes';
import { dashboardRoutes } from '../modules/telemetry/telemetry.routes';
import type { RestRoute } from './rest';
import { runRoutes } from '../modules/runs/runs.routes';

export const REST_ROUTES: RestRoute[] = [runRoutes, dashboardRoutes, abResultsRoute];
