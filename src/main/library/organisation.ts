import type { Database } from 'better-sqlite3';
import { ClipQueries } from './clipQuery';
import { Organiser } from './organise';
import { SavedFilters } from './savedFilters';
import { Trash } from './trash';

/** The services that organise a library, built over one database. */
export interface Organisation {
  readonly queries: ClipQueries;
  readonly organiser: Organiser;
  readonly trash: Trash;
  readonly filters: SavedFilters;
}

export function createOrganisation(db: Database): Organisation {
  return {
    queries: new ClipQueries(db),
    organiser: new Organiser(db),
    trash: new Trash(db),
    filters: new SavedFilters(db),
  };
}
