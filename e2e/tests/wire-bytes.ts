import type { Page } from '@playwright/test';

/** One request as the browser saw it on the wire. */
export type Transfer = Readonly<{
  url: string;
  /** Chromium's resource type: Document, Script, Stylesheet, Fetch… */
  type: string;
  /** The status as received: 304 when the server confirmed a cached copy. */
  status: number;
  /** The Content-Encoding it came in (`identity` when none). */
  encoding: string;
  /** Taken from the browser's cache: nothing crossed the wire for its body. */
  fromCache: boolean;
  /** What crossed the wire for it, headers and (compressed) body: Chromium's encodedDataLength. */
  bytes: number;
}>;

export type WireRecorder = Readonly<{
  /** Every request finished since recording started (or since the last `clear`). */
  transfers: () => readonly Transfer[];
  /** Requests started and neither finished nor failed yet. */
  inFlight: () => number;
  clear: () => void;
}>;

/**
 * Counts the bytes a page actually receives, per request, through the DevTools protocol:
 * Playwright's own response events cannot tell a compressed body's size from its decoded one.
 */
export async function recordWire(page: Page): Promise<WireRecorder> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const started = new Map<string, { url: string; type: string }>();
  const answered = new Map<string, { status: number; encoding: string; fromCache: boolean }>();
  // The status as it came over the wire: a 304 that revalidated a cached copy is reported by
  // responseReceived with the cached copy's 200.
  const wireStatus = new Map<string, number>();
  const servedFromCache = new Set<string>();
  const ended = new Set<string>();
  let finished: { requestId: string; bytes: number }[] = [];

  cdp.on('Network.requestWillBeSent', (event) => {
    started.set(event.requestId, { url: event.request.url, type: event.type ?? 'Other' });
  });
  // Sent before the response: the memory cache answered, nothing was requested.
  cdp.on('Network.requestServedFromCache', (event) => {
    servedFromCache.add(event.requestId);
  });
  cdp.on('Network.responseReceivedExtraInfo', (event) => {
    wireStatus.set(event.requestId, event.statusCode);
  });
  cdp.on('Network.responseReceived', (event) => {
    const encoding = Object.entries(event.response.headers).find(([name]) => name.toLowerCase() === 'content-encoding');
    answered.set(event.requestId, {
      status: event.response.status,
      encoding: encoding?.[1] ?? 'identity',
      fromCache: servedFromCache.has(event.requestId) || Boolean(event.response.fromDiskCache),
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    ended.add(event.requestId);
    finished.push({ requestId: event.requestId, bytes: event.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (event) => {
    ended.add(event.requestId);
  });

  return {
    transfers: () =>
      finished.flatMap(({ requestId, bytes }) => {
        const request = started.get(requestId);
        const response = answered.get(requestId);
        if (!request || !response) return [];
        return [{ ...request, ...response, status: wireStatus.get(requestId) ?? response.status, bytes }];
      }),
    inFlight: () => [...started.keys()].filter((id) => !ended.has(id)).length,
    clear: () => {
      finished = [];
    },
  };
}

/** A transfer's path, for a report line: `/assets/index-abc.js`. */
export const pathOf = (transfer: Transfer): string => new URL(transfer.url).pathname;

/** Sizes as a person reads them: kB of 1,000 bytes, one decimal. */
export const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;
