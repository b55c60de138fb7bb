/**
 * The 情况说明 as a 公文-style Word document: 黑体 headings, 仿宋 body (三号, first-line indent two characters),
 * page numbers in the footer. Shared by the command line (Packer.toBuffer) and the task pane (Packer.toBlob).
 */
import { AlignmentType, Document, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { blockText } from '../engine/narrative/types';
import type { NarrativeDoc } from '../engine/narrative/types';

export function narrativeDocument(doc: NarrativeDoc): Document {
  const run = (text: string, font: string, size: number, bold = false) => new TextRun({ text, font: { name: font, eastAsia: font }, size, bold });
  const paragraphs = doc.blocks.map((b) => {
    const text = blockText(b);
    switch (b.kind) {
      case 'title':
        return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, '黑体', 36, true)] });
      case 'h1':
        return new Paragraph({ spacing: { before: 120, line: 560 }, indent: { firstLine: 640 }, children: [run(text, '黑体', 32)] });
      case 'h2':
        return new Paragraph({ spacing: { line: 560 }, indent: { firstLine: 640 }, children: [run(text, '楷体_GB2312', 32, true)] });
      case 'caption':
        return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, '仿宋_GB2312', 28)] });
      default:
        return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { line: 560 }, indent: { firstLine: 640 }, children: [run(text, '仿宋_GB2312', 32)] });
    }
  });
  const footer = new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28 })] })] });
  return new Document({ sections: [{ properties: {}, footers: { default: footer }, children: paragraphs }] });
}
