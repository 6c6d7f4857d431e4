import { StudioCallError } from './client';

/**
 * The message to show a creator for a failed call. The studio prefixes validation errors
 * with the call name ("projects.create: name: …"); that prefix means nothing to a creator.
 * With `field`, the field prefix goes too, for errors shown right under that field.
 */
export function messageOf(error: unknown, field?: string): string {
  let message = error instanceof Error ? error.message : String(error);
  if (error instanceof StudioCallError && message.startsWith(`${error.call}: `)) {
    message = message.slice(error.call.length + 2);
  }
  if (field !== undefined && message.startsWith(`${field}: `)) message = message.slice(field.length + 2);
  return message;
}
