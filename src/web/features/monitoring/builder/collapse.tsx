import { Button, Group } from '@mantine/core';
import { createContext, useContext, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormField } from '../../../../core/forms/types';

/**
 * Which questions of the builder are folded to one summary line. A shipped template has 60 and more
 * questions, each editor card a screen high: opened folded, the form reads as a list of questions
 * and the one to change is found and opened. Short forms open unfolded, as they were.
 *
 * The page keeps the folded keys (not each card): moving a question keeps its state, and "fold all" /
 * "unfold all" reach every card. A question not in the set is open, so one just added is open.
 */
export const FOLD_OVER = 12;

function keysOf(fields: FormField[], out: string[] = []): string[] {
  for (const f of fields) {
    out.push(f.key);
    if (f.fields) keysOf(f.fields, out);
  }
  return out;
}

export function questionKeys(def: FormDefinition): string[] {
  return def.sections.flatMap((s) => keysOf(s.fields));
}

export interface Folding {
  isFolded: (key: string) => boolean;
  toggle: (key: string) => void;
  unfold: (key: string) => void;
  foldAll: (def: FormDefinition) => void;
  unfoldAll: () => void;
  /** Drops keys no longer in the form: a new question may get a removed one's key and must open. */
  prune: (def: FormDefinition) => void;
  count: number;
}

export function useFolding(initial: FormDefinition): Folding {
  const [folded, setFolded] = useState<ReadonlySet<string>>(() => {
    const keys = questionKeys(initial);
    return new Set(keys.length > FOLD_OVER ? keys : []);
  });
  const change = (f: (s: Set<string>) => void) =>
    setFolded((prev) => {
      const next = new Set(prev);
      f(next);
      return next;
    });
  return {
    isFolded: (key) => folded.has(key),
    toggle: (key) => change((s) => (s.has(key) ? s.delete(key) : s.add(key))),
    unfold: (key) => {
      if (folded.has(key)) change((s) => s.delete(key));
    },
    foldAll: (def) => setFolded(new Set(questionKeys(def))),
    unfoldAll: () => setFolded(new Set()),
    prune: (def) => {
      const keep = new Set(questionKeys(def));
      if ([...folded].some((k) => !keep.has(k))) change((s) => s.forEach((k) => keep.has(k) || s.delete(k)));
    },
    count: folded.size,
  };
}

const FoldContext = createContext<Folding | null>(null);

export const FoldProvider = FoldContext.Provider;

export function useFold(): Folding {
  const fold = useContext(FoldContext);
  if (!fold) throw new Error('useFold outside FoldProvider');
  return fold;
}

/** "Fold all" / "Unfold all" above the sections, once the form has questions. */
export function FoldAllButtons({
  def,
  folding,
}: {
  def: FormDefinition;
  folding: Folding;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const total = questionKeys(def).length;
  if (total === 0) return null;
  return (
    <Group gap="xs" justify="flex-end">
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={folding.count >= total}
        onClick={() => folding.foldAll(def)}
        data-testid="fold-all"
      >
        {t('builder.foldAll')}
      </Button>
      <Button
        variant="subtle"
        size="compact-sm"
        disabled={folding.count === 0}
        onClick={folding.unfoldAll}
        data-testid="unfold-all"
      >
        {t('builder.unfoldAll')}
      </Button>
    </Group>
  );
}
