// Leading and trailing throttle: the first call goes out at once, the last one is never lost.
export function throttle<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let last = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const run = () => {
    timer = undefined
    last = Date.now()
    const args = pending!
    pending = undefined
    fn(...args)
  }
  const call = (...args: A) => {
    pending = args
    const wait = ms - (Date.now() - last)
    if (wait <= 0 && !timer) run()
    else if (!timer) timer = setTimeout(run, wait)
  }
  call.cancel = () => {
    clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  return call
}
