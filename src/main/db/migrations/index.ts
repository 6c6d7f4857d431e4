import type { Database } from 'better-sqlite3';
import { up as core } from './0001-core';
import { up as jobRuntime } from './0002-job-runtime';
import { up as clipRenderReport } from './0003-clip-render-report';
import { up as remixLineage } from './0004-remix-lineage';
import { up as libraryOrganisation } from './0005-library-organisation';
import { up as librarySpeed } from './0006-library-speed';
import { up as libraryCounts } from './0007-library-counts';
import { up as cueSearchBatched } from './0008-cue-search-batched';
import { up as searchScopeTrash } from './0009-search-scope-trash';
import { up as cardPosters } from './0010-card-posters';
import { up as searchSymbols } from './0011-search-symbols';
import { up as projectTrash } from './0012-project-trash';
import { up as searchAccents } from './0013-search-accents';
import { up as tagCaseMerge } from './0014-tag-case-merge';

export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Append-only: a released migration never changes; a new one gets the next number. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'core', up: core },
  { version: 2, name: 'job-runtime', up: jobRuntime },
  { version: 3, name: 'clip-render-report', up: clipRenderReport },
  { version: 4, name: 'remix-lineage', up: remixLineage },
  { version: 5, name: 'library-organisation', up: libraryOrganisation },
  { version: 6, name: 'library-speed', up: librarySpeed },
  { version: 7, name: 'library-counts', up: libraryCounts },
  { version: 8, name: 'cue-search-batched', up: cueSearchBatched },
  { version: 9, name: 'search-scope-trash', up: searchScopeTrash },
  { version: 10, name: 'card-posters', up: cardPosters },
  { version: 11, name: 'search-symbols', up: searchSymbols },
  { version: 12, name: 'project-trash', up: projectTrash },
  { version: 13, name: 'search-accents', up: searchAccents },
  { version: 14, name: 'tag-case-merge', up: tagCaseMerge },
];

export const latestVersion = migrations.length;
