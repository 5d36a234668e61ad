// A job's files, kept in PostgreSQL in pieces of at most 1 MiB (data_job_chunk): written from a
// stream as it is produced and read back as a stream, so neither side ever holds a whole file,
// and any app server can serve a file another one wrote.
import "server-only";
import type { Db } from "@/lib/db/create-client";

export type JobFilePart = "input" | "output";

export const JOB_CHUNK_BYTES = 1024 * 1024;

/** Replaces the job's file of that part with the stream's bytes; answers how many were written. */
export async function writeJobFile(
  db: Db,
  jobId: string,
  part: JobFilePart,
  body: ReadableStream<Uint8Array>,
): Promise<number> {
  await db.dataJobChunk.deleteMany({ where: { jobId, part } });
  const reader = body.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let written = 0;
  /** Stores whole pieces while at least one is pending (all of it, at the end). */
  const flush = async (all: boolean) => {
    let joined = Buffer.concat(pending, pendingBytes);
    while (joined.byteLength >= JOB_CHUNK_BYTES || (all && joined.byteLength > 0)) {
      const data = new Uint8Array(joined.subarray(0, JOB_CHUNK_BYTES));
      joined = joined.subarray(data.byteLength);
      await db.dataJobChunk.create({ data: { jobId, part, seq: seq++, data } });
      written += data.byteLength;
    }
    pending = joined.byteLength ? [joined] : [];
    pendingBytes = joined.byteLength;
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    pending.push(value);
    pendingBytes += value.byteLength;
    if (pendingBytes >= JOB_CHUNK_BYTES) await flush(false);
  }
  await flush(true);
  return written;
}

export async function writeJobFileBytes(db: Db, jobId: string, part: JobFilePart, bytes: Uint8Array): Promise<number> {
  return writeJobFile(db, jobId, part, new Blob([new Uint8Array(bytes)]).stream());
}

/** The file as a stream that reads one piece from the database each time the reader asks. */
export function readJobFile(db: Db, jobId: string, part: JobFilePart): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await db.dataJobChunk.findUnique({
        where: { jobId_part_seq: { jobId, part, seq } },
        select: { data: true },
      });
      if (!chunk) return controller.close();
      seq++;
      controller.enqueue(new Uint8Array(chunk.data));
    },
  });
}

export async function readJobFileBytes(db: Db, jobId: string, part: JobFilePart): Promise<Uint8Array> {
  return new Uint8Array(await new Response(readJobFile(db, jobId, part)).arrayBuffer());
}
