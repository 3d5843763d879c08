import { sectionHeading } from './translations';
import { List, Stack, Text } from '@mantine/core';
import { createContext, useContext, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '../../../../core/forms/types';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { pick, useLocale } from '../l10n';
import {
  dependentsOn,
  dropConditionsOn,
  fieldsAt,
  keysGoneWith,
  removePath,
  type Dependent,
} from './dependents';

/** Removes the section or question at an editor path (`sections.1.fields.2`); see dependents.ts. */
type Remove = (path: string) => void;

const RemoveContext = createContext<Remove | null>(null);

/** Lets the section and question editors remove through the page, which sees the whole form. */
export const RemoveProvider = RemoveContext.Provider;

export function useRemove(): Remove {
  const remove = useContext(RemoveContext);
  if (!remove) throw new Error('useRemove outside RemoveProvider');
  return remove;
}

interface Pending {
  path: string;
  keys: Set<string>;
  deps: Dependent[];
}

/**
 * Removal for the builder page: at once when nothing depends on what goes; otherwise a dialog names
 * the questions and sections whose condition refers to it, and confirming removes those conditions
 * too (the dependents then always show), so the form never keeps a condition on a missing question.
 */
export function useRemoval(
  def: FormDefinition,
  setDef: (d: FormDefinition) => void,
): { remove: Remove; dialog: ReactElement } {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const [pending, setPending] = useState<Pending | null>(null);
  const remove = (path: string) => {
    const keys = keysGoneWith(def, path);
    const after = removePath(def, path);
    const deps = dependentsOn(after, keys);
    if (deps.length === 0) setDef(after);
    else setPending({ path, keys, deps });
  };
  const sectionName = (i: number) => sectionHeading(t, i + 1, pick(def.sections[i]?.title, lng));
  const name = (d: Dependent) => (d.field ? pick(d.field.label, lng) || d.field.key : sectionName(d.section));
  const isSection = pending !== null && !pending.path.includes('.fields.');
  const target = pending && !isSection ? fieldsAt(def, pending.path)[0] : undefined;
  const count = pending?.deps.length ?? 0;
  const dialog = (
    <ConfirmModal
      opened={pending !== null}
      title={t(isSection ? 'builder.removeDeps.titleSection' : 'builder.removeDeps.titleField')}
      confirmLabel={t('builder.removeDeps.confirm')}
      danger
      onConfirm={() => {
        if (pending) setDef(dropConditionsOn(removePath(def, pending.path), pending.keys));
        setPending(null);
      }}
      onClose={() => setPending(null)}
    >
      <Stack gap="xs" data-testid="remove-deps">
        <Text>
          {isSection
            ? t('builder.removeDeps.section', { count })
            : t('builder.removeDeps.field', {
                count,
                name: target ? pick(target.label, lng) || target.key : '',
              })}
        </Text>
        <List size="sm" withPadding>
          {pending?.deps.map((d, i) => (
            <List.Item key={i}>{name(d)}</List.Item>
          ))}
        </List>
        <Text size="sm">{t('builder.removeDeps.outcome', { count })}</Text>
      </Stack>
    </ConfirmModal>
  );
  return { remove, dialog };
}
