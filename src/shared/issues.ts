/** What describeIssues reads of a zod error: where each problem is and what it is. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  /** zod's 'unrecognized_keys' carries the unknown field names in `keys`. */
  code?: string;
  keys?: readonly string[];
}

export interface Issues {
  issues: readonly Issue[];
}

/**
 * Turns a zod error into one sentence that names the field: "name: project name must not be
 * empty". A problem with the value as a whole is named "input"; an unknown field is named by
 * its own path ("owner: unknown field, not part of this call"). With `limit`, only the first
 * issues are spelled out and the rest counted.
 */
export function describeIssues(error: Issues, limit = Infinity): string {
  const issues = error.issues.flatMap((issue): Issue[] =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown field, not part of this call' }))
      : [issue],
  );
  const described = issues
    .slice(0, limit)
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
  const more = issues.length - Math.min(limit, issues.length);
  return more > 0 ? `${described} (and ${more} more)` : described;
}
