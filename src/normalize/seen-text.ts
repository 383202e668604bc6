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
  /** added but not indexed yet: most files never ask, so the index is built on the first question */
  private pending: string[] = [];

  add(s: string): void {
    this.pending.push(s);
  }

  private index(s: string): void {
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
    if (this.pending.length > 0) {
      for (const s of this.pending) this.index(s);
      this.pending = [];
    }
    if (p.length <= PREFIX) return (this.longest.get(p) ?? -1) >= p.length + more;
    return (this.byOpening.get(p.slice(0, PREFIX)) ?? []).some((s) => s.length >= p.length + more && s.startsWith(p));
  }
}

/**
 * "Does an earlier text contain this one?" While the texts are few (SCAN_MAX
 * characters together, a normal article) they are kept joined by line breaks
 * and searched at once: a key without a line break can only be found inside
 * one of them. Past that, each text is indexed under its minimizers: in every
 * run of W consecutive K-character pieces, the piece with the smallest hash. A
 * text of K+W-1 characters or more has at least one whole run, and that run's
 * minimizer is also a minimizer of any text that contains it; so the texts
 * listed under its rarest minimizer are the only candidates, and `includes` on
 * them gives the same answer as a scan.
 */
const K = 4;
const W = 8;
const SCAN_MAX = 1 << 16;
export class ContainmentIndex {
  /** texts by the hash of each of their minimizers (a hash shared by two pieces only adds candidates: `includes` decides); null while the texts are scanned */
  private postings: Map<number, number[]> | null = null;
  private readonly texts: string[] = [];
  private chars = 0;
  /** the texts joined by line breaks, while they are scanned */
  private joined = "";
  /** the last text whose minimizers were worked out: a sentence is looked up, then added */
  private lastText = "";
  private lastMinimizers: number[] = [];

  /** the hashes of the text's minimizers, each once */
  private minimizers(s: string): number[] {
    if (s === this.lastText) return this.lastMinimizers;
    const n = s.length - K + 1;
    let out: number[] = [];
    if (n >= W) {
      const found = new Set<number>();
      const hashes = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        let h = 2166136261;
        for (let j = i; j < i + K; j++) h = Math.imul(h ^ s.charCodeAt(j), 16777619);
        hashes[i] = h >>> 0;
      }
      let prev = -1;
      for (let w = 0; w + W <= n; w++) {
        let best = w;
        for (let i = w + 1; i < w + W; i++) if (hashes[i] < hashes[best]) best = i;
        // the same position chosen again by the next window adds nothing
        if (best !== prev) {
          found.add(hashes[best]);
          prev = best;
        }
      }
      out = Array.from(found);
    }
    this.lastText = s;
    this.lastMinimizers = out;
    return out;
  }

  private post(id: number): void {
    const postings = this.postings!;
    for (const m of this.minimizers(this.texts[id])) {
      const list = postings.get(m);
      if (list) list.push(id);
      else postings.set(m, [id]);
    }
  }

  add(s: string): void {
    const id = this.texts.length;
    this.texts.push(s);
    this.chars += s.length + 1;
    if (this.postings) {
      this.post(id);
    } else if (this.chars > SCAN_MAX) {
      this.postings = new Map();
      this.joined = "";
      for (let i = 0; i <= id; i++) this.post(i);
    } else {
      this.joined = id === 0 ? s : `${this.joined}\n${s}`;
    }
  }

  /** an earlier text contains `key` */
  contains(key: string): boolean {
    if (this.texts.length === 0) return false;
    if (!this.postings) return key.includes("\n") ? this.texts.some((t) => t.includes(key)) : this.joined.includes(key);
    if (key.length < K + W - 1) return this.texts.some((t) => t.includes(key));
    let rarest: number[] | null = null;
    for (const m of this.minimizers(key)) {
      const list = this.postings.get(m);
      if (!list) return false;
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).some((id) => this.texts[id].includes(key));
  }
}
