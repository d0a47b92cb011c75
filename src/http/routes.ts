// The REST compatibility routes, tried in order; each answers null for paths that are not its own.
import { abResultsRoute } from './ab-routes';
import { dashboardRoutes } from './dashboard-routes';
import type { RestRoute } from './rest';
import { runRoutes } from './run-routes';

export const REST_ROUTES: RestRoute[] = [runRoutes, dashboardRoutes, abResultsRoute];
