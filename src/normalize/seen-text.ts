/**
 * Indexes over text seen earlier in a file, for the rules that compare each
 * line with everything before it (rejoin-broken-lines, drop-repeats). They
 * give exactly the answers of a scan over the earlier texts, without the scan:
 * a scan per line made long files quadratic (minutes for a few megabytes).
 */

/**
 * "Does an earlier text start with this one and go on?": the longest text under
 * each short prefix, and the texts grouped by their first PREFIX characters.
 */
const PREFIX = 16;
export class Openings {
  private readonly longest = new Map<string, number>();
  private readonly byOpening = new Map<string, string[]>();

  add(s: string): void {
    for (let n = 0; n <= Math.min(PREFIX, s.length); n++) {
      const key = s.slice(0, n);
      if ((this.longest.get(key) ?? -1) < s.length) this.longest.set(key, s.length);
    }
    if (s.length > PREFIX) {
      const key = s.slice(0, PREFIX);
      const list = this.byOpening.get(key);
      if (list) list.push(s);
      else this.byOpening.set(key, [s]);
    }
  }

  /** some earlier text starts with `p` and is longer */
  continues(p: string): boolean {
    return this.startsWith(p, 1);
  }

  /** some earlier text starts with `p` (or is `p`) */
  opensWith(p: string): boolean {
    return this.startsWith(p, 0);
  }

  private startsWith(p: string, more: number): boolean {
    if (p.length <= PREFIX) return (this.longest.get(p) ?? -1) >= p.length + more;
    return (this.byOpening.get(p.slice(0, PREFIX)) ?? []).some((s) => s.length >= p.length + more && s.startsWith(p));
  }
}

/**
 * "Does an earlier text contain this one?" Each text is indexed under its
 * minimizers: in every run of W consecutive K-character pieces, the piece with
 * the smallest hash. A text of K+W-1 characters or more has at least one whole
 * run, and that run's minimizer is also a minimizer of any text that contains
 * it; so the texts listed under its rarest minimizer are the only candidates,
 * and `includes` on them gives the same answer as a scan.
 */
const K = 4;
const W = 8;
export class ContainmentIndex {
  private readonly postings = new Map<string, number[]>();
  private readonly texts: string[] = [];

  private static minimizers(s: string): Set<string> {
    const out = new Set<string>();
    const hashes: number[] = [];
    for (let i = 0; i + K <= s.length; i++) {
      let h = 2166136261;
      for (let j = i; j < i + K; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
      hashes.push(h >>> 0);
    }
    for (let w = 0; w + W <= hashes.length; w++) {
      let best = w;
      for (let i = w + 1; i < w + W; i++) if (hashes[i] < hashes[best]) best = i;
      out.add(s.slice(best, best + K));
    }
    return out;
  }

  add(s: string): void {
    const id = this.texts.length;
    this.texts.push(s);
    for (const m of ContainmentIndex.minimizers(s)) {
      const list = this.postings.get(m);
      if (list) list.push(id);
      else this.postings.set(m, [id]);
    }
  }

  /** an earlier text contains `key` */
  contains(key: string): boolean {
    if (key.length < K + W - 1) return this.texts.some((t) => t.includes(key));
    let rarest: number[] | null = null;
    for (const m of ContainmentIndex.minimizers(key)) {
      const list = this.postings.get(m);
      if (!list) return false;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).some((id) => this.texts[id].includes(key));
  }
}

