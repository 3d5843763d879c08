import { Modal, type ModalProps } from '@mantine/core';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Mantine's Modal with a translated label on its close button (an icon-only button). */
export function AppModal(props: ModalProps): ReactElement {
  const { t } = useTranslation();
  return <Modal centered closeButtonProps={{ 'aria-label': t('common.close') }} {...props} />;
}
