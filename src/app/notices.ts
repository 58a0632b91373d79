/**
 * Process-wide notices from use cases that must reach the user even when the command's own report has no field for
 * them (e.g. "an interrupted apply was rolled back"). Use cases never print: the CLI subscribes and writes to stderr.
 */

/** Receives one notice (one line, no prefix). */
export type NoticeSink = (message: string) => void;

const sinks = new Set<NoticeSink>();

/** Subscribes a sink; returns the unsubscribe function. */
export function onNotice(sink: NoticeSink): () => void {
  sinks.add(sink);
  return () => void sinks.delete(sink);
}

/** Sends a notice to every sink (none subscribed: dropped). */
export function notice(message: string): void {
  for (const s of sinks) s(message);
}
