import { Button, Group, Input, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type PointerEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField, LocationAnswer } from '../../../core/forms/types';
import { districtChoicesIn, isRegionCode, regionChoicesIn } from '../../../core/geo/regions';
import { useField } from './context';
import { HINT, LABEL } from './fieldStyles';
import { loc } from './live';
import { saveMedia } from './outbox';

interface Props<T> {
  field: FormField;
  value: T | undefined;
  onChange: (v: T | undefined) => void;
  error?: string;
  reportId: string;
  /** The answer's path (`key`, or `group[1].key` in a repeat item): names the controls for tests. */
  path: string;
}

const ACCEPT: Record<string, string> = { photo: 'image/*', audio: 'audio/*', video: 'video/*', any: '' };

/** Photo, recording or file: the camera or recorder opens directly on a phone; stored encrypted. */
export function FileInput({ field, value, onChange, error, reportId, path }: Props<string>): ReactElement {
  const { t } = useTranslation('field');
  const { db, lang } = useField();
  const [name, setName] = useState<string | null>(null);
  const accept = ACCEPT[field.accept ?? 'any'] ?? '';
  return (
    <Input.Wrapper
      labelProps={{ style: LABEL }}
      descriptionProps={{ style: HINT }}
      label={loc(field.label, lang)}
      description={loc(field.hint, lang)}
      error={error}
      withAsterisk={field.required}
    >
      <Stack gap={6} mt={4}>
        {value ? (
          <Group justify="space-between">
            <Text size="sm" data-testid={`media-${path}`}>
              {t('media.attached', { name: name ?? t('media.file') })}
            </Text>
            <Button variant="subtle" color="red" onClick={() => onChange(undefined)}>
              {t('media.remove')}
            </Button>
          </Group>
        ) : (
          <Button component="label" size="lg" variant="light" fullWidth>
            {field.accept === 'photo'
              ? t('media.take_photo')
              : field.accept === 'audio'
                ? t('media.record')
                : t('media.choose')}
            <input
              type="file"
              hidden
              data-testid={`file-${path}`}
              accept={accept || undefined}
              capture={
                field.accept === 'photo' ? 'environment' : field.accept === 'audio' ? 'user' : undefined
              }
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                setName(file.name);
                void saveMedia(db, reportId, file, file.name).then(onChange);
              }}
            />
          </Button>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** A finger-drawn signature on a canvas, saved as a PNG upload. */
export function SignatureInput({
  field,
  value,
  onChange,
  error,
  reportId,
  path,
}: Props<string>): ReactElement {
  const { t } = useTranslation('field');
  const { db, lang } = useField();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    c.width = c.clientWidth * devicePixelRatio;
    c.height = c.clientHeight * devicePixelRatio;
    const ctx = c.getContext('2d');
    if (ctx) {
      ctx.scale(devicePixelRatio, devicePixelRatio);
      ctx.lineWidth = 2.5;
      ctx.lineCap = 'round';
      ctx.strokeStyle = '#111';
    }
  }, [value]);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top] as const;
  };

  return (
    <Input.Wrapper
      labelProps={{ style: LABEL }}
      descriptionProps={{ style: HINT }}
      label={loc(field.label, lang)}
      description={loc(field.hint, lang)}
      error={error}
      withAsterisk={field.required}
    >
      {value ? (
        <Group justify="space-between" mt={4}>
          <Text size="sm" data-testid={`signature-saved-${path}`}>
            {t('signature.saved')}
          </Text>
          <Button variant="subtle" color="red" onClick={() => onChange(undefined)}>
            {t('signature.again')}
          </Button>
        </Group>
      ) : (
        <Stack gap={6} mt={4}>
          <canvas
            ref={canvas}
            data-testid={`signature-${path}`}
            aria-label={t('signature.pad')}
            style={{
              width: '100%',
              height: 160,
              border: '1px solid #adb5bd',
              borderRadius: 8,
              touchAction: 'none',
              background: '#fff',
            }}
            onPointerDown={(e) => {
              drawing.current = true;
              const ctx = e.currentTarget.getContext('2d');
              const [x, y] = point(e);
              ctx?.beginPath();
              ctx?.moveTo(x, y);
            }}
            onPointerMove={(e) => {
              if (!drawing.current) return;
              const ctx = e.currentTarget.getContext('2d');
              const [x, y] = point(e);
              ctx?.lineTo(x, y);
              ctx?.stroke();
              setDrawn(true);
            }}
            onPointerUp={() => (drawing.current = false)}
            onPointerLeave={() => (drawing.current = false)}
          />
          <Button
            size="md"
            disabled={!drawn}
            data-testid={`signature-keep-${path}`}
            onClick={() =>
              canvas.current?.toBlob((blob) => {
                if (blob) void saveMedia(db, reportId, blob, 'signature.png').then(onChange);
              }, 'image/png')
            }
          >
            {t('signature.keep')}
          </Button>
        </Stack>
      )}
    </Input.Wrapper>
  );
}

/** Region → district → place from the country's list, and the phone's position if the observer allows it. */
export function LocationInput({
  field,
  value,
  onChange,
  error,
  path,
}: Omit<Props<LocationAnswer>, 'reportId'>): ReactElement {
  const { t } = useTranslation('field');
  const { lang } = useField();
  const [gps, setGps] = useState<'idle' | 'busy' | 'failed'>('idle');
  const v = value ?? { region: '' };
  const set = (patch: Partial<LocationAnswer>) => {
    const next = { ...v, ...patch };
    for (const k of Object.keys(next) as (keyof LocationAnswer)[])
      if (next[k] === '' || next[k] === undefined) delete next[k];
    onChange(next.region || next.lat !== undefined ? next : undefined);
  };
  const districts = isRegionCode(v.region) ? districtChoicesIn(v.region, lang) : [];
  return (
    <Input.Wrapper
      labelProps={{ style: LABEL }}
      descriptionProps={{ style: HINT }}
      label={loc(field.label, lang)}
      description={loc(field.hint, lang)}
      error={error}
      withAsterisk={field.required}
    >
      <Stack gap={6} mt={4}>
        <NativeSelect
          size="lg"
          aria-label={t('location.region')}
          data-testid={`region-${path}`}
          value={v.region}
          data={[{ value: '', label: t('location.region') }, ...regionChoicesIn(lang)]}
          onChange={(e) => set({ region: e.currentTarget.value, district: undefined })}
        />
        {districts.length > 0 && (
          <NativeSelect
            size="lg"
            aria-label={t('location.district')}
            data-testid={`district-${path}`}
            value={v.district ?? ''}
            data={[{ value: '', label: t('location.district') }, ...districts]}
            onChange={(e) => set({ district: e.currentTarget.value || undefined })}
          />
        )}
        <TextInput
          size="lg"
          aria-label={t('location.place')}
          placeholder={t('location.place')}
          data-testid={`place-${path}`}
          value={v.place ?? ''}
          onChange={(e) => set({ place: e.currentTarget.value })}
        />
        <Group justify="space-between">
          <Button
            size="md"
            variant="light"
            loading={gps === 'busy'}
            onClick={() => {
              setGps('busy');
              navigator.geolocation.getCurrentPosition(
                (p) => {
                  setGps('idle');
                  set({
                    lat: Number(p.coords.latitude.toFixed(6)),
                    lon: Number(p.coords.longitude.toFixed(6)),
                  });
                },
                () => setGps('failed'),
                { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
              );
            }}
          >
            {t('location.gps')}
          </Button>
          {v.lat !== undefined && v.lon !== undefined && (
            <Text size="sm">{t('location.at', { lat: v.lat.toFixed(5), lon: v.lon.toFixed(5) })}</Text>
          )}
        </Group>
        {gps === 'failed' && (
          <Text size="sm" c="orange">
            {t('location.gps_failed')}
          </Text>
        )}
      </Stack>
    </Input.Wrapper>
  );
}
