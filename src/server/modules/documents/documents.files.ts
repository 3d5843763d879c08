import { envelope } from '../../platform/context.ts';
import { registerFileOwner } from '../../platform/files/registry.ts';
import { CONTENT_FIELD, documentKey } from './documents.presenter.ts';
import { documentsRepo } from './documents.repo.ts';

const PAGE = 200;

/** Case documents own stored files: `ukuk files verify` re-hashes them with the others. */
registerFileOwner({
  name: 'case_documents',
  async *list(ctx) {
    const env = envelope(ctx);
    let after: string | null = null;
    for (;;) {
      const rows = await documentsRepo.page(ctx.db, after, PAGE);
      for (const r of rows)
        yield {
          owner: 'case_documents',
          recordId: r.id,
          storageKey: r.storage_key,
          field: CONTENT_FIELD,
          sha256: r.sha256,
          size: Number(r.size),
          key: () => documentKey(env, r),
        };
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  },
});
