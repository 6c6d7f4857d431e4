/** A task id to match a long call's progress events to it. */
export function newTaskId(): string {
  // getRandomValues works in insecure contexts too (a browser studio opened over plain http on a LAN).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
