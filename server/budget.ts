// A token bucket: how many messages (or bytes) one connection may send, so that no one client can hold
// the board. It refills continuously at `perSecond` up to `burst`; what finds too few tokens is over budget.
export interface BudgetOptions {
  perSecond: number
  burst: number
}

export class Budget {
  private tokens: number
  private at: number

  constructor(
    private readonly opts: BudgetOptions,
    now = performance.now(),
  ) {
    this.tokens = opts.burst
    this.at = now
  }

  /** Takes `n` tokens; false when there are fewer. */
  take(n = 1, now = performance.now()): boolean {
    this.tokens = Math.min(this.opts.burst, this.tokens + ((now - this.at) / 1000) * this.opts.perSecond)
    this.at = now
    if (this.tokens < n) return false
    this.tokens -= n
    return true
  }
}
