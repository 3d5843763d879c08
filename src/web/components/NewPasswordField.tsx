import { PasswordInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordStrength } from './PasswordStrength';

/** A new-password field with its live strength hint, wired for screen readers. */
export function NewPasswordField({
  name,
  strengthId,
  inputProps,
  autoFocus = false,
}: {
  name: string;
  strengthId: string;
  inputProps: GetInputPropsReturnType;
  autoFocus?: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const value = typeof inputProps.value === 'string' ? inputProps.value : '';
  return (
    <>
      <PasswordInput
        name={name}
        label={t('auth.fields.newPassword')}
        autoComplete="new-password"
        required
        data-autofocus={autoFocus || undefined}
        aria-describedby={strengthId}
        {...inputProps}
      />
      <PasswordStrength password={value} id={strengthId} />
    </>
  );
}
