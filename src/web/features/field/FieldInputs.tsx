import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answers, FormField, LocationAnswer } from '../../../core/forms/types';
import { useField } from './context';
import { ERROR, HINT, LABEL, NOTE } from './fieldStyles';
import { loc } from './live';
import { FileInput, LocationInput, SignatureInput } from './MediaInputs';
import { RepeatInput } from './RepeatInput';
import { SimpleFieldInput, type QuestionLook } from '../../components/SimpleFieldInput';

export interface InputProps {
  field: FormField;
  value: unknown;
  onChange: (v: unknown) => void;
  /** Message per answer path (`key` or `group[2].child`). */
  errors: Record<string, string>;
  /** An answer that does not add up with an earlier one (a checking rule): said, not refused. */
  notes: Record<string, string>;
  path: string;
  reportId: string;
  /** The whole form's answers and the current repeat item (for conditions inside a group). */
  answers: Answers;
  scope?: Answers;
}

/** Large touch targets; many options read better as a native picker than as a long column on a phone. */
const LOOK: QuestionLook = {
  size: 'lg',
  itemSize: 'lg',
  gap: 'sm',
  mt: 6,
  rows: { minRows: 3 },
  number: 'typed',
  boolean: 'segmented',
  pickOne: 'radios-or-native',
  emptyList: 'array',
};

/** One question of a form, by type, with large touch targets. */
export function FieldInput(p: InputProps): ReactElement | null {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const { field, value, onChange } = p;
  const error = p.errors[p.path];
  const note = p.notes[p.path];
  const hint = loc(field.hint, lang);
  const common = {
    label: loc(field.label, lang),
    description: note ? (
      <>
        {hint && <span style={{ display: 'block' }}>{hint}</span>}
        <span style={NOTE} data-testid={`note-${p.path}`}>
          {note}
        </span>
      </>
    ) : (
      hint || undefined
    ),
    error,
    withAsterisk: field.required,
    // One label size for every type (text inputs of size lg would otherwise get bigger labels).
    labelProps: { style: LABEL },
    descriptionProps: { style: HINT },
    errorProps: { style: ERROR },
  };
  switch (field.type) {
    case 'location':
      return (
        <LocationInput
          field={field}
          value={value as LocationAnswer | undefined}
          onChange={onChange}
          error={error}
          path={p.path}
        />
      );
    case 'file':
      return (
        <FileInput
          field={field}
          value={value as string | undefined}
          onChange={onChange}
          error={error}
          reportId={p.reportId}
          path={p.path}
        />
      );
    case 'signature':
      return (
        <SignatureInput
          field={field}
          value={value as string | undefined}
          onChange={onChange}
          error={error}
          reportId={p.reportId}
          path={p.path}
        />
      );
    case 'repeat':
      return <RepeatInput {...p} />;
    default:
      return (
        <SimpleFieldInput
          field={field}
          value={value}
          onChange={onChange}
          look={LOOK}
          wrapper={common}
          words={{ yes: t('yes'), no: t('no'), choose: t('choose') }}
          optionLabel={(o) => loc(o.label, lang)}
          testId={`q-${p.path}`}
          optionTestIds
        />
      );
  }
}
