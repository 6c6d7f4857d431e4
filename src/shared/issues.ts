/** What describeIssues reads of a zod error: where each problem is and what it is. */
export interface Issues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * Turns a zod error into one sentence that names the field: "name: project name must not be
 * empty". A problem with the value as a whole is named "input". With `limit`, only the first
 * issues are spelled out and the rest counted.
 */
export function describeIssues(error: Issues, limit = Infinity): string {
  const described = error.issues
    .slice(0, limit)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
  const more = error.issues.length - Math.min(limit, error.issues.length);
  return more > 0 ? `${described} (and ${more} more)` : described;
}
