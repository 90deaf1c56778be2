import type { ChangeBatch, ChangeEvent } from '../../../shared/model/change';

/** Receives one committed change and its revision; may be async. What it throws is logged and ignored. */
export type ChangeSubscriber = (event: ChangeEvent, revision: number) => void | Promise<void>;

/** Options of a change feed. */
export interface ChangeFeedOptions {
  /** Recent events kept for long-polls; an older `since` is answered with `reset`. Default 1000. */
  keep?: number;
  /** Where a failing subscriber is reported. Default: console.error. */
  log?: (message: string) => void;
}

interface Waiter {
  since: number;
  resolve: (batch: ChangeBatch) => void;
  timer: NodeJS.Timeout;
}

/**
 * The store's change feed: every committed change, in order, each with a
 * revision one higher than the last (starting at 1 per process). Subscribers
 * are called in subscription order; one that throws, synchronously or by
 * rejecting, is logged and neither stops the others nor the change. Recent
 * events are kept in a bounded ring for long-polls (`wait`).
 */
export class ChangeFeed {
  private current = 0;
  private readonly ring: { revision: number; event: ChangeEvent }[] = [];
  private readonly subscribers = new Set<ChangeSubscriber>();
  private readonly waiters = new Set<Waiter>();
  private readonly keep: number;
  private readonly log: (message: string) => void;
  private closed = false;

  constructor(options: ChangeFeedOptions = {}) {
    this.keep = Math.max(1, options.keep ?? 1000);
    this.log = options.log ?? ((message) => console.error(message));
  }

  /** Revision of the last event; 0 before the first. */
  get revision(): number {
    return this.current;
  }

  /** Calls `subscriber` with every later event; returns the function that stops it. */
  subscribe(subscriber: ChangeSubscriber): () => void {
    const own = (event: ChangeEvent, revision: number) => subscriber(event, revision);
    this.subscribers.add(own);
    return () => {
      this.subscribers.delete(own);
    };
  }

  /**
   * Announces one committed change: gives it the next revision, keeps it for
   * long-polls, wakes waiters and calls every subscriber. Resolves once every
   * subscriber has finished with it (never rejects).
   */
  publish(event: ChangeEvent): Promise<void> {
    const revision = ++this.current;
    this.ring.push({ revision, event });
    if (this.ring.length > this.keep) this.ring.shift();
    this.wake();
    const deliveries = [...this.subscribers].map(async (subscriber) => {
      try {
        await subscriber(event, revision);
      } catch (error) {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
        this.log(`A follower of library changes failed on ${event.kind} (revision ${revision}): ${reason}`);
      }
    });
    return Promise.all(deliveries).then(() => undefined);
  }

  /**
   * The events after `since`, in order. `reset` when some of them are no
   * longer kept or `since` is not a revision of this feed (e.g. from an earlier run).
   */
  since(since: number): ChangeBatch {
    const oldest = this.ring[0]?.revision ?? this.current + 1;
    if (since > this.current || since < oldest - 1) {
      return { revision: this.current, events: [], reset: true };
    }
    const events = this.ring.filter((entry) => entry.revision > since).map((entry) => entry.event);
    return { revision: this.current, events, reset: false };
  }

  /**
   * Long poll: answers at once when there are events after `since` (or a
   * reset), else with the first ones to come, or with none after `timeoutMs`
   * or when `wake` is called.
   */
  wait(since: number, timeoutMs: number): Promise<ChangeBatch> {
    const now = this.since(since);
    if (now.events.length > 0 || now.reset || this.closed || timeoutMs <= 0) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        since,
        resolve,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          resolve(this.since(since));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Answers every waiting long-poll now, with what there is (e.g. when a notice for the user arrives). */
  wake(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(this.since(waiter.since));
    }
    this.waiters.clear();
  }

  /** Answers waiting long-polls; later ones are answered at once. Subscribers stay. */
  close(): void {
    this.closed = true;
    this.wake();
  }
}
