import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { execute, ExecutionArgs, subscribe } from 'graphql';
import { AuthModule } from './auth/auth.module.js';
import { createFormatError } from './common/format-error.js';
import type { GqlContext } from './common/graphql/context.js';
import { graphiqlLandingPagePlugin } from './common/graphql/graphiql.js';
import { queryLimitError, queryLimitsPlugin } from './common/graphql/query-limits.plugin.js';
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
  const limits = { maxDepth: config.graphqlMaxDepth, maxComplexity: config.graphqlMaxComplexity };
  // graphql-ws does not run Apollo plugins: operations over the socket are checked against the same limits here.
  const limited = <F extends (args: ExecutionArgs) => unknown>(run: F) => (args: ExecutionArgs) => {
    const error = queryLimitError(args.schema, args.document, args.operationName, args.variableValues, limits);
    return error ? { errors: [error] } : run(args);
  };
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [graphiqlLandingPagePlugin(), queryLimitsPlugin(limits), requestLogPlugin()],
    // Fastify calls this with (request, reply); graphql-ws with its connection context.
    context: (arg: GqlContext['req'] | { connectionInitReceived: boolean; connectionParams?: Record<string, unknown> }, reply?: GqlContext['reply']): GqlContext => {
      if (!('connectionInitReceived' in arg)) return { req: arg, reply, loaders: new Map() };
      // The socket's token comes in connectionParams; the same guard reads it as if it were a header.
      const auth = arg.connectionParams?.authorization ?? arg.connectionParams?.Authorization;
      return { req: { headers: typeof auth === 'string' ? { authorization: auth } : {} } as GqlContext['req'], loaders: new Map() };
    },
    subscriptions: {
      'graphql-ws': {
        path: '/graphql',
        // Nest hands these to graphql-ws's useServer as they are, though its type does not list them.
        ...({ execute: limited(execute), subscribe: limited(subscribe) } as object),
        // Errors over the socket get the same codes and masking as over HTTP (docs/design.md §12).
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result,
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
      ],
      providers: [{ provide: APP_PIPE, useValue: validationPipe }],
    };
  }
}
