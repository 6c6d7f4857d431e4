/** Types of scripts/yuv420-wasm.mjs, for the test that checks its module. */
export function moduleText(): string;
export function moduleBytes(): Promise<Buffer>;
export function moduleSource(bytes: Buffer): string;
