/** The `espeak-ng` npm package: espeak-ng's command line, compiled to WebAssembly by Emscripten. */
declare module 'espeak-ng' {
  interface ESpeakNgInstance {
    FS: { readFile(path: string): Uint8Array; writeFile(path: string, data: string | Uint8Array): void };
  }
  interface ESpeakNgOptions {
    /** The command line, as given to the espeak-ng program. */
    arguments: string[];
    preRun?: ((module: ESpeakNgInstance) => void)[];
    /** Instantiates the engine's WebAssembly with `imports` and hands over the instance. */
    instantiateWasm?: (imports: object, done: (instance: object) => void) => Record<string, never>;
    print?: (line: string) => void;
    printErr?: (line: string) => void;
  }
  /** Instantiates the engine and runs its main() with `arguments`; resolves when it has run. */
  // eslint-disable-next-line no-restricted-syntax -- the package's own shape: one default export
  export default function ESpeakNg(options: ESpeakNgOptions): Promise<ESpeakNgInstance>;
}
