/** A first word that is a file's name ("my-project.shotline", "take_02.mp4"): a dot, then an extension. */
const FILE_NAME = /^[^\s"“”'‘’]+\.[\p{L}\p{N}]{1,12}(?=$|[\s:,;)])/u;

/**
 * A message shown alone, as a sentence: its first letter in capitals ("shot 3: …" → "Shot 3: …"),
 * unless it starts with a name that is shown exactly as it is: one of `names` (the file the
 * creator chose, say) or anything that reads as a file name ("my-project.shotline cannot be
 * imported: …" keeps its lower-case m).
 */
export function sentence(message: string, names: readonly string[] = []): string {
  if (names.some((name) => name !== '' && message.startsWith(name))) return message;
  if (FILE_NAME.test(message)) return message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
