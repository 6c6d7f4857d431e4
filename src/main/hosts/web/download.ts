/**
 * Content-Disposition for a download under its readable name (RFC 6266): an ASCII fallback for
 * old clients and the exact UTF-8 name in filename* for the rest. Quotes, backslashes and line
 * breaks never reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '')
    .trim();
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii || 'export'}"; filename*=UTF-8''${encoded}`;
}
