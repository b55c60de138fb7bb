/**
 * Megabyte-sized hostile texts (issue #13) go through the narrative reader and the .docx paragraph reader: every
 * pattern over user text is linear, so they finish, and every figure in them is still accounted for. How long they
 * take is a figure of `npm run bench` (bench/narrative.ts), not an assertion here: the machine is shared. The
 * timeout only turns a hang into a failure.
 */
import JSZip from 'jszip';
import { auditNarrativeFigures } from '../../src/engine/narrative';
import { docxParagraphs } from '../../src/cli/narrative';
import { ctxOf, EXAMPLE } from './helpers';
import { hostileTexts, unclosedParagraphs } from './hostile-texts';

const MEGABYTE = 1 << 20;
const HANG = 120_000;

describe.each(hostileTexts(MEGABYTE).map((t) => [t.name, t] as const))('%s', (_, text) => {
  test(
    'is read to the end, every figure counted',
    () => {
      const { findings, figures } = auditNarrativeFigures(ctxOf(EXAMPLE), text.lines, { source: 'hostile.txt', unit: 'line' });
      expect(figures.checked + figures.unverifiable + figures.unrecognised).toBe(figures.total);
      // Open figures are reported, never dropped.
      if (figures.unrecognised) expect(findings.some((f) => f.rule === 'narrative/unrecognised')).toBe(true);
    },
    HANG,
  );
});

test(
  'a .docx with 200,000 unclosed <w:p> is read (the closed paragraph after them is found)',
  async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', unclosedParagraphs(200_000));
    expect(await docxParagraphs(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual(['正文']);
  },
  HANG,
);

test('a .docx with empty and ordinary paragraphs keeps their order', async () => {
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:body><w:p><w:pPr/><w:r><w:t xml:space="preserve">一、</w:t></w:r><w:r><w:t>收入</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>a&amp;b</w:t></w:r></w:p></w:body>');
  expect(await docxParagraphs(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual(['一、收入', '', 'a&b']);
});
