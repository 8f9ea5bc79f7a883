import { parentPort, workerData } from 'node:worker_threads';
import type { ClaimIds } from './claims.js';
import { batchCount, batchRange, countBatch, planBatches, renderBatch, TableTexts, type BatchSetup, type FromWorker, type ToWorker } from './large-batches.js';

/**
 * A worker thread of `generateLargeDataSet`: tells the batches `worker`,
 * `worker + workers`, … of the claims. For each it posts the rows' counts,
 * waits for the batch's first ids, and posts the rows as COPY text.
 */
const { setup, worker, workers } = workerData as { setup: BatchSetup; worker: number; workers: number };
const port = parentPort!;
const firstIds = new Map<number, ClaimIds>();
let waiting: { batch: number; resolve: (ids: ClaimIds) => void } | undefined;

port.on('message', (message: ToWorker) => {
  if (waiting?.batch === message.batch) {
    waiting.resolve(message.ids);
    waiting = undefined;
  } else firstIds.set(message.batch, message.ids);
});

const idsOf = (batch: number): Promise<ClaimIds> => {
  const ids = firstIds.get(batch);
  if (ids) {
    firstIds.delete(batch);
    return Promise.resolve(ids);
  }
  return new Promise((resolve) => (waiting = { batch, resolve }));
};

const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const tables = planBatches(setup);
  const texts = new TableTexts(new Map(setup.userIds), setup.position);
  for (let batch = worker; batch < batchCount(setup); batch += workers) {
    const range = batchRange(setup, tables.world.devices, batch);
    const { lives, counts } = countBatch(tables, range.from, range.to);
    post({ type: 'counted', batch, counts });
    const { chunks, held } = renderBatch(tables, lives, { from: range.unitsFrom, to: range.unitsTo }, await idsOf(batch), texts);
    post(
      { type: 'rendered', batch, chunks, held },
      chunks.map((chunk) => chunk.bytes.buffer as ArrayBuffer),
    );
  }
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
