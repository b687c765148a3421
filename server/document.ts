// The server's open documents: vscode-languageserver-textdocument's TextDocument, with incremental
// changes applied as pieces rather than a new string each.
//
// TextDocument.update builds `before + text + after` for every change and then reads characters of
// the result, which flattens it: a copy of the whole document per keystroke, in V8's large-object
// space for anything over 64 K characters. On a 230 KB report that is about 1 ms of CPU per change,
// so 10,000 rapid edits kept the server busy for 10 s and more after the last one (issue 18). Here a
// change splits a short list of pieces (slices of the last flat text and the inserted strings); the
// text is joined once, when someone reads it (a check, a request), or when the list grows long.
// Line offsets are kept up to date on every change exactly as TextDocument keeps them, so
// positions, offsets and the text are the same as TextDocument's after any sequence of changes
// (test/server/document.test.ts compares them).
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A slice [from, to) of a string. */
interface Piece {
  s: string;
  from: number;
  to: number;
}

/** More pieces than this and the text is joined: reading a character walks the list. */
const MAX_PIECES = 64;

const LF = 10;
const CR = 13;
const isEol = (c: number) => c === CR || c === LF;

/** Offsets of line starts in `text` (after the first line), as TextDocument computes them. */
function lineStarts(text: string, isAtLineStart: boolean, textOffset = 0): number[] {
  const out: number[] = isAtLineStart ? [textOffset] : [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (isEol(ch)) {
      if (ch === CR && i + 1 < text.length && text.charCodeAt(i + 1) === LF) i++;
      out.push(textOffset + i + 1);
    }
  }
  return out;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

export class PieceTextDocument implements TextDocument {
  private pieces: Piece[];
  private length: number;
  private lineOffsets: number[] | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private _version: number,
    text: string,
  ) {
    this.pieces = [{ s: text, from: 0, to: text.length }];
    this.length = text.length;
  }

  get version(): number {
    return this._version;
  }

  get lineCount(): number {
    return this.getLineOffsets().length;
  }

  getText(range?: Range): string {
    const text = this.flat();
    if (!range) return text;
    return text.substring(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) {
        // Positions outside the document are first brought inside it (as offsetAt clamps them), so
        // the line offsets below are kept for lines that exist: TextDocument splices its offsets at
        // the range's line numbers as given, and a line past the end or a negative character left
        // them unordered (NaN, even), after which its text went wrong too.
        const inside = (p: Position) => this.positionAt(this.offsetAt(p));
        const range = wellFormed({ start: inside(change.range.start), end: inside(change.range.end) });
        const startOffset = this.offsetAt(range.start);
        const endOffset = this.offsetAt(range.end);
        this.splice(startOffset, endOffset, change.text);
        const insertedEnd = startOffset + change.text.length;
        // A change that makes or splits a CRLF pair: line offsets recomputed from the text.
        const crlfAtStart = this.charCodeAt(startOffset - 1) === CR && this.charCodeAt(startOffset) === LF;
        const crlfAtEnd = this.charCodeAt(insertedEnd - 1) === CR && this.charCodeAt(insertedEnd) === LF;
        if (crlfAtStart || crlfAtEnd) {
          this.lineOffsets = undefined;
          continue;
        }
        const startLine = Math.max(range.start.line, 0);
        const endLine = Math.max(range.end.line, 0);
        let offsets = this.lineOffsets!;
        const added = lineStarts(change.text, false, startOffset);
        if (endLine - startLine === added.length) {
          for (let i = 0; i < added.length; i++) offsets[i + startLine + 1] = added[i];
        } else if (added.length < 10_000) {
          offsets.splice(startLine + 1, endLine - startLine, ...added);
        } else {
          this.lineOffsets = offsets = offsets.slice(0, startLine + 1).concat(added, offsets.slice(endLine + 1));
        }
        const diff = change.text.length - (endOffset - startOffset);
        if (diff !== 0) for (let i = startLine + 1 + added.length; i < offsets.length; i++) offsets[i] += diff;
      } else if (typeof change.text === 'string') {
        this.pieces = [{ s: change.text, from: 0, to: change.text.length }];
        this.length = change.text.length;
        this.lineOffsets = undefined;
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this._version = version;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.length), 0);
    const offsets = this.getLineOffsets();
    let low = 0;
    let high = offsets.length;
    if (high === 0) return { line: 0, character: offset };
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (offsets[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    offset = this.beforeEol(offset, offsets[line]);
    return { line, character: offset - offsets[line] };
  }

  offsetAt(position: Position): number {
    const offsets = this.getLineOffsets();
    if (position.line >= offsets.length) return this.length;
    if (position.line < 0) return 0;
    const lineOffset = offsets[position.line];
    if (position.character <= 0) return lineOffset;
    const next = position.line + 1 < offsets.length ? offsets[position.line + 1] : this.length;
    return this.beforeEol(Math.min(lineOffset + position.character, next), lineOffset);
  }

  getLineRange(line: number): Range {
    const offsets = this.getLineOffsets();
    if (line >= offsets.length) {
      const last = offsets.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - offsets[last] } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = offsets[line];
    const next = line + 1 < offsets.length ? offsets[line + 1] : this.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeEol(next, start) - start } };
  }

  getEOLCharacters(line: number): string {
    const offsets = this.getLineOffsets();
    if (line >= offsets.length || line < 0) return '';
    const next = line + 1 < offsets.length ? offsets[line + 1] : this.length;
    // substring, as TextDocument does (it swaps its arguments where odd edits left offsets unordered).
    return this.flat().substring(this.beforeEol(next, offsets[line]), next);
  }

  private beforeEol(offset: number, lineOffset: number): number {
    while (offset > lineOffset && isEol(this.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private getLineOffsets(): number[] {
    if (this.lineOffsets === undefined) this.lineOffsets = lineStarts(this.flat(), true);
    return this.lineOffsets;
  }

  /** The character code at `offset` of the current text (NaN outside it, as String#charCodeAt). */
  private charCodeAt(offset: number): number {
    if (offset < 0 || offset >= this.length) return NaN;
    for (const p of this.pieces) {
      const n = p.to - p.from;
      if (offset < n) return p.s.charCodeAt(p.from + offset);
      offset -= n;
    }
    return NaN;
  }

  /**
   * The current text becomes text[0, start) + `text` + text[end, length), with String#substring's
   * clamping and swapping, exactly as TextDocument builds it (where odd ranges leave its line offsets
   * unordered, end may come before start).
   */
  private splice(start: number, end: number, text: string): void {
    const out = this.slice(0, start);
    if (text.length) out.push({ s: text, from: 0, to: text.length });
    out.push(...this.slice(end, this.length));
    this.pieces = out;
    this.length = out.reduce((n, p) => n + p.to - p.from, 0);
    if (this.pieces.length > MAX_PIECES) this.flat();
  }

  /** Pieces of the current text's substring(a, b). */
  private slice(a: number, b: number): Piece[] {
    // As substring converts its arguments: undefined and NaN are 0, fractions are cut off.
    const clamp = (x: number | undefined) => {
      const v = Math.trunc(Number(x));
      return Number.isNaN(v) ? 0 : Math.max(0, Math.min(v, this.length));
    };
    let from = clamp(a);
    let to = clamp(b);
    if (from > to) [from, to] = [to, from];
    const out: Piece[] = [];
    let at = 0;
    for (const p of this.pieces) {
      const n = p.to - p.from;
      const lo = Math.max(from, at);
      const hi = Math.min(to, at + n);
      if (lo < hi) out.push({ s: p.s, from: p.from + (lo - at), to: p.from + (hi - at) });
      at += n;
      if (at >= to) break;
    }
    return out;
  }

  /** The current text as one string (joined once, then kept as the only piece). */
  private flat(): string {
    if (this.pieces.length === 1 && this.pieces[0].from === 0 && this.pieces[0].to === this.pieces[0].s.length) return this.pieces[0].s;
    const text = this.pieces.length === 0 ? '' : this.pieces.map((p) => p.s.slice(p.from, p.to)).join('');
    this.pieces = [{ s: text, from: 0, to: text.length }];
    return text;
  }
}

/** What TextDocuments takes to make and change its documents (in place of TextDocument's own). */
export const PieceDocuments = {
  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    return new PieceTextDocument(uri, languageId, version, content);
  },
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    if (document instanceof PieceTextDocument) {
      document.update(changes, version);
      return document;
    }
    return TextDocument.update(document, changes, version);
  },
};
