// A one-line progress display on stderr, drawn only when stderr is a terminal (and not
// --no-progress): a bar and "done/total", with a label when there is more than one phase (URLs
// fetched, then checked).
export class Progress {
  private done = 0;
  private last = 0;
  private readonly enabled: boolean;

  constructor(private readonly total: number, enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr, private readonly label = '') {
    this.enabled = enabled && stream.isTTY === true && total > 1;
  }

  tick(n = 1): void {
    this.done += n;
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 80 && this.done < this.total) return;
    this.last = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30 - this.label.length));
    const filled = Math.round((this.done / this.total) * width);
    this.stream.write(`\r${this.label ? `${this.label} ` : ''}[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}`);
  }

  end(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
