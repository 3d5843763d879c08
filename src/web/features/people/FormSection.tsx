import { Fieldset } from '@mantine/core';
import type { ReactElement, ReactNode } from 'react';

/** One titled group of the person form; tighter on a phone so the inputs keep their width. */
export function FormSection({ legend, children }: { legend: string; children: ReactNode }): ReactElement {
  return (
    <Fieldset legend={legend} radius="md" px={{ base: 'xs', xs: 'md' }} pb={{ base: 'sm', xs: 'md' }}>
      {children}
    </Fieldset>
  );
}
