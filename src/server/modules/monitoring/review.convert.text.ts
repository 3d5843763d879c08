import type { FlatField, L10n, LocationAnswer } from '../../../core/forms/index.ts';
import { fieldByKey } from '../../../core/forms/messages.ts';
import {
  districtName,
  isDistrictId,
  isDistrictOf,
  isRegionCode,
  regionName,
} from '../../../core/geo/regions.ts';
import type { Locale } from '../../../core/roles.ts';
import { plausiblePhoneTime } from '../../../core/phone-clock.ts';
import { zonedDay, zonedInputValue } from '../../../core/zoned-time.ts';
import { tr } from '../../platform/i18n.ts';
import type { CachedVersion } from './submissions.forms.ts';

/**
 * What a report says, made readable for the violation record or case it becomes: labels and option
 * names in the reviewer's language, times on Bishkek's clock, places by name. The record is read by
 * documenters and lawyers who never see the form; "2026-12-06T14:51:49Z" and
 * `{"region":"KG-C","district":"1091691655"}` were what they got before.
 */

const YES: Record<Locale, [string, string]> = { ky: ['Ооба', 'Жок'], ru: ['Да', 'Нет'], en: ['Yes', 'No'] };

function optionLabel(def: CachedVersion['definition'], key: string, value: string, locale: Locale): string {
  const o = fieldByKey(def, key)?.options?.find((x) => x.key === value);
  return o ? o.label[locale] || o.label.en || value : value;
}

const labelOf = (f: FlatField, locale: Locale) => (f.label ? f.label[locale] || f.label.en : f.key);

/** A location answer by name: region · district · place (latitude, longitude). */
export function placeText(a: LocationAnswer, locale: Locale): string {
  const parts = [
    isRegionCode(a.region) ? regionName(a.region, locale) : a.region,
    a.district ? (isDistrictId(a.district) ? districtName(a.district, locale) : a.district) : '',
    a.place ?? '',
  ].filter(Boolean);
  const gps =
    typeof a.lat === 'number' && typeof a.lon === 'number'
      ? ` (${a.lat.toFixed(5)}, ${a.lon.toFixed(5)})`
      : '';
  return parts.join(' · ') + gps;
}

function valueText(v: CachedVersion, f: FlatField, a: unknown, locale: Locale): string {
  if (typeof a === 'boolean') return YES[locale][a ? 0 : 1];
  if (f.type === 'single_choice' && typeof a === 'string') return optionLabel(v.definition, f.key, a, locale);
  if (f.type === 'multiple_choice' && Array.isArray(a))
    return a.map((x) => optionLabel(v.definition, f.key, String(x), locale)).join(', ');
  if (f.type === 'datetime' && typeof a === 'string' && !Number.isNaN(Date.parse(a)))
    return tr(locale, 'errors:mon_export.local_time', {
      column: zonedInputValue(Date.parse(a)).replace('T', ' '),
    });
  if (f.type === 'location' && a && typeof a === 'object' && 'region' in a)
    return placeText(a as LocationAnswer, locale);
  if (a && typeof a === 'object') return JSON.stringify(a);
  return String(a);
}

const isSet = (a: unknown) => a !== undefined && a !== null && a !== '';
/** "Label: value"; a label that is a question or ends in a colon takes no second colon ("What happened? …"). */
const said = (label: string, value: string) => `${label}${/[?:：]\s*$/.test(label) ? ' ' : ': '}${value}`;

/** The answers as "label: value" lines in the reviewer's language; a repeat group's entries numbered under it. */
export function describeAnswers(v: CachedVersion, answers: Record<string, unknown>, locale: Locale): string {
  const lines: string[] = [];
  for (const f of v.flat) {
    if (f.parent || f.type === 'file' || f.type === 'signature') continue;
    const a = answers[f.key];
    if (!isSet(a)) continue;
    if (f.type === 'repeat' && Array.isArray(a)) {
      const children = v.flat.filter(
        (c) => c.parent === f.key && c.type !== 'file' && c.type !== 'signature',
      );
      const entries = a.flatMap((item, i) => {
        const row = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
        const told = children
          .filter((c) => isSet(row[c.key]))
          .map((c) => said(labelOf(c, locale), valueText(v, c, row[c.key], locale)));
        return told.length ? [`  ${i + 1}. ${told.join('; ')}`] : [];
      });
      if (entries.length) lines.push(`${labelOf(f, locale)}:`, ...entries);
      continue;
    }
    lines.push(said(labelOf(f, locale), valueText(v, f, a, locale)));
  }
  return lines.join('\n').slice(0, 50_000);
}

/**
 * The day the incident happened, on Bishkek's clock: the report's first date or time answer (its
 * "When?"); else the day the phone says it was filled in; else, when that clock was plainly wrong
 * (1970, or days ahead), the day the server received it.
 */
export function eventDay(
  v: CachedVersion,
  answers: Record<string, unknown>,
  submittedAt: string,
  receivedAt: string,
): string {
  const received = Date.parse(receivedAt);
  for (const f of v.flat) {
    if (f.parent || (f.type !== 'date' && f.type !== 'datetime')) continue;
    const a = answers[f.key];
    if (typeof a !== 'string') continue;
    const ms = Date.parse(f.type === 'date' ? `${a}T12:00:00Z` : a);
    if (Number.isNaN(ms) || !plausiblePhoneTime(ms, received)) continue;
    return f.type === 'date' ? a : zonedDay(ms);
  }
  const submitted = Date.parse(submittedAt);
  return zonedDay(plausiblePhoneTime(submitted, received) ? submitted : received);
}

/** The report's first location answer, where the observer says the incident was. */
function locationOf(v: CachedVersion, answers: Record<string, unknown>): LocationAnswer | null {
  for (const f of v.flat) {
    if (f.parent || f.type !== 'location') continue;
    const a = answers[f.key];
    if (a && typeof a === 'object' && typeof (a as LocationAnswer).region === 'string')
      return a as LocationAnswer;
  }
  return null;
}

/**
 * Where the record says it happened: the report's region and district (its site's, or where a
 * reviewer placed it), a district the observer chose in the same region when the report has none, and
 * the observer's own place before the site's.
 */
export function recordPlace(
  v: CachedVersion,
  answers: Record<string, unknown>,
  row: { region: string | null; district: string | null },
  sitePlace: string | null | undefined,
): { region?: string; district?: string; place?: string } {
  const loc = locationOf(v, answers);
  const region = row.region ?? (loc && isRegionCode(loc.region) ? loc.region : null);
  const chosen = loc?.district && loc.region === region && region && isDistrictOf(region, loc.district);
  const district = row.district ?? (chosen ? (loc?.district ?? null) : null);
  const place = (loc?.place || sitePlace || '').slice(0, 300);
  return {
    ...(region ? { region } : {}),
    ...(region && district ? { district } : {}),
    ...(place ? { place } : {}),
  };
}

/**
 * The option of the first choice the report makes at its top level (an incident's "What happened?"), with
 * its names in every language: what tells one incident from another in the review list.
 */
export function firstChoiceOption(
  v: CachedVersion,
  answers: Record<string, unknown>,
): { value: string; label: L10n | null } | null {
  for (const f of v.flat) {
    if (f.parent || f.type !== 'single_choice') continue;
    const a = answers[f.key];
    if (typeof a === 'string' && a)
      return {
        value: a,
        label: fieldByKey(v.definition, f.key)?.options?.find((x) => x.key === a)?.label ?? null,
      };
  }
  return null;
}

/** The first choice the report makes at its top level (an incident's "What happened?"), by name. */
export function firstChoice(
  v: CachedVersion,
  answers: Record<string, unknown>,
  locale: Locale,
): string | null {
  const o = firstChoiceOption(v, answers);
  return o ? (o.label ? o.label[locale] || o.label.en || o.value : o.value) : null;
}
