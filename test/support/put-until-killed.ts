/**
 * Child-process half of the store's crash test: starts a putStream fed by a stalling source,
 * prints "stalled" once every byte is handed over, and waits to be SIGKILLed mid-write.
 * Usage: node --import tsx put-until-killed.ts <dataDir> <chunks> <chunkSize>
 */
import { MediaStore } from '../../src/main/storage/store';
import { stallingSource } from './stalling-source';

const [dataDir, chunks, chunkSize] = process.argv.slice(2);
if (!dataDir || !chunks || !chunkSize) throw new Error('usage: put-until-killed <dataDir> <chunks> <chunkSize>');
const store = await MediaStore.open(dataDir);
const source = stallingSource(Number(chunks), Number(chunkSize), () => process.stdout.write('stalled\n'));
store.putStream(source).then(
  () => process.stdout.write('finished\n'),
  (error: unknown) => process.stdout.write(`failed ${String(error)}\n`),
);
// A stalled stream holds nothing open, so without this the process would end on its own once the
// last chunk is written, racing the kill the test is about.
setInterval(() => undefined, 60_000);
