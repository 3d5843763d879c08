import { isVisible } from '../../../core/forms/conditions.ts';
import type { Answers, FormDefinition } from '../../../core/forms/types';
import { isDistrictOf } from '../../../core/geo/regions';
import { zonedDay, zonedIso } from '../../../core/zoned-time';

/**
 * The answers a critical-incident report starts with (issue #5: "in two taps"): the time now, the
 * place of the observer's last site, and the form's own "this is critical" answer. An observer in
 * danger presses the red button, then Send; the rest can follow in a correction when it is safe.
 *
 * That answer is the first required yes/no question whose "yes" makes a report critical (in the
 * shipped incident form, "Is urgent help needed now?"): pressing the critical button says exactly
 * that, and the observer sees it answered and can change it before sending. Nothing else is guessed.
 */
export function quickIncidentAnswers(
  def: FormDefinition,
  site: { region: string; district: string | null },
  now: Date,
): { answers: Answers; locationKey: string | undefined } {
  const answers: Answers = {};
  const fields = def.sections.flatMap((s) => (isVisible(s.visibleIf, {}) ? s.fields : []));
  const when = fields.find((f) => f.type === 'datetime') ?? fields.find((f) => f.type === 'date');
  if (when) answers[when.key] = when.type === 'datetime' ? zonedIso(now.getTime()) : zonedDay(now.getTime());
  const where = fields.find((f) => f.type === 'location');
  if (where) answers[where.key] = placeOf(site);
  const alarm = fields.find(
    (f) =>
      f.type === 'boolean' &&
      f.required &&
      !f.visibleIf &&
      f.critical?.op === 'eq' &&
      f.critical.value === true,
  );
  if (alarm) answers[alarm.key] = true;
  return { answers, locationKey: where?.key };
}

/**
 * The answers a new report opens with from a site's card (quickIncidentAnswers starts the critical
 * one): the site's region and district in its first location question and, for a checklist, today's
 * date in the first date question of its first section (the day of the visit or of the hearing). An
 * incident report gets the place only: it is filed under that site, but when it happened is the
 * observer's to say (it opened with an empty place, while the red button's filled it in). What the site already says an observer should not have to type again on a phone
 * (a detention checklist opened on "SIZO-1, Bishkek" asked for the institution's region). Only
 * questions shown whatever else is answered are started, so a start is never an answer to a hidden
 * question; both show as answered and can be changed.
 */
export function checklistStart(
  def: FormDefinition,
  site: { region: string; district: string | null },
  now: Date,
): Answers {
  const answers: Answers = {};
  const sections = def.sections.filter((s) => !s.visibleIf);
  const shown = (f: FormDefinition['sections'][number]['fields'][number]) => !f.visibleIf;
  const where = sections.flatMap((s) => s.fields).find((f) => f.type === 'location' && shown(f));
  if (where) answers[where.key] = placeOf(site);
  if (def.kind !== 'checklist') return answers;
  const day = def.sections[0]?.visibleIf
    ? undefined
    : def.sections[0]?.fields.find((f) => f.type === 'date' && shown(f));
  if (day) answers[day.key] = zonedDay(now.getTime());
  return answers;
}

/** The region and (when it is one of the region's) district of a site, as a location answer. */
export function placeOf(site: { region: string; district: string | null }): {
  region: string;
  district?: string;
} {
  return {
    region: site.region,
    ...(site.district && isDistrictOf(site.region, site.district) ? { district: site.district } : {}),
  };
}

/**
 * The location answer once the observer picks another site for the incident: the new site's region
 * and district, keeping a GPS position the phone added (it says where the observer is, whichever site
 * the report is filed under). Place names typed in by hand belonged to the old site and go.
 */
export function movedPlace(
  answer: unknown,
  site: { region: string; district: string | null },
): Record<string, unknown> {
  const old = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  const gps =
    typeof old.lat === 'number' && typeof old.lon === 'number' ? { lat: old.lat, lon: old.lon } : {};
  return { ...placeOf(site), ...gps };
}
