import { randomUUID } from 'node:crypto';
import { districtsOf, type RegionCode } from '../core/geo/regions.ts';
import type { AppContext } from '../server/platform/context.ts';
import { setMissionCoordinators } from '../server/modules/monitoring/missions.coordinators.ts';
import {
  createMission,
  setMissionForms,
  updateMission,
} from '../server/modules/monitoring/missions.service.ts';
import { createSite, setSiteObservers } from '../server/modules/monitoring/sites.service.ts';
import { publishedVersion } from '../server/modules/monitoring/submissions.forms.ts';
import { submit } from '../server/modules/monitoring/submissions.service.ts';
import { templateVersionId } from '../server/modules/monitoring/forms.templates.ts';
import { demoAdmin, demoAnswers, rng } from './demo-monitoring.ts';

/**
 * Code, region, town, district (Kyrgyz name, none in the cities), planned visits, visits made so far.
 * Invented "DEMO" institutions in real towns: the demo says nothing of any real place of detention.
 */
const INSTITUTIONS: [string, RegionCode, string, string | undefined, number, number][] = [
  ['D-01', 'KG-GB', 'Бишкек', undefined, 4, 2],
  ['D-02', 'KG-GB', 'Бишкек', undefined, 3, 3],
  ['D-03', 'KG-C', 'Кант', 'Ысык-Ата району', 2, 1],
  ['D-04', 'KG-C', 'Токмок', 'Токмок', 2, 0],
  ['D-05', 'KG-GO', 'Ош', undefined, 3, 1],
  ['D-06', 'KG-N', 'Нарын', 'Нарын', 1, 1],
];

const DAY = 86_400_000;

/**
 * A second demo mission (ADR 0034, 0037): visits to places of detention over half a year, each
 * institution with its planned visits and some made, so the sites list and the dashboard show
 * coverage counted per visit. The demo administrator made the visits; one alleged ill-treatment.
 */
export async function loadDetentionDemo(
  ctx: AppContext,
  adminId: string,
  coordinatorId: string,
): Promise<void> {
  const admin = demoAdmin(adminId);
  const checklistId = await templateVersionId(ctx.db, 'detention_visit');
  const incidentId = await templateVersionId(ctx.db, 'detention_incident');
  if (!checklistId || !incidentId) throw new Error('The detention form templates are not installed.');
  const now = Date.now();
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const missionId = await createMission(ctx, admin, {
    kind: 'detention',
    title: 'DEMO — Эркинен ажыратуу жайларына баруу 2026',
    description: 'DEMO: алты мекемеге пландалган баруулар (ойдон чыгарылган маалымат).',
    startsOn: day(-90),
    endsOn: day(90),
  });
  await setMissionForms(ctx, admin, missionId, [checklistId, incidentId]);
  await setMissionCoordinators(ctx, admin, missionId, [
    { userId: adminId, region: null },
    { userId: coordinatorId, region: 'KG-C' },
  ]);
  await updateMission(ctx, admin, missionId, { status: 'active' });
  const checklist = (await publishedVersion(ctx.db, checklistId))!.definition;
  const incident = (await publishedVersion(ctx.db, incidentId))!.definition;
  const r = rng(20261207);
  const send = async (siteId: string, region: RegionCode, formVersionId: string, daysAgo: number) =>
    submit(
      ctx,
      admin,
      {
        clientId: randomUUID(),
        formVersionId,
        siteId,
        answers: demoAnswers(formVersionId === checklistId ? checklist : incident, r, region),
        // Visits spread over the past weeks, as the phone dated them.
        submittedAt: new Date(now - daysAgo * DAY).toISOString(),
      },
      'ru',
    );
  let first: { id: string; region: RegionCode } | undefined;
  for (const [code, region, town, districtName, visits, made] of INSTITUTIONS) {
    const district = districtName ? districtsOf(region).find((d) => d.names.ky === districtName) : undefined;
    if (districtName && !district) throw new Error(`demo: no district ${districtName} in ${region}`);
    const id = await createSite(ctx, admin, missionId, {
      code,
      // Two pre-trial centres (СИЗО), then temporary holding facilities (ИВС).
      name: `DEMO ${code <= 'D-02' ? 'СИЗО' : 'ИВС'} ${code.slice(2)}`,
      region,
      place: town,
      visits,
      ...(district ? { district: district.id } : {}),
    });
    await setSiteObservers(ctx, admin, id, [adminId]);
    for (let v = 0; v < made; v++) await send(id, region, checklistId, 70 - v * 25 - Number(code.slice(2)));
    first ??= { id, region };
  }
  await send(first!.id, first!.region, incidentId, 12);
}
