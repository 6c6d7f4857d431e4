/** The narrow views of the studio that hosts are given besides its calls. */

export interface MediaSource {
  /** The stored file of a media id, or null when the id is malformed. */
  pathOf(id: string): string | null;
  /** The MIME type the library recorded for a media id, or null if it has none. */
  mediaType(id: string): string | null;
  /** The size in bytes the library recorded for a media id, or null if it has none. */
  sizeOf(id: string): number | null;
}

/** A file the studio wrote for the creator to take (an exported clip, a project bundle), by its export id. */
export interface ExportedFileSource {
  /** The file behind an export id, or null for an unknown, expired or malformed id. */
  find(id: string): Promise<{ fileName: string; path: string; bytes: number } | null>;
}
