import { SingleBar, Presets } from "cli-progress";

/**
 * Progress of a long stage: a bar on a terminal, a plain line every 10 % in
 * logs (CI), nothing for small jobs or when quiet.
 */
export class Progress {
  private bar: SingleBar | null = null;
  private done = 0;
  private lastPct = 0;
  private readonly plain: boolean;

  constructor(
    private readonly total: number,
    private readonly label: string,
    quiet: boolean,
  ) {
    const big = total >= 200;
    this.plain = !quiet && big && !process.stderr.isTTY;
    if (!quiet && big && process.stderr.isTTY) {
      this.bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} files, eta {eta_formatted}`, stream: process.stderr }, Presets.shades_classic);
      this.bar.start(total, 0);
    }
  }

  tick(): void {
    this.done++;
    this.bar?.update(this.done);
    if (this.plain) {
      const pct = Math.floor((this.done / this.total) * 10) * 10;
      if (pct > this.lastPct) {
        this.lastPct = pct;
        process.stderr.write(`${this.label}: ${pct}% (${this.done}/${this.total} files)\n`);
      }
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
