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
import { FORM_LIMITS } from '../../../core/forms/limits';
import type { FormKind, L10n } from '../../../core/forms/types';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { saveFile } from '../../components/saveFile';
import { TableScroll } from '../../components/TableScroll';
import { useFormat } from '../../intl/format';
import { i18n } from '../../i18n';
import { formsApi, type FormExport, type FormSummary } from './api';
import { DefinitionIssuesAlert, isDefinitionInvalid } from './builder/issues';
import { LANGS, useL10n } from './l10n';
import { MonErrorAlert } from './MonErrorAlert';
import { MonitoringNav } from './MonitoringNav';
import { monitoringKeys, useForms, useInvalidate } from './queries';

/**
 * Reads a chosen file as an exported form; a file that is not one (or of another format version) is
 * refused before any request. Only the export's own keys are sent: the server refuses any other.
 */
async function readExport(file: File): Promise<FormExport | null> {
  if (file.size > 2_000_000) return null;
  try {
    const body = JSON.parse(await file.text()) as Partial<FormExport> | null;
    const ok = body?.format === 'ukuk-form' && body.formatVersion === 1;
    return ok && body.definition && typeof body.definition === 'object'
      ? { format: 'ukuk-form', formatVersion: 1, definition: body.definition }
      : null;
  } catch {
    return null;
  }
}

/**
 * Re-importing an export would list two forms with the same title: a title already in the list gets
 * "(imported)" in each of its languages, unless that would make it longer than a title may be.
 */
function markImported(body: FormExport, forms: readonly FormSummary[]): FormExport {
  const title = body.definition.title as Partial<L10n> | undefined;
  const same = (a: Partial<L10n>, b: L10n) => LANGS.some((l) => !!a[l]?.trim() && a[l] === b[l]);
  if (!title || typeof title !== 'object' || !forms.some((f) => same(title, f.title))) return body;
  const marked = { ...title };
  for (const l of LANGS) {
    const text = title[l];
    if (typeof text !== 'string' || !text.trim()) continue;
    const next = `${text} ${i18n.getFixedT(l, 'monitoring')('forms.importedSuffix')}`;
    if (next.length <= FORM_LIMITS.label) marked[l] = next;
  }
  return { ...body, definition: { ...body.definition, title: marked as L10n } };
}

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
                // A new choice replaces the last one's message, whichever kind it was.
                setBadFile(false);
                importer.reset();
                if (!file) return;
                const body = await readExport(file);
                if (body) importer.mutate(markImported(body, forms.data?.items ?? []));
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
        {/* A refused definition is listed by place; the server's own line would show a raw path. */}
        {isDefinitionInvalid(importer.error) && <DefinitionIssuesAlert error={importer.error} />}
        <MonErrorAlert error={(isDefinitionInvalid(importer.error) ? null : importer.error) ?? forms.error} />
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
                      <Group gap={4}>
                        <Badge variant="light" color={f.origin === 'template' ? 'grape' : 'blue'} tt="none">
                          {t(`forms:origin.${f.origin}`)}
                        </Badge>
                        {!f.editable && (
                          <Badge variant="light" color="gray" tt="none" data-testid="form-admin-only">
                            {t('forms.adminOnly')}
                          </Badge>
                        )}
                        {f.templateUpdate && f.editable && (
                          <Badge variant="light" color="blue" tt="none" data-testid="template-update">
                            {t('forms.templateUpdate')}
                          </Badge>
                        )}
                      </Group>
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
        )}
      </Stack>
    </>
  );
}
