// PDFs written by hand for the limits of the PDF reader (test/engine/pdf.test.ts, bench/pdf.bench.ts).
import { deflateSync } from 'node:zlib';

/** A PDF file of these objects (object i + 1 is objects[i], 1 the catalog), with its cross-reference table. */
export function pdfFile(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  let size = parts[0].length;
  const offsets = objects.map((o, i) => {
    const at = size;
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof o === 'string' ? Buffer.from(o, 'latin1') : o, Buffer.from('\nendobj\n')]);
    parts.push(b);
    size += b.length;
    return at;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/**
 * A one-page PDF whose content stream (object 4) is `content`, its stream dictionary `/Length` and
 * then `dict` (a `/Filter`, say), with Helvetica — one of the standard 14, not embedded — as /F1.
 */
export function helveticaPdf(content: Buffer, dict = ''): Buffer {
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${content.length}${dict} >>\nstream\n`), content, Buffer.from('\nendstream')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/**
 * A one-page PDF whose content stream is `decoded` bytes of text operators (Helvetica, one piece of
 * text a line, about 60 bytes each), FlateDecode'd: a file of a few hundred KB that inflates to many
 * MB — under any file-size cap, and a million pieces of text on one page at 60 MB.
 */
export function inflatingPdf(decoded: number): Buffer {
  const line = Buffer.from('BT /F1 10 Tf 72 700 Td (applications received 12 34 56) Tj ET\n', 'latin1');
  const n = Math.ceil(decoded / line.length);
  const raw = Buffer.alloc(n * line.length);
  for (let i = 0; i < n; i++) line.copy(raw, i * line.length);
  return helveticaPdf(deflateSync(raw, { level: 9 }), ' /Filter /FlateDecode');
}

/**
 * A one-page PDF of CJK lines in a font that is not embedded — STSong-Light, Adobe-GB1, its codes
 * in the predefined CMap UniGB-UCS2-H — as PDF libraries write Chinese when they leave the font to
 * the reader: its text needs the CMaps UniGB-UCS2-H and Adobe-GB1-UCS2.
 */
export function unembeddedCjkPdf(lines: string[]): Buffer {
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${760 - i * 20} Td <${hex(l)}> Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfFile(objects);
}
