// The server's piece-list document (server/document.ts) against vscode-languageserver-textdocument's
// TextDocument: after every change of random sequences (incremental and full text, ranges out of
// range, reversed, across CRLF pairs, empty documents), the same text, line count, offsets and
// positions, line ranges and EOL characters (TextDocument given each range brought inside the
// document, where it keeps its line offsets right; the piece document does that itself).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceDocuments, PieceTextDocument } from '../../server/document.ts';
import { random } from '../helpers/random.ts';

const ALPHABET = ['a', '年', '\n', '\r', '\r\n', '　', '1', '\t', '😀'];

function same(piece: TextDocument, model: TextDocument, what: string, rand: () => number): void {
  assert.equal(piece.getText(), model.getText(), `${what}: text`);
  assert.equal(piece.lineCount, model.lineCount, `${what}: lineCount`);
  assert.equal(piece.version, model.version, `${what}: version`);
  const len = model.getText().length;
  for (let k = 0; k < 8; k++) {
    const offset = Math.floor(rand() * (len + 4)) - 2;
    assert.deepEqual(piece.positionAt(offset), model.positionAt(offset), `${what}: positionAt(${offset})`);
    const pos = { line: Math.floor(rand() * (model.lineCount + 2)) - 1, character: Math.floor(rand() * 12) - 2 };
    assert.equal(piece.offsetAt(pos), model.offsetAt(pos), `${what}: offsetAt(${JSON.stringify(pos)})`);
    const line = pos.line;
    assert.deepEqual(piece.getLineRange(line), model.getLineRange(line), `${what}: getLineRange(${line})`);
    assert.equal(piece.getEOLCharacters(line), model.getEOLCharacters(line), `${what}: getEOLCharacters(${line})`);
  }
  const a = { line: Math.floor(rand() * model.lineCount), character: Math.floor(rand() * 6) };
  const b = { line: Math.floor(rand() * model.lineCount), character: Math.floor(rand() * 6) };
  assert.equal(piece.getText({ start: a, end: b }), model.getText({ start: a, end: b }), `${what}: getText(range)`);
}

test('random change sequences: the same document as TextDocument after every change', () => {
  for (let seed = 1; seed <= 150; seed++) {
    const rand = random(seed);
    const word = () => Array.from({ length: Math.floor(rand() * 6) }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
    const initial = Array.from({ length: Math.floor(rand() * 12) }, word).join('');
    let model = TextDocument.create('file:///m.txt', 'plaintext', 1, initial);
    let piece = PieceDocuments.create('file:///m.txt', 'plaintext', 1, initial);
    assert.ok(piece instanceof PieceTextDocument);
    same(piece, model, `seed ${seed} initial`, rand);
    for (let step = 0; step < 120; step++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let n = 1 + Math.floor(rand() * 3); n > 0; n--) {
        if (rand() < 0.04) {
          changes.push({ text: Array.from({ length: Math.floor(rand() * 8) }, word).join('') });
          continue;
        }
        const lines = model.lineCount + 2;
        const p = () => ({ line: Math.floor(rand() * lines) - 1, character: Math.floor(rand() * 10) - 1 });
        changes.push({ range: { start: p(), end: p() }, text: rand() < 0.3 ? '' : word() });
      }
      const version = step + 2;
      // TextDocument is given each range as it lies inside the document (out of range it corrupts
      // its own line offsets); the piece document the ranges as sent.
      for (const c of changes) {
        const inside = (p: { line: number; character: number }) => model.positionAt(model.offsetAt(p));
        model = TextDocument.update(model, ['range' in c && c.range ? { range: { start: inside(c.range.start), end: inside(c.range.end) }, text: c.text } : c], version);
      }
      piece = PieceDocuments.update(piece, changes, version);
      same(piece, model, `seed ${seed} step ${step} ${JSON.stringify(changes)}`, rand);
    }
  }
});

test('thousands of keystrokes on a large document: the pieces stay few, the text right', () => {
  const big = '一、总体情况\r\n本机关……\n'.repeat(20_000);
  let model = TextDocument.create('file:///b.txt', 'plaintext', 1, big);
  const piece = PieceDocuments.create('file:///b.txt', 'plaintext', 1, big);
  for (let i = 0; i < 2000; i++) {
    const line = (i * 7919) % 40_000;
    const change = i % 3 === 2 ? { range: { start: { line, character: 1 }, end: { line, character: 2 } }, text: '' } : { range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: i % 5 ? '年' : '\n' };
    model = TextDocument.update(model, [change], i + 2);
    PieceDocuments.update(piece, [change], i + 2);
    if (i % 250 === 0) assert.equal(piece.offsetAt({ line, character: 4 }), model.offsetAt({ line, character: 4 }));
  }
  assert.equal(piece.getText(), model.getText());
  assert.equal(piece.lineCount, model.lineCount);
});
