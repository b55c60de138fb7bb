/** The 情况说明 as a .docx in the browser, loaded on demand so the docx library stays out of the main bundle. */
import { Packer } from 'docx';
import { narrativeDocument } from '../docx/narrative-document';
import type { NarrativeDoc } from '../engine/narrative/types';

export async function docxBlob(doc: NarrativeDoc): Promise<Blob> {
  return Packer.toBlob(narrativeDocument(doc));
}
