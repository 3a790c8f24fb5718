import type { PrintRecord } from '../domain/documents/pdf-prints.ts';
import { isConditionalFailure, type OrgScope, recordOf, type WriteContext } from './org-scope.ts';

/**
 * Prints of documents (SKP, evaluations), one record per code: what the document is and whom it concerns (as
 * printed), and the content it showed (its fingerprint). Written once, when that content is first printed; each
 * download is recorded in the audit trail by the use case (recordDownload). Keys:
 *   pk ORG#o#PRINT#<code> / sk PRINT                               one print, by its code (the verification page)
 *        gsi1 ORG#o#PRINTS#<nip> / <ref>#<fingerprint>              a document's print of the same content (reused)
 */
export class PrintRepository {
  constructor(private readonly scope: OrgScope) {}

  key(code: string) {
    return { pk: this.scope.key('PRINT', code), sk: 'PRINT' };
  }

  async get(code: string): Promise<PrintRecord | undefined> {
    const item = await this.scope.get('main', this.key(code).pk, 'PRINT');
    return item
      ? (recordOf(item, 'version', 'createdAt', 'updatedAt', 'updatedBy') as unknown as PrintRecord)
      : undefined;
  }

  /** The print of this document with this content, if it was printed before (its code is reused). */
  async find(nip: string, ref: string, fingerprint: string): Promise<PrintRecord | undefined> {
    const sk = `${ref}#${fingerprint}`;
    const page = await this.scope.query('main', {
      index: 'gsi1',
      pk: this.scope.key('PRINTS', nip),
      between: [sk, sk],
      limit: 1,
    });
    const code = page.items[0]?.code;
    return typeof code === 'string' ? this.get(code) : undefined;
  }

  /** A new print; false when the code is taken (the caller draws another). */
  async create(p: PrintRecord, ctx: WriteContext): Promise<boolean> {
    try {
      await this.scope.put(
        'main',
        {
          ...this.key(p.code),
          gsi1pk: this.scope.key('PRINTS', p.nip),
          gsi1sk: `${p.ref}#${p.fingerprint}`,
          ...p,
          subjectNip: p.nip,
          ...this.scope.stamp('Print', p.code, ctx),
        },
        { expression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
  }
}
