import { Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { closeDatabase, openDatabase } from './data-source.js';

export const DATABASE_URL = Symbol('DATABASE_URL');

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [DATABASE_URL, APP_CONFIG],
      useFactory: (url: string, config: AppConfig) => openDatabase(url, config.limits.statementTimeoutMs),
    },
  ],
  exports: [DataSource],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await closeDatabase(this.dataSource);
  }
}
