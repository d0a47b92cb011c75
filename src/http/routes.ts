// The REST compatibility routes, tried in order; each answers null for paths that are not its own.
import type { ApolloServer } from '@apollo/server';
import type { GraphQLContext } from '../graphql/context';
import { abResultsRoute } from './ab-routes';
import { dashboardRoutes } from './dashboard-routes';
import type { RestResponse } from './rest';
import { runRoutes } from './run-routes';

export type RestRoute = (apollo: ApolloServer<GraphQLContext>, context: GraphQLContext, method: string, path: string, url: URL) => Promise<RestResponse | null>;

export const REST_ROUTES: RestRoute[] = [runRoutes, dashboardRoutes, abResultsRoute];
