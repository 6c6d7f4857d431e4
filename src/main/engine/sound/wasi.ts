/**
 * Runs a command-line program compiled for WASI (preview 1) entirely in memory: its arguments go
 * in, the files it creates and what it prints come out. Only the calls such a program makes for
 * that are answered; there is no real file system, no environment and a clock stopped at zero, so
 * the same arguments always give the same bytes. Node's own `node:wasi` would need real files and
 * still prints an experimental warning.
 */

/** The WebAssembly calls used here (this project's Node typings leave the global out). */
interface WasmApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: Record<string, unknown> }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** Compiles a program once; compiling a large one takes a noticeable fraction of a second. */
export function compileWasm(bytes: Uint8Array): Promise<object> {
  return wasmApi.compile(bytes);
}

export interface WasiRun {
  exitCode: number;
  /** Every file the program created, by the path it gave. */
  files: Map<string, Buffer>;
  stdout: string;
  stderr: string;
}

const errno = { success: 0, badf: 8, inval: 28, noent: 44 } as const;
const fileType = { characterDevice: 2, directory: 3, regularFile: 4 } as const;
/** The one directory the program sees: everything it opens is a file under it. */
const rootFd = 3;
const oCreat = 1;

/** Thrown through the program's stack when it calls exit(), to stop it there. */
class Exit extends Error {
  constructor(readonly code: number) {
    super(`exited with code ${String(code)}`);
  }
}

interface OpenFile {
  path: string;
  data: Buffer;
  size: number;
  position: number;
}

/** Runs the program's `_start` with `args` (the first is its own name). */
export async function runWasi(module: object, args: readonly string[]): Promise<WasiRun> {
  let memory: { buffer: ArrayBuffer } | null = null;
  const view = (): DataView => {
    if (!memory) throw new Error('the program has no memory');
    return new DataView(memory.buffer);
  };
  const bytes = (ptr: number, len: number): Uint8Array => new Uint8Array(view().buffer, ptr, len);
  const text = (ptr: number, len: number): string => Buffer.from(bytes(ptr, len)).toString('utf8');
  const encodedArgs = args.map((a) => Buffer.from(`${a}\0`, 'utf8'));
  const printed: Record<number, Buffer[]> = { 1: [], 2: [] };
  const open = new Map<number, OpenFile>();
  const files = new Map<string, Buffer>();
  let nextFd = rootFd + 1;

  const ioVectors = (iovs: number, count: number): Uint8Array[] => {
    const v = view();
    return Array.from({ length: count }, (_, i) =>
      bytes(v.getUint32(iovs + i * 8, true), v.getUint32(iovs + i * 8 + 4, true)),
    );
  };

  const calls = {
    args_sizes_get(countPtr: number, sizePtr: number): number {
      view().setUint32(countPtr, encodedArgs.length, true);
      view().setUint32(
        sizePtr,
        encodedArgs.reduce((n, a) => n + a.length, 0),
        true,
      );
      return errno.success;
    },
    args_get(argvPtr: number, bufPtr: number): number {
      let at = bufPtr;
      encodedArgs.forEach((a, i) => {
        view().setUint32(argvPtr + i * 4, at, true);
        bytes(at, a.length).set(a);
        at += a.length;
      });
      return errno.success;
    },
    clock_time_get(_id: number, _precision: bigint, timePtr: number): number {
      view().setBigUint64(timePtr, 0n, true);
      return errno.success;
    },
    fd_prestat_get(fd: number, ptr: number): number {
      if (fd !== rootFd) return errno.badf;
      view().setUint8(ptr, 0);
      view().setUint32(ptr + 4, 1, true);
      return errno.success;
    },
    fd_prestat_dir_name(fd: number, ptr: number, len: number): number {
      if (fd !== rootFd || len < 1) return errno.badf;
      bytes(ptr, 1).set([0x2f]);
      return errno.success;
    },
    fd_fdstat_get(fd: number, ptr: number): number {
      const type =
        fd === rootFd
          ? fileType.directory
          : open.has(fd)
            ? fileType.regularFile
            : fd <= 2
              ? fileType.characterDevice
              : 0;
      if (type === 0) return errno.badf;
      const v = view();
      v.setUint8(ptr, type);
      v.setUint16(ptr + 2, 0, true);
      v.setBigUint64(ptr + 8, 0xffffffffn, true);
      v.setBigUint64(ptr + 16, 0xffffffffn, true);
      return errno.success;
    },
    fd_fdstat_set_flags(): number {
      return errno.success;
    },
    path_open(
      dirFd: number,
      _lookup: number,
      pathPtr: number,
      pathLen: number,
      openFlags: number,
      _rights: bigint,
      _inherited: bigint,
      _fdFlags: number,
      fdPtr: number,
    ): number {
      if (dirFd !== rootFd) return errno.badf;
      const path = text(pathPtr, pathLen).replace(/^\.?\//, '');
      const existing = files.get(path);
      if (!existing && (openFlags & oCreat) === 0) return errno.noent;
      const data = existing ?? Buffer.alloc(0);
      const fd = nextFd++;
      open.set(fd, { path, data, size: data.length, position: 0 });
      view().setUint32(fdPtr, fd, true);
      return errno.success;
    },
    fd_write(fd: number, iovs: number, count: number, writtenPtr: number): number {
      let written = 0;
      for (const chunk of ioVectors(iovs, count)) {
        const sink = printed[fd];
        const file = open.get(fd);
        if (sink) sink.push(Buffer.from(chunk));
        else if (file) writeAt(file, chunk);
        else return errno.badf;
        written += chunk.length;
      }
      view().setUint32(writtenPtr, written, true);
      return errno.success;
    },
    fd_read(fd: number, iovs: number, count: number, readPtr: number): number {
      const file = open.get(fd);
      if (!file && fd !== 0) return errno.badf;
      let read = 0;
      for (const chunk of ioVectors(iovs, count)) {
        if (!file) break;
        const n = Math.min(chunk.length, file.size - file.position);
        chunk.set(file.data.subarray(file.position, file.position + n));
        file.position += n;
        read += n;
      }
      view().setUint32(readPtr, read, true);
      return errno.success;
    },
    fd_seek(fd: number, offset: bigint, whence: number, newPtr: number): number {
      const file = open.get(fd);
      if (!file) return errno.badf;
      const base = whence === 0 ? 0 : whence === 1 ? file.position : file.size;
      const position = base + Number(offset);
      if (position < 0) return errno.inval;
      file.position = position;
      view().setBigUint64(newPtr, BigInt(position), true);
      return errno.success;
    },
    fd_close(fd: number): number {
      const file = open.get(fd);
      if (file) files.set(file.path, file.data.subarray(0, file.size));
      open.delete(fd);
      return errno.success;
    },
    proc_exit(code: number): never {
      throw new Exit(code);
    },
  };

  const instance = await wasmApi.instantiate(module, { wasi_snapshot_preview1: calls });
  memory = instance.exports.memory as { buffer: ArrayBuffer };
  let exitCode = 0;
  try {
    (instance.exports._start as () => void)();
  } catch (e) {
    if (!(e instanceof Exit)) throw e;
    exitCode = e.code;
  }
  for (const file of open.values()) files.set(file.path, file.data.subarray(0, file.size));
  const printedText = (fd: number): string => Buffer.concat(printed[fd] ?? []).toString('utf8');
  return { exitCode, files, stdout: printedText(1), stderr: printedText(2) };
}

/** Writes at the file's position, growing its buffer by doubling. */
function writeAt(file: OpenFile, chunk: Uint8Array): void {
  const end = file.position + chunk.length;
  if (end > file.data.length) {
    const grown = Buffer.alloc(Math.max(end, file.data.length * 2, 4096));
    file.data.copy(grown, 0, 0, file.size);
    file.data = grown;
  }
  file.data.set(chunk, file.position);
  file.position = end;
  file.size = Math.max(file.size, end);
}
