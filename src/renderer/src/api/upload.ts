import { UPLOAD_PATH, UploadReply } from '../../../shared/wire';

/** Pulls a readable reason out of an upload endpoint's error body, whatever shape it has. */
function reasonFrom(xhr: XMLHttpRequest): string {
  const text = typeof xhr.responseText === 'string' ? xhr.responseText.trim() : '';
  if (text) {
    try {
      const body: unknown = JSON.parse(text);
      if (body && typeof body === 'object') {
        const record = body as Record<string, unknown>;
        const nested = record['error'];
        if (nested && typeof nested === 'object') {
          const message = (nested as Record<string, unknown>)['message'];
          if (typeof message === 'string') return message;
        }
        if (typeof nested === 'string') return nested;
        if (typeof record['message'] === 'string') return record['message'];
      }
    } catch {
      return text.slice(0, 300);
    }
  }
  return `the studio answered ${xhr.status} ${xhr.statusText}`.trim();
}

/**
 * Sends one file's bytes to the browser studio (POST /upload, raw body) and resolves with
 * the upload id to pass to clips.import, with the access token as a Bearer header.
 * XMLHttpRequest rather than fetch, because only it reports upload progress.
 */
export function uploadFile(
  file: File,
  token: string | null,
  onProgress: (loaded: number, total: number) => void,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    if (token === null) {
      reject(
        new Error(
          `${file.name} could not be uploaded: this page has no access token. Open the link that "shotline serve" printed.`,
        ),
      );
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', UPLOAD_PATH);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.addEventListener('progress', (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    xhr.addEventListener('load', () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(new Error(`${file.name} could not be uploaded: ${reasonFrom(xhr)}.`));
        return;
      }
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new Error(`${file.name} was uploaded but the studio's answer was not readable. Try again.`));
        return;
      }
      const parsed = UploadReply.safeParse(body);
      if (!parsed.success) {
        reject(new Error(`${file.name} was uploaded but the studio's answer had no upload id. Try again.`));
        return;
      }
      onProgress(file.size, file.size);
      resolve(parsed.data.uploadId);
    });
    xhr.addEventListener('error', () => {
      reject(
        new Error(
          `${file.name} could not be uploaded because the connection to the studio failed. Check that Shotline is running, then try again.`,
        ),
      );
    });
    xhr.addEventListener('abort', () => reject(new Error(`The upload of ${file.name} was canceled.`)));
    xhr.send(file);
  });
}
