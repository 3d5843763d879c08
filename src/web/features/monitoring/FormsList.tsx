import { Badge, Button, Group, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { CardItem, CardList } from '../../components/CardList';
import { Icon } from '../../components/icons';
import { saveFile } from '../../components/saveFile';
import { TableScroll } from '../../components/TableScroll';
import { usePhone } from '../../components/usePhone';
import { useFormat } from '../../intl/format';
import { AnchorLink } from '../people/AnchorLink';
import { formsApi, PUBLIC_FORM_KEY, type FormSummary } from './api';
import { useL10n } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { monitoringKeys, useInvalidate } from './queries';

/**
 * The published version and the draft over it. At most one draft exists and it is always the latest
 * (forms.service.ts), so a published version under a draft is the one just before it.
 */
function Versions({ form }: { form: FormSummary }): ReactElement {
  const { t } = useTranslation('monitoring');
  const latest = form.latestVersion;
  const draft = latest.status === 'draft' ? latest.version : null;
  const published = draft === null ? latest.version : form.publishedVersionId ? draft - 1 : null;
  const badge = (n: number, status: 'published' | 'draft') => (
    <Group gap={4} wrap="nowrap" data-testid={`form-${status}-${form.id}`}>
      <Text size="sm">{t('forms.versionN', { n })}</Text>
      <Badge variant="light" color={status === 'published' ? 'green' : 'orange'} tt="none">
        {t(`forms:status.${status}`)}
      </Badge>
    </Group>
  );
  return (
    <Group gap="xs" wrap="nowrap">
      {published !== null && badge(published, 'published')}
      {draft !== null && badge(draft, 'draft')}
    </Group>
  );
}

function RowActions({ form }: { form: FormSummary }): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const invalidate = useInvalidate();
  const exp = useMutation({ mutationFn: () => formsApi.exportOne(form.id), onSuccess: saveFile });
  const arch = useMutation({
    mutationFn: () => (form.archived ? formsApi.unarchive(form.id) : formsApi.archive(form.id)),
    onSuccess: () => invalidate(monitoringKeys.forms),
  });
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            size="compact-sm"
            aria-label={t('forms.actionsFor', { title: l10n(form.title) })}
            data-testid={`form-actions-${form.id}`}
          >
            <Icon name="dots" size={16} />
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => exp.mutate()} leftSection={<Icon name="download" size={14} />}>
            {t('forms.export')}
          </Menu.Item>
          {form.editable && (
            <Menu.Item onClick={() => arch.mutate()}>
              {t(form.archived ? 'forms.unarchive' : 'forms.archive')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <MonErrorAlert error={exp.error ?? arch.error} />
    </>
  );
}

/** Where the form came from, and whether it may be changed here or has a newer template. */
function Origin({ form }: { form: FormSummary }): ReactElement {
  const { t } = useTranslation('monitoring');
  return (
    <Group gap={4}>
      <Badge variant="light" color={form.origin === 'template' ? 'grape' : 'blue'} tt="none">
        {t(`forms:origin.${form.origin}`)}
      </Badge>
      {form.key === PUBLIC_FORM_KEY && (
        <Badge variant="light" color="teal" tt="none" data-testid="form-public">
          {t('forms.publicForm')}
        </Badge>
      )}
      {!form.editable && (
        <Badge variant="light" color="gray" tt="none" data-testid="form-admin-only">
          {t('forms.adminOnly')}
        </Badge>
      )}
      {form.templateUpdate && form.editable && (
        <Badge variant="light" color="blue" tt="none" data-testid="template-update">
          {t('forms.templateUpdate')}
        </Badge>
      )}
    </Group>
  );
}

function Title({ form }: { form: FormSummary }): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  return (
    <AnchorLink to="/monitoring/forms/$id" params={{ id: form.id }} fw={600}>
      {l10n(form.title) || t('builder.untitled')}
    </AnchorLink>
  );
}

/** The forms as a table, or one card per form on a phone (the six columns hid versions and actions). */
export function FormsList({ items }: { items: readonly FormSummary[] }): ReactElement {
  const { t } = useTranslation('monitoring');
  const fmt = useFormat();
  const phone = usePhone();
  if (phone)
    return (
      <CardList label={t('forms.title')}>
        {items.map((f) => (
          <CardItem key={f.id} testId={`form-row-${f.id}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Title form={f} />
              <RowActions form={f} />
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t(`forms:kind.${f.kind}`)}
              </Text>
              <Origin form={f} />
            </Group>
            <Group justify="space-between" gap="xs">
              <Versions form={f} />
              <Text size="xs" c="dimmed">
                {fmt.dateTime(f.updatedAt)}
              </Text>
            </Group>
          </CardItem>
        ))}
      </CardList>
    );
  return (
    <TableScroll minWidth={640} label={t('forms.title')}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('forms.colTitle')}</Table.Th>
            <Table.Th>{t('builder.kind')}</Table.Th>
            <Table.Th>{t('forms.colOrigin')}</Table.Th>
            <Table.Th>{t('builder.version')}</Table.Th>
            <Table.Th>{t('forms.colUpdated')}</Table.Th>
            {/* Positioned, so the hidden label stays inside the scrolling table instead of widening the page. */}
            <Table.Th pos="relative">
              <VisuallyHidden>{t('forms.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={f.id} data-testid={`form-row-${f.id}`}>
              <Table.Td>
                <Title form={f} />
              </Table.Td>
              <Table.Td>{t(`forms:kind.${f.kind}`)}</Table.Td>
              <Table.Td>
                <Origin form={f} />
              </Table.Td>
              <Table.Td>
                <Versions form={f} />
              </Table.Td>
              <Table.Td>{fmt.dateTime(f.updatedAt)}</Table.Td>
              <Table.Td>
                <RowActions form={f} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
