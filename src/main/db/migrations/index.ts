import type { Database } from 'better-sqlite3';
import { up as core } from './0001-core';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append-only: a released migration never changes; a new one gets the next number. */
export const migrations: readonly Migration[] = [{ version: 1, name: 'core', up: core }];

export const latestVersion = migrations.length;
