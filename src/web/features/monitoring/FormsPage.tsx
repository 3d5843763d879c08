import {
  Badge,
  Button,
  EmptyState,
  FileButton,
  Group,
  Menu,
  ScrollArea,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { AnchorLink } from '../people/AnchorLink';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormKind } from '../../../core/forms/types';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { saveFile } from '../../components/saveFile';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { formsApi, type FormExport, type FormSummary } from './api';
import { useL10n } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useForms, useInvalidate } from './queries';

/** Reads a chosen file as an exported form; a file that is not one is refused before any request. */
async function readExport(file: File): Promise<FormExport | null> {
  if (file.size > 2_000_000) return null;
  try {
    const body = JSON.parse(await file.text()) as Partial<FormExport>;
    return body && body.format === 'ukuk-form' && body.definition ? (body as FormExport) : null;
  } catch {
    return null;
  }
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
          <Menu.Item onClick={() => arch.mutate()}>
            {t(form.archived ? 'forms.unarchive' : 'forms.archive')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <MonErrorAlert error={exp.error ?? arch.error} />
    </>
  );
}

/** Form templates and custom forms: open in the builder, import and export as JSON, archive. */
export function FormsPage(): ReactElement {
  const { t } = useTranslation('monitoring');
  const l10n = useL10n();
  const fmt = useFormat();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const [archived, setArchived] = useState(false);
  const forms = useForms(archived);
  const [kind, setKind] = useState<'all' | FormKind>('all');
  const [badFile, setBadFile] = useState(false);
  const importer = useMutation({
    mutationFn: formsApi.importOne,
    onSuccess: async (r) => {
      await invalidate(monitoringKeys.forms);
      void navigate({ to: '/monitoring/forms/$id', params: { id: r.id } });
    },
  });
  const items = (forms.data?.items ?? []).filter(
    (f) => f.archived === archived && (kind === 'all' || f.kind === kind),
  );
  return (
    <>
      <MonitoringNav current="forms" />
      <PageHeader
        title={t('forms.title')}
        description={t('forms.description')}
        actions={
          <Group gap="xs">
            <FileButton
              accept="application/json,.json"
              onChange={async (file) => {
                setBadFile(false);
                if (!file) return;
                const body = await readExport(file);
                if (body) importer.mutate(body);
                else setBadFile(true);
              }}
            >
              {(props) => (
                <Button variant="default" {...props} loading={importer.isPending} data-testid="import-form">
                  {t('forms.import')}
                </Button>
              )}
            </FileButton>
            <Button
              onClick={() => void navigate({ to: '/monitoring/forms/$id', params: { id: 'new' } })}
              leftSection={<Icon name="plus" size={16} />}
              data-testid="new-form"
            >
              {t('forms.new')}
            </Button>
          </Group>
        }
      />
      <Stack>
        {badFile && (
          <Text c="red.8" role="alert">
            {t('forms.badFile')}
          </Text>
        )}
        <MonErrorAlert error={importer.error ?? forms.error} />
        <Group gap="md">
          {/* Scrolls on its own on a phone: the three labels are wider than 375 px in Kyrgyz. */}
          <ScrollArea type="auto" scrollbarSize={6} maw="100%">
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(v)}
              data={[
                { value: 'all', label: t('forms.allKinds') },
                { value: 'checklist', label: t('forms:kind.checklist') },
                { value: 'incident', label: t('forms:kind.incident') },
              ]}
              aria-label={t('builder.kind')}
            />
          </ScrollArea>
          <Switch
            label={t('forms.showArchived')}
            checked={archived}
            onChange={(e) => setArchived(e.currentTarget.checked)}
            data-testid="show-archived"
          />
        </Group>
        {forms.isPending && <PageLoader />}
        {forms.data && items.length === 0 && (
          <EmptyState p="lg" title={t(archived ? 'forms.emptyArchived' : 'forms.empty')} />
        )}
        {items.length > 0 && (
          <TableScroll minWidth={640} label={t('forms.title')}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('forms.colTitle')}</Table.Th>
                  <Table.Th>{t('builder.kind')}</Table.Th>
                  <Table.Th>{t('forms.colOrigin')}</Table.Th>
                  <Table.Th>{t('builder.version')}</Table.Th>
                  <Table.Th>{t('forms.colUpdated')}</Table.Th>
                  {/* Positioned, so the hidden label stays inside the scrolling table on a phone
                      instead of widening the page. */}
                  <Table.Th pos="relative">
                    <VisuallyHidden>{t('forms.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((f) => (
                  <Table.Tr key={f.id} data-testid={`form-row-${f.id}`}>
                    <Table.Td>
                      <AnchorLink to="/monitoring/forms/$id" params={{ id: f.id }} fw={600}>
                        {l10n(f.title) || t('builder.untitled')}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{t(`forms:kind.${f.kind}`)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={f.origin === 'template' ? 'grape' : 'blue'} tt="none">
                        {t(`forms:origin.${f.origin}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Text size="sm">{t('forms.versionN', { n: f.latestVersion.version })}</Text>
                        <Badge
                          variant="light"
                          color={f.latestVersion.status === 'published' ? 'green' : 'orange'}
                          tt="none"
                        >
                          {t(`forms:status.${f.latestVersion.status}`)}
                        </Badge>
                      </Group>
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
        )}
      </Stack>
    </>
  );
}
