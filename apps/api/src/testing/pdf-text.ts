import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One run of text as a PDF viewer places it: its page, its box (points, origin bottom left). */
export interface PdfTextItem {
  page: number;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every non-blank text item of a PDF, with its box, by pdf.js (what a reader's viewer extracts). */
export async function pdfTextItems(bytes: Uint8Array): Promise<PdfTextItem[]> {
  const task = getDocument({ data: bytes, useSystemFonts: false });
  const pdf = await task.promise;
  const items: PdfTextItem[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      items.push({ page, text: item.str, x: x!, y: y!, width: item.width, height: item.height });
    }
  }
  await task.destroy();
  return items;
}

/** The PDF's text, one item a line, whitespace collapsed: for "does it say …" checks. */
export function pdfText(items: readonly PdfTextItem[]): string {
  return items.map((item) => item.text.replace(/\s+/g, ' ')).join('\n');
}

/** Pairs of text items whose boxes overlap (printed over each other), beyond a rounding tolerance. */
export function overlappingItems(items: readonly PdfTextItem[], tolerance = 0.5): [PdfTextItem, PdfTextItem][] {
  const overlaps: [PdfTextItem, PdfTextItem][] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i]!;
      const b = items[j]!;
      if (a.page !== b.page) continue;
      const across = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const down = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (across > tolerance && down > tolerance) overlaps.push([a, b]);
    }
  }
  return overlaps;
}
