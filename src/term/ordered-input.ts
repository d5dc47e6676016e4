// Keys handled in the order they were typed: a key that arrives while an earlier one is still being
// handled (Tab completion asking the kernel for a directory) waits for it, so `cat /proc/mod<Tab><Enter>`
// runs `cat /proc/modules` and `ins<Tab><Tab>` completes once. Keys for a running command skip the line
// (`direct`): Ctrl+C must reach it at once.

export class OrderedInput {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: (key: string) => Promise<void>,
    private readonly direct: () => boolean,
  ) {}

  /** Handles `key` after every key before it; returns when it was handled. */
  push(key: string): Promise<void> {
    if (this.direct()) return this.handle(key);
    const done = this.tail.then(() => this.handle(key));
    // A key whose handling failed does not stop the ones after it.
    this.tail = done.catch(() => {});
    return done;
  }
}
