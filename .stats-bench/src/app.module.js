var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var CoreModule_1, AppModule_1;
import { ApolloDriver } from '@nestjs/apollo';
import { Global, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { execute, subscribe } from 'graphql';
import { AuthModule } from './auth/auth.module.js';
import { createFormatError } from './common/format-error.js';
import { graphiqlLandingPagePlugin } from './common/graphql/graphiql.js';
import { queryLimitError, queryLimitsPlugin } from './common/graphql/query-limits.plugin.js';
import { requestLogPlugin } from './common/graphql/request-log.plugin.js';
import { ServiceConfirmationHooks } from './common/service-confirmed.js';
import { validationPipe } from './common/validation.js';
import { APP_CONFIG } from './config/config.js';
import { DATABASE_URL, DatabaseModule } from './database/database.module.js';
import { HealthController } from './health/health.controller.js';
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
import { StatisticsModule } from './statistics/statistics.module.js';
let CoreModule = CoreModule_1 = class CoreModule {
    static with(config, databaseUrl) {
        return {
            module: CoreModule_1,
            providers: [
                { provide: APP_CONFIG, useValue: config },
                { provide: DATABASE_URL, useValue: databaseUrl },
                ServiceConfirmationHooks,
            ],
            exports: [APP_CONFIG, DATABASE_URL, ServiceConfirmationHooks],
        };
    }
};
CoreModule = CoreModule_1 = __decorate([
    Global(),
    Module({})
], CoreModule);
export function graphqlOptions(config) {
    const formatError = createFormatError();
    const limits = { maxDepth: config.graphqlMaxDepth, maxComplexity: config.graphqlMaxComplexity };
    // graphql-ws does not run Apollo plugins: operations over the socket are checked against the same limits here.
    const limited = (run) => (args) => {
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
        context: (arg, reply) => {
            if (!('connectionInitReceived' in arg))
                return { req: arg, reply, loaders: new Map() };
            // The socket's token comes in connectionParams; the same guard reads it as if it were a header.
            const auth = arg.connectionParams?.authorization ?? arg.connectionParams?.Authorization;
            return { req: { headers: typeof auth === 'string' ? { authorization: auth } : {} }, loaders: new Map() };
        },
        subscriptions: {
            'graphql-ws': {
                path: '/graphql',
                // Nest hands these to graphql-ws's useServer as they are, though its type does not list them.
                ...{ execute: limited(execute), subscribe: limited(subscribe) },
                // Errors over the socket get the same codes and masking as over HTTP (DESIGN.md §12).
                onNext: (_ctx, _id, _payload, _args, result) => result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : result,
            },
        },
    };
}
let AppModule = AppModule_1 = class AppModule {
    static forRoot(config, databaseUrl) {
        return {
            module: AppModule_1,
            imports: [
                CoreModule.with(config, databaseUrl),
                DatabaseModule,
                PrivacyModule,
                ScopeModule,
                GraphQLModule.forRoot(graphqlOptions(config)),
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
                StatisticsModule,
            ],
            controllers: [HealthController],
            providers: [{ provide: APP_PIPE, useValue: validationPipe }],
        };
    }
};
AppModule = AppModule_1 = __decorate([
    Module({})
], AppModule);
export { AppModule };
//# sourceMappingURL=app.module.js.map