// A token bucket: how many messages one connection may send, so that no one client can hold the board.
// It refills continuously at `perSecond` up to `burst`; a message that finds it empty is over budget.
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

  /** Takes one token; false when there is none. */
  take(now = performance.now()): boolean {
    this.tokens = Math.min(this.opts.burst, this.tokens + ((now - this.at) / 1000) * this.opts.perSecond)
    this.at = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
