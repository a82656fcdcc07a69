/** Failed sign-ins one username may have in a window, from any number of addresses. */
export const USERNAME_FAILURES_ALLOWED = 10;
/** The window of that limit: 15 minutes from the first failure. */
export const USERNAME_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins per username, whatever address they come from (the limit per address is the rate-limit
 * plugin's): a guesser with many addresses, or one who can choose the address it is counted under, still gets no
 * more than `allowed` guesses at one account per window. An attempt counts from the moment it starts (so parallel
 * guesses cannot all slip in before the first one fails) and is taken back when it succeeds (or fails for a reason of the server's).
 *
 * Kept in memory: each instance counts its own, which bounds a guesser at `allowed` × instances per window.
 */
export class SignInThrottle {
  private readonly windows = new Map<string, { failures: number; endsAt: number }>();
  private nextSweep = 0;

  constructor(
    private readonly allowed = USERNAME_FAILURES_ALLOWED,
    private readonly windowMs = USERNAME_WINDOW_MS,
  ) {}

  /**
   * Starts an attempt at `username`: the seconds until the user may try again when its failures are used up
   * (and the attempt is not counted), else `undefined` and the attempt counts as a failure until `release`d.
   */
  begin(username: string, now = Date.now()): number | undefined {
    this.sweep(now);
    let window = this.windows.get(username);
    if (!window || window.endsAt <= now) {
      window = { failures: 0, endsAt: now + this.windowMs };
      this.windows.set(username, window);
    }
    if (window.failures >= this.allowed) return Math.ceil((window.endsAt - now) / 1000);
    window.failures += 1;
    return undefined;
  }

  /** The attempt begun for `username` was no failure (it succeeded, or failed for another reason than the password). */
  release(username: string): void {
    const window = this.windows.get(username);
    if (window && window.failures > 0) window.failures -= 1;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
    this.nextSweep = now + this.windowMs;
  }
}
