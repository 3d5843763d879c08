import { Anchor, Button, Code, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { RecoveryCodes } from '../../components/RecoveryCodes';
import { PublicLayout } from '../../shell/PublicLayout';
import { authApi, type Enrollment } from './api';
import { useFinishLogin } from './finish';
import { authKeys } from './queries';

/** Encodes the server's QR SVG as a data: URL, which the CSP allows for images. */
function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The secret in groups of four characters, easier to type by hand. */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/\s/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? secret
  );
}

function EnrollForm({
  enrollment,
  onEnrolled,
}: {
  enrollment: Enrollment;
  onEnrolled: (codes: string[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { code: '' },
    validate: {
      code: (v) => (/^\d{6}$/.test(v.replace(/\s/g, '')) ? null : t('auth.totp.codeInvalidFormat')),
    },
  });
  const enroll = useMutation({
    mutationFn: (code: string) => authApi.enroll(code.replace(/\s/g, '')),
    onSuccess: (res) => onEnrolled(res.recoveryCodes),
  });
  return (
    <Stack>
      <List type="ordered" spacing="xs" size="sm">
        <List.Item>{t('enroll.step1')}</List.Item>
        <List.Item>{t('enroll.step2')}</List.Item>
        <List.Item>{t('enroll.step3')}</List.Item>
      </List>
      <Image
        src={svgDataUrl(enrollment.qrSvg)}
        alt={t('enroll.qrAlt')}
        w={200}
        h={200}
        mx="auto"
        bg="white"
        p={4}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('enroll.secretLabel')}
        </Text>
        <Code
          block
          fz="lg"
          ta="center"
          data-testid="totp-secret"
          style={{ wordBreak: 'break-word', whiteSpace: 'normal' }}
        >
          {groupSecret(enrollment.secret)}
        </Code>
      </Stack>
      <form onSubmit={form.onSubmit((v) => enroll.mutate(v.code))} noValidate>
        <Stack>
          <TextInput
            name="code"
            label={t('auth.totp.codeLabel')}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            required
            size="md"
            {...form.getInputProps('code')}
          />
          <ErrorAlert error={enroll.error} />
          <Button type="submit" loading={enroll.isPending} size="md" fullWidth>
            {t('enroll.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** Forced 2FA enrolment: scan or type the secret, confirm a code, then save recovery codes. */
export function EnrollPage(): ReactElement {
  const { t } = useTranslation();
  const { redirect } = useSearch({ strict: false });
  const finish = useFinishLogin();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrollment = useQuery({
    queryKey: authKeys.enrollment,
    queryFn: authApi.enrollment,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    enabled: codes === null,
  });

  if (codes) {
    return (
      <PublicLayout title={t('recovery.pageTitle')} description={t('recovery.pageDescription')} width={520}>
        <RecoveryCodes codes={codes} onDone={() => void finish(redirect)} />
      </PublicLayout>
    );
  }
  return (
    <PublicLayout title={t('enroll.title')} description={t('enroll.description')} width={520}>
      {enrollment.isPending && <PageLoader />}
      {enrollment.isError && (
        <Stack>
          <ErrorAlert error={enrollment.error} />
          <Anchor component={Link} to="/login">
            {t('auth.totp.backToLogin')}
          </Anchor>
        </Stack>
      )}
      {enrollment.data && <EnrollForm enrollment={enrollment.data} onEnrolled={setCodes} />}
    </PublicLayout>
  );
}
