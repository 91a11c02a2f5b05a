import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './auth/auth.module.js';
import { createFormatError } from './common/format-error.js';
import type { GqlContext } from './common/graphql/context.js';
import { graphiqlLandingPagePlugin } from './common/graphql/graphiql.js';
import { queryLimitsPlugin } from './common/graphql/query-limits.plugin.js';
import { requestLogPlugin } from './common/graphql/request-log.plugin.js';
import { ServiceConfirmationHooks } from './common/service-confirmed.js';
import { validationPipe } from './common/validation.js';
import { APP_CONFIG, AppConfig } from './config/config.js';
import { DATABASE_URL, DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
import { PeopleModule } from './people/people.module.js';
import { PrivacyModule } from './privacy/privacy.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { ScopeModule } from './scope/scope.module.js';
import { VolunteersModule } from './volunteers/volunteers.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { SocialWorkersModule } from './social-workers/social-workers.module.js';
import { CharityModule } from './charity/charity.module.js';
import { ResourcesModule } from './resources/resources.module.js';

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
      ],
      exports: [APP_CONFIG, DATABASE_URL, ServiceConfirmationHooks],
    };
  }
}

export function graphqlOptions(config: AppConfig): ApolloDriverConfig {
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createFormatError(),
    plugins: [graphiqlLandingPagePlugin(), queryLimitsPlugin(config.graphqlMaxDepth, config.graphqlMaxComplexity), requestLogPlugin()],
    context: ({ req, reply }: { req: GqlContext['req']; reply: GqlContext['reply'] }): GqlContext => ({ req, reply, loaders: new Map() }),
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
        PrivacyModule,
        ScopeModule,
        GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(config)),
        RegionsModule,
        PeopleModule,
        AuthModule,
        VolunteersModule,
        OrganizationsModule,
        SocialWorkersModule,
        CharityModule,
        ResourcesModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_PIPE, useValue: validationPipe }],
    };
  }
}
