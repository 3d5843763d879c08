import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import type { TFunction } from 'i18next';
import { AUDIT_ACTIONS, AUDIT_FAMILIES, auditFamily } from '../../../core/audit-actions';

/** An audit action's label in the UI language; the code itself for an action no catalog names. */
export function actionLabel(t: TFunction, action: string): string {
  return t(`audit.actions.${action}`, { ns: 'ui', defaultValue: action });
}

/**
 * The action filter's options: a group per family, sorted by its name in `locale`, offering the whole
 * family first (`auth.*`, which the server reads as a prefix) and then each action. A value from the
 * URL that is none of these (an old bookmark) gets an option of its own, labelled with its code, so
 * the filter still shows what the list is filtered by.
 */
export function actionOptions(t: TFunction, locale: string, fromUrl?: string): ComboboxParsedItem[] {
  const groups = AUDIT_FAMILIES.map((family) => {
    const name = t(`audit.families.${family}`, { ns: 'ui', defaultValue: family });
    const items: ComboboxItem[] = [
      { value: `${family}.*`, label: t('audit.filters.allInFamily', { ns: 'ui', family: name }) },
      ...AUDIT_ACTIONS.filter((a) => auditFamily(a) === family).map((a) => ({
        value: a,
        label: actionLabel(t, a),
      })),
    ];
    return { group: name, items };
  }).sort((a, b) => a.group.localeCompare(b.group, locale));
  const known = groups.some((g) => g.items.some((i) => i.value === fromUrl));
  return fromUrl && !known ? [{ value: fromUrl, label: fromUrl }, ...groups] : groups;
}

/**
 * Finds an action by its label or its code (`auth.login`), as the log shows both; a search that
 * matches a family's name keeps the whole family.
 */
export const filterActions: OptionsFilter = ({ options, search }) => {
  const q = search.trim().toLowerCase();
  if (!q) return options;
  const hit = (o: ComboboxItem) => o.label.toLowerCase().includes(q) || o.value.toLowerCase().includes(q);
  return options.flatMap((o): ComboboxParsedItem[] => {
    if (!('group' in o)) return hit(o) ? [o] : [];
    if (typeof o.group === 'string' && o.group.toLowerCase().includes(q)) return [o];
    const items = o.items.filter(hit);
    return items.length > 0 ? [{ ...o, items }] : [];
  });
};
