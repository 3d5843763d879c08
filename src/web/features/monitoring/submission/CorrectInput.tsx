import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE } from '../../../../core/forms/correctable';
import type { FormField } from '../../../../core/forms/types';
import { SimpleFieldInput, type QuestionLook } from '../../../components/SimpleFieldInput';
import { pick, useLocale } from '../l10n';

/**
 * A choice whose vocabulary had no terms when the form was published (its options are snapshotted then)
 * offers nothing to pick: it is left as the observer chose.
 */
export const correctable = (f: FormField) =>
  CORRECTABLE.has(f.type) && !(f.vocabulary !== undefined && !(f.options ?? []).length);

/**
 * A dialog on a desk: a choice is a picker (searchable when long, cleared unless required). A number is
 * text as on the phone, but the box shows the answer as it is read ("7,5" turns into "7.5" at once).
 */
const LOOK: QuestionLook = {
  gap: 6,
  mt: 4,
  rows: { minRows: 2, maxRows: 8 },
  number: 'echo',
  boolean: 'radios',
  pickOne: 'select',
  emptyList: 'none',
};

/**
 * One answer to correct, in the reviewer's language, with the form's own labels and options. Unlike the
 * phone's inputs these sit in a dialog on a desk: a long list of options is a searchable picker.
 */
export function CorrectInput(props: {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
}): ReactElement | null {
  const { t } = useTranslation('monitoring');
  const lng = useLocale();
  const { field } = props;
  return (
    <SimpleFieldInput
      {...props}
      look={LOOK}
      wrapper={{
        label: pick(field.label, lng) || field.key,
        description: pick(field.hint, lng) || undefined,
        withAsterisk: !!field.required,
      }}
      words={{ yes: t('preview.yes'), no: t('preview.no') }}
      optionLabel={(o) => pick(o.label, lng) || o.key}
      testId={`correct-${field.key}`}
    />
  );
}
