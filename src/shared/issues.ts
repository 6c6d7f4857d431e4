/** What describeIssues reads of a zod error: where each problem is and what it is. */
interface Issue {
  path: readonly PropertyKey[];
  message: string;
  /** zod's 'unrecognized_keys' carries the unknown field names in `keys`. */
  code?: string;
  keys?: readonly string[];
  /** zod's 'too_big' and 'too_small' carry their limit, what it counts, and whether it is allowed. */
  maximum?: number | bigint;
  minimum?: number | bigint;
  origin?: string;
  inclusive?: boolean;
}

const UNITS: Record<string, [string, string]> = {
  string: ['character', 'characters'],
  array: ['item', 'items'],
  set: ['item', 'items'],
  file: ['byte', 'bytes'],
};

/**
 * A size problem always says its limit: zod's own wording ("Too big: expected string to have
 * <=40 characters") becomes "must be at most 40 characters", and a message of ours that gives no
 * figure gets it added ("the key is too long (at most 4,096 characters)").
 */
function withLimit(issue: Issue): string {
  const { code, message } = issue;
  if (code !== 'too_big' && code !== 'too_small') return message;
  const bound = code === 'too_big' ? issue.maximum : issue.minimum;
  if (bound === undefined) return message;
  const origin = issue.origin ?? '';
  const unit = UNITS[origin];
  const figure = bound.toLocaleString('en');
  const counted = unit ? ` ${Number(bound) === 1 ? unit[0] : unit[1]}` : '';
  const inclusive = issue.inclusive !== false;
  const limit =
    code === 'too_big'
      ? `${inclusive ? 'at most' : 'less than'} ${figure}${counted}`
      : `${inclusive ? 'at least' : 'more than'} ${figure}${counted}`;
  if (/^Too (big|small):/.test(message)) {
    if (code === 'too_small' && unit && inclusive && Number(bound) === 1) return 'must not be empty';
    return `must be ${limit}`;
  }
  // A figure already given, or a bound of zero or one (not negative, not empty) that words say well.
  if (message.includes(figure) || message.includes(String(bound)) || Number(bound) <= (code === 'too_small' ? 1 : 0))
    return message;
  return `${message} (${limit})`;
}

export interface Issues {
  issues: readonly Issue[];
}

/**
 * Turns a zod error into one sentence that names the field: "name: project name must not be
 * empty". A problem with the value as a whole is named "input"; an unknown field is named by
 * its own path ("owner: unknown field, not part of this call"). A value too long, short, big or
 * small is told its limit ("prefix: must be at most 40 characters"). With `limit`, only the first
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
      return `${where}: ${withLimit(issue)}`;
    })
    .join('; ');
  const more = issues.length - Math.min(limit, issues.length);
  return more > 0 ? `${described} (and ${more} more)` : described;
}
