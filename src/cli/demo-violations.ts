import type { Actor } from '../server/platform/access/policy.ts';
import type { AppContext } from '../server/platform/context.ts';
import { createPerson } from '../server/modules/people/people.service.ts';
import { createAct } from '../server/modules/violations/acts.service.ts';
import {
  addChain,
  addInformation,
  addIntervention,
  addInvolvement,
} from '../server/modules/violations/parts.service.ts';
import { createEvent } from '../server/modules/violations/violations.service.ts';

/**
 * Demo violation records (issue #4): invented people and events of the kinds Bir Duino documents —
 * torture in temporary detention in Osh, the dispersal of a peaceful assembly in Bishkek, the detention
 * of a journalist, a bride kidnapping (restricted), ill-treatment in a colony — with acts, perpetrators
 * (a police officer, an unknown officer, a unit), sources and interventions. Every name is fictional;
 * titles start with DEMO. Written through the services, so encryption, search and audit are real.
 * Codes are HURIDOCS Events Standard Formats micro-thesauri codes (© HURIDOCS, reference/huridocs).
 */
const ACT = {
  torture: '020111110000',
  arrest: '030101000000',
  detention: '030102000000',
  abduction: '030104000000',
  assembly: '120105000000',
  threats: '020103010100',
};
const PERP = {
  police: '010104000000',
  prison: '010105000000',
  secret: '010106000000',
  family: '110100000000',
};
const DEGREE = { direct: '010100000000', orders: '010200000000', present: '010400000000' };
const RIGHT = {
  liberty: '010800000000',
  torture: '011100000000',
  assembly: '011300000000',
  expression: '011600000000',
};
const STATUS = { confirmed: '010100000000', likely: '040000000000', possible: '030000000000' };
const SOURCE = { victim: '010100000000', witness: '010200000000', relative: '020101000000' };
const MATERIAL = { interview: '091420051801', photo: '160815201501', court: '031521182001' };
const RELIABLE = { high: '010000000000', likely: '020000000000', unsure: '030000000000' };

type Sex = 'female' | 'male';
type Age = 'child_14_17' | 'adult_18_29' | 'adult_30_59' | 'older_60';

export async function loadViolationsDemo(ctx: AppContext, documenterId: string): Promise<void> {
  const doc: Actor = { userId: documenterId, role: 'documenter', sessionId: 'demo', reauthUntil: null };
  const person = (full: string, sex?: Sex, ageGroup?: Age, extra: Record<string, unknown> = {}) =>
    createPerson(ctx, doc, {
      names: [{ full }],
      ...(sex ? { sex } : {}),
      ...(ageGroup ? { ageGroup } : {}),
      ...extra,
    });
  const rights = (...codes: string[]) =>
    codes.map((code) => ({ scheme: 'esf_rights_typology' as const, code }));

  // People: victims, perpetrators, sources and an intervening party.
  const nurbek = await person('Нурбек Жолдошбеков', 'male', 'adult_18_29', {
    region: 'KG-GO',
    vulnerabilities: ['detainee'],
  });
  const mother = await person('Салтанат Жолдошбекова', 'female', 'older_60', { region: 'KG-GO' });
  const officer = await person('DEMO милиция кызматкери Т.', 'male', 'adult_30_59');
  const unknownOfficer = await person('Белгисиз кызматкер (DEMO)');
  const crowd = await person('Тынч жыйындын катышуучулары (DEMO)', undefined, undefined, {
    kind: 'group',
    groupSize: 60,
  });
  const aizada = await person('Aizada Toktorova', 'female', 'adult_18_29', {
    region: 'KG-GB',
    vulnerabilities: ['hrd', 'woman'],
  });
  const eldiyar = await person('Элдияр Сапаров', 'male', 'adult_18_29', { region: 'KG-GB' });
  const unit = await person('Милициянын атайын бөлүгү (DEMO)', undefined, undefined, {
    kind: 'group',
    groupSize: 40,
  });
  const journalist = await person('Тимур Абдыкеримов', 'male', 'adult_30_59', {
    region: 'KG-J',
    vulnerabilities: ['journalist'],
  });
  const editor = await person('Elena Kuznetsova', 'female', 'adult_30_59', { region: 'KG-J' });
  const kanykei = await person('Каныкей Осмонова', 'female', 'child_14_17', {
    region: 'KG-Y',
    vulnerabilities: ['woman', 'child'],
  });
  const kidnapper = await person('Белгисиз эркек (DEMO)', 'male', 'adult_18_29');
  const inmate = await person('Азамат Бейшенов', 'male', 'adult_30_59', {
    region: 'KG-C',
    vulnerabilities: ['detainee'],
  });
  const guard = await person('Колониянын кароолчусу (DEMO)', 'male', 'adult_30_59');
  const lawyer = await person('DEMO Бир Дүйнө юристи', 'female', 'adult_30_59');

  // 1. Torture in temporary detention in Osh: arrest, then torture, against one man.
  const osh = await createEvent(ctx, doc, {
    title: 'DEMO: Ош шаарынын ИИБнын убактылуу кармоочу жайында кыйноо',
    description:
      'DEMO: Кармалгандан кийин күч менен мойнуна алдыруу үчүн уруп-сабаган. / Избиение с целью получить признание.',
    startDate: '2025-03-14',
    endDate: '2025-03-16',
    region: 'KG-GO',
    place: 'ИВС, DEMO',
    violationStatus: STATUS.confirmed,
  });
  const oshArrest = await createAct(ctx, doc, osh, {
    victimId: nurbek,
    actType: ACT.arrest,
    startDate: '2025-03-14',
    region: 'KG-GO',
    rights: rights(RIGHT.liberty),
    details: { kind: 'arrest', notes: 'DEMO: адвокатка 2 күн жол берилген жок.' },
  });
  const oshTorture = await createAct(ctx, doc, osh, {
    victimId: nurbek,
    actType: ACT.torture,
    startDate: '2025-03-15',
    region: 'KG-GO',
    consequences: 'DEMO: кабыргасы сынган.',
    rights: rights(RIGHT.torture),
    details: { kind: 'torture', notes: 'DEMO' },
  });
  await addInvolvement(ctx, doc, oshArrest, {
    perpetratorId: officer,
    perpetratorType: PERP.police,
    degree: DEGREE.direct,
  });
  await addInvolvement(ctx, doc, oshTorture, {
    perpetratorId: officer,
    perpetratorType: PERP.police,
    degree: DEGREE.direct,
  });
  await addInvolvement(ctx, doc, oshTorture, {
    perpetratorId: unknownOfficer,
    perpetratorType: PERP.police,
    degree: DEGREE.present,
  });
  await addInformation(ctx, doc, osh, {
    sourceId: mother,
    connection: SOURCE.relative,
    materialType: MATERIAL.interview,
    reliability: RELIABLE.likely,
    receivedOn: '2025-03-18',
  });
  await addInformation(ctx, doc, osh, {
    sourceId: nurbek,
    connection: SOURCE.victim,
    materialType: MATERIAL.interview,
    reliability: RELIABLE.high,
    receivedOn: '2025-04-02',
  });
  await addIntervention(ctx, doc, osh, {
    partyId: lawyer,
    victimId: nurbek,
    type: '010200000000',
    intervenedOn: '2025-03-19',
    response: '010102000000',
    impact: '020000000000',
    status: '020000000000',
  });

  // 2. Dispersal of a peaceful assembly in Bishkek: the group apart, two arrests of individuals.
  const bishkek = await createEvent(ctx, doc, {
    title: 'DEMO: Бишкекте тынч жыйынды таратуу',
    startDate: '2025-04',
    region: 'KG-GB',
    place: 'DEMO аянт',
    violationStatus: STATUS.confirmed,
  });
  const dispersal = await createAct(ctx, doc, bishkek, {
    victimId: crowd,
    actType: ACT.assembly,
    region: 'KG-GB',
    rights: rights(RIGHT.assembly),
  });
  await addInvolvement(ctx, doc, dispersal, {
    perpetratorId: unit,
    perpetratorType: PERP.police,
    degree: DEGREE.direct,
  });
  for (const v of [aizada, eldiyar]) {
    const a = await createAct(ctx, doc, bishkek, {
      victimId: v,
      actType: ACT.arrest,
      region: 'KG-GB',
      rights: rights(RIGHT.assembly, RIGHT.liberty),
    });
    await addInvolvement(ctx, doc, a, {
      perpetratorId: unit,
      perpetratorType: PERP.police,
      degree: DEGREE.direct,
    });
  }
  await addInformation(ctx, doc, bishkek, {
    sourceId: editor,
    connection: SOURCE.witness,
    materialType: MATERIAL.photo,
    reliability: RELIABLE.high,
  });
  await addIntervention(ctx, doc, bishkek, {
    partyId: lawyer,
    type: '020100000000',
    intervenedOn: '2025-04-20',
    status: '050000000000',
  });

  // 3. Detention of a journalist in Jalal-Abad, with threats; perpetrator not identified by name.
  const jalal = await createEvent(ctx, doc, {
    title: 'DEMO: Жалал-Абадда журналистти кармоо',
    startDate: '2025-09-02',
    region: 'KG-J',
    violationStatus: STATUS.likely,
  });
  const jDet = await createAct(ctx, doc, jalal, {
    victimId: journalist,
    actType: ACT.detention,
    startDate: '2025-09-02',
    region: 'KG-J',
    rights: rights(RIGHT.expression, RIGHT.liberty),
  });
  const jThreat = await createAct(ctx, doc, jalal, {
    victimId: journalist,
    actType: ACT.threats,
    startDate: '2025-09-03',
    region: 'KG-J',
    rights: rights(RIGHT.expression),
  });
  for (const a of [jDet, jThreat])
    await addInvolvement(ctx, doc, a, {
      perpetratorId: unknownOfficer,
      perpetratorType: PERP.secret,
      degree: DEGREE.direct,
    });
  await addInformation(ctx, doc, jalal, {
    sourceId: editor,
    connection: SOURCE.witness,
    materialType: MATERIAL.interview,
    reliability: RELIABLE.likely,
  });
  await addChain(ctx, doc, bishkek, { toEventId: jalal, type: '010000000000' });

  // 4. Bride kidnapping in Issyk-Kul: restricted (the victim is a child).
  const kidnap = await createEvent(ctx, doc, {
    title: 'DEMO: Ысык-Көлдө кыз ала качуу',
    startDate: '2024-11',
    region: 'KG-Y',
    violationStatus: STATUS.confirmed,
    restricted: true,
  });
  const k = await createAct(ctx, doc, kidnap, {
    victimId: kanykei,
    actType: ACT.abduction,
    region: 'KG-Y',
    rights: rights(RIGHT.liberty),
  });
  await addInvolvement(ctx, doc, k, {
    perpetratorId: kidnapper,
    perpetratorType: PERP.family,
    degree: DEGREE.direct,
  });
  await addInformation(ctx, doc, kidnap, {
    sourceId: kanykei,
    connection: SOURCE.victim,
    materialType: MATERIAL.interview,
    reliability: RELIABLE.high,
  });

  // 5. Ill-treatment in a colony in Chüy: possible, still being checked.
  const colony = await createEvent(ctx, doc, {
    title: 'DEMO: Чүй облусундагы колонияда катаал мамиле',
    startDate: '2026',
    region: 'KG-C',
    violationStatus: STATUS.possible,
  });
  const c = await createAct(ctx, doc, colony, { victimId: inmate, actType: ACT.threats, region: 'KG-C' });
  await addInvolvement(ctx, doc, c, {
    perpetratorId: guard,
    perpetratorType: PERP.prison,
    degree: DEGREE.direct,
  });
  await addInformation(ctx, doc, colony, { materialType: MATERIAL.court, reliability: RELIABLE.unsure });
}
