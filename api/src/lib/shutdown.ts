// Shutdown steps with a deadline, so one part that cannot finish never holds the process (or a test run) forever.
import type { Logger } from "./logger.js";

/** Runs one shutdown step; gives up on it (logged) after `ms`, and logs a failure instead of throwing. */
export async function boundedStop(logger: Logger, name: string, fn: () => Promise<unknown>, ms: number): Promise<"done" | "failed" | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timed out">((resolve) => {
    timer = setTimeout(() => resolve("timed out"), ms);
  });
  const result = await Promise.race([
    fn().then(
      () => "done" as const,
      (err: unknown) => {
        logger.warn({ err: err instanceof Error ? err.message : String(err), part: name }, "shutdown step failed");
        return "failed" as const;
      },
    ),
    deadline,
  ]);
  clearTimeout(timer);
  if (result === "timed out") logger.error({ part: name, ms }, "shutdown step did not finish in time; continuing");
  return result;
}
