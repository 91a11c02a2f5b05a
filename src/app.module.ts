import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { execute, ExecutionArgs, subscribe } from 'graphql';
import { AuthModule } from './auth/auth.module.js';
import { createFormatError } from './common/format-error.js';
import type { GqlContext } from './common/graphql/context.js';
import { graphiqlLandingPagePlugin } from './common/graphql/graphiql.js';
import { DateTimeScalar } from './common/graphql/date-time.scalar.js';
import { describeRootTypes } from './common/graphql/root-descriptions.js';
import { asRequestError, costLimiterOf } from './common/graphql/cost.js';
import { queryCost, queryLimitsPlugin } from './common/graphql/query-limits.plugin.js';
import { responseSizePlugin } from './common/graphql/response-size.plugin.js';
import { logger } from './common/logging/logger.js';
import { SessionsModule } from './auth/sessions.module.js';
import { requestLogPlugin } from './common/graphql/request-log.plugin.js';
import { ServiceConfirmationHooks } from './common/service-confirmed.js';
import { NeedCancellationHooks } from './common/need-cancelled.js';
import { CommitmentChecks } from './common/commitments.js';
import { validationPipe } from './common/validation.js';
import { APP_CONFIG, AppConfig } from './config/config.js';
import { DATABASE_URL, DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { PeopleModule } from './people/people.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { ScopeModule } from './scope/scope.module.js';
import { TimeBankModule } from './time-bank/time-bank.module.js';
import { VolunteersModule } from './volunteers/volunteers.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { NeedsModule } from './needs/needs.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { SocialWorkersModule } from './social-workers/social-workers.module.js';
import { CharityModule } from './charity/charity.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { CareVisitsModule } from './care-visits/care-visits.module.js';
import { BrokeringModule } from './brokering/brokering.module.js';
import { StatisticsModule } from './statistics/statistics.module.js';

@Global()
@Module({})
class CoreModule {
  static with(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_URL, useValue: databaseUrl },
        ServiceConfirmationHooks,
        NeedCancellationHooks,
        CommitmentChecks,
      ],
      exports: [APP_CONFIG, DATABASE_URL, ServiceConfirmationHooks, NeedCancellationHooks, CommitmentChecks],
    };
  }
}

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  const formatError = createFormatError();
  const limits = {
    maxDepth: config.graphqlMaxDepth,
    maxComplexity: config.graphqlMaxComplexity,
    maxRootFields: config.limits.maxRootFields,
    introspectionCost: config.limits.introspectionCost,
  };
  const limiter = costLimiterOf(config);
  // graphql-ws does not run Apollo plugins: operations over the socket are checked against the same limits and
  // spend from the same budget here.
  const limited =
    <F extends (args: ExecutionArgs) => unknown>(run: F) =>
    async (args: ExecutionArgs) => {
      const checked = queryCost(args.schema, args.document, args.operationName, args.variableValues, limits);
      if ('error' in checked) return { errors: [checked.error] };
      const req = (args.contextValue as GqlContext | undefined)?.req;
      const refused = await limiter.spend(limiter.keyOf(req?.headers?.authorization, req?.ip), checked.cost);
      return refused ? { errors: [asRequestError(refused.error, 429)] } : run(args);
    };
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    sortSchema: true,
    transformSchema: describeRootTypes,
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    // Apollo's default cache-control plugin hooks every field resolver (willResolveField) of every request to compute
    // cache hints nobody sets or reads here (no @cacheControl, no response cache): off, the resolvers run unwrapped.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      graphiqlLandingPagePlugin(),
      queryLimitsPlugin(limits, limiter),
      responseSizePlugin(config.limits.maxResponseBytes),
      requestLogPlugin(),
    ],
    // Fastify calls this with (request, reply); graphql-ws with its connection context.
    context: (
      arg:
        | GqlContext['req']
        | {
            connectionInitReceived: boolean;
            connectionParams?: Record<string, unknown>;
            extra?: { socket?: GqlContext['socket']; request?: { socket?: { remoteAddress?: string } } };
          },
      reply?: GqlContext['reply'],
    ): GqlContext => {
      if (!('connectionInitReceived' in arg)) return { req: arg, reply, loaders: new Map() };
      // The socket's token comes in connectionParams; the same guard reads it as if it were a header, and ties the
      // socket to the token's session so that it is closed on logout and on expiry.
      const auth = arg.connectionParams?.authorization ?? arg.connectionParams?.Authorization;
      const ip = arg.extra?.request?.socket?.remoteAddress;
      return {
        req: { headers: typeof auth === 'string' ? { authorization: auth } : {}, ip } as GqlContext['req'],
        loaders: new Map(),
        socket: arg.extra?.socket,
      };
    },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // Nest hands these to graphql-ws's useServer as they are, though its type does not list them.
        ...({ execute: limited(execute), subscribe: limited(subscribe) } as object),
        // Errors over the socket get the same codes and masking as over HTTP (docs/design.md §12).
        // One log line per operation over the socket, like requestLogPlugin for HTTP: name and type, never variables.
        onSubscribe: (_ctx: unknown, _id: string, payload: { operationName?: string | null; query?: string }) => {
          const type = /^\s*(query|mutation|subscription)\b/.exec(payload.query ?? '')?.[1] ?? 'query';
          logger.info('graphql', { transport: 'ws', operation: payload.operationName ?? null, type });
        },
        onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result),
      },
    },
  };
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.with(config, databaseUrl),
        DatabaseModule,
        HealthModule,
        PrivacyModule,
        SessionsModule,
        ScopeModule,
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        RegionsModule,
        PeopleModule,
        AuthModule,
        VolunteersModule,
        TimeBankModule,
        MatchingModule,
        NeedsModule,
        NotificationsModule,
        OrganizationsModule,
        SocialWorkersModule,
        CharityModule,
        ResourcesModule,
        ProjectsModule,
        CareVisitsModule,
        BrokeringModule,
        StatisticsModule,
      ],
      providers: [{ provide: APP_PIPE, useValue: validationPipe }],
    };
  }
}
