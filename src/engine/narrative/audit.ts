import { NarrativeContext } from '.';
import { NarrativeFinding } from './types';
export interface AuditOptions { readonly source: string; readonly unit: 'line' | 'paragraph' }
export function auditNarrative(_ctx: NarrativeContext, _units: ReadonlyArray<string>, _o: AuditOptions): NarrativeFinding[] { return []; }
