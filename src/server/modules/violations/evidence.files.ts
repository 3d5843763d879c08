import { envelope } from '../../platform/context.ts';
import { registerFileOwner } from '../../platform/files/registry.ts';
import { registerPersonMergeHook } from '../people/people.service.ts';
import { CONTENT_FIELD, evidenceKey, TABLE, THUMB_FIELD } from './evidence.presenter.ts';
import { evidenceRepo } from './evidence.repo.ts';

const PAGE = 200;

/**
 * Evidence originals and their thumbnails are stored files: `ukuk files verify` re-hashes them with the
 * others (and does not call them orphans), and backups carry them with the files folder.
 */
registerFileOwner({
  name: TABLE,
  async *list(ctx) {
    const env = envelope(ctx);
    let after: string | null = null;
    for (;;) {
      const rows = await evidenceRepo.pageVisible(ctx.db, null, after, PAGE);
      for (const r of rows) {
        const key = () => evidenceKey(env, r);
        yield {
          owner: TABLE,
          recordId: r.id,
          storageKey: r.storage_key,
          field: CONTENT_FIELD,
          sha256: r.sha256,
          size: Number(r.size),
          key,
        };
        if (r.thumb_key && r.thumb_sha256)
          yield {
            owner: `${TABLE}.thumbnail`,
            recordId: r.id,
            storageKey: r.thumb_key,
            field: THUMB_FIELD,
            sha256: r.thumb_sha256,
            size: Number(r.thumb_size),
            key,
          };
      }
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  },
});

/** A person merged into another takes their evidence along. */
registerPersonMergeHook(async (tx, fromId, intoId) => {
  await evidenceRepo.movePerson(tx, fromId, intoId);
});
