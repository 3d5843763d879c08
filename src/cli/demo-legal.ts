import type { Actor } from '../server/platform/access/policy.ts';
import type { AppContext } from '../server/platform/context.ts';
import { createCase } from '../server/modules/cases/cases.service.ts';
import { addMember, closeCase } from '../server/modules/cases/cases.team.ts';
import { addNote, addTask, addTime } from '../server/modules/cases/cases.work.ts';
import { createIntake, updateIntake } from '../server/modules/intake/intake.service.ts';
import { createPerson } from '../server/modules/people/people.service.ts';

/**
 * Demo legal-aid data: invented people (clearly fictional names), cases of every type across the
 * regions and two years, with notes, tasks, time, closed cases with outcomes, and open intakes.
 * Deterministic, so screenshots and walkthroughs look the same every time.
 */
const GIVEN_F = [
  'Айгүл',
  'Гүлнара',
  'Жылдыз',
  'Нургүл',
  'Айпери',
  'Динара',
  'Бермет',
  'Чолпон',
  'Elena',
  'Зарина',
];
const GIVEN_M = [
  'Азамат',
  'Бакыт',
  'Нурлан',
  'Эрлан',
  'Тилек',
  'Азимжан',
  'Өмүрбек',
  'Улан',
  'Дастан',
  'Руслан',
];
const SURNAMES = [
  'Демоева',
  'Токтогулова',
  'Исмаилова',
  'Жумабаева',
  'Сыдыкова',
  'Осмонова',
  'Абдыкадырова',
  'Мамытова',
];
const REGIONS = ['KG-B', 'KG-C', 'KG-O', 'KG-J', 'KG-N', 'KG-T', 'KG-Y', 'KG-GO', 'KG-GB'];
const TYPES = ['criminal_defence', 'victim_representation', 'civil', 'administrative', 'consultation'];
const PROBLEMS: Record<string, string[]> = {
  criminal_defence: ['criminal_charge', 'fair_trial'],
  victim_representation: ['torture', 'sexual_violence', 'domestic_violence', 'bride_kidnapping'],
  civil: ['labour', 'housing_property', 'family'],
  administrative: ['documents_citizenship', 'social_benefits', 'migration'],
  consultation: ['family', 'labour', 'other'],
};
const CLOSING: Record<string, string[]> = {
  criminal_defence: [
    'defence.acquitted',
    'defence.reduced_sentence',
    'defence.released',
    'defence.convicted',
  ],
  victim_representation: [
    'victim.perpetrator_prosecuted',
    'victim.compensation',
    'victim.un_complaint_filed',
  ],
  civil: ['general.decided_favourably', 'general.settled'],
  administrative: ['general.decided_favourably', 'general.decided_unfavourably'],
  consultation: ['general.advice_given', 'general.referred'],
};

function male(name: string): string {
  return name.endsWith('а') ? name.slice(0, -1) : name;
}

export async function loadLegalDemo(ctx: AppContext, lawyerId: string, coordinatorId: string): Promise<void> {
  const lawyer: Actor = { userId: lawyerId, role: 'lawyer', sessionId: 'demo', reauthUntil: null };
  const people: string[] = [];
  for (let i = 0; i < 30; i++) {
    const female = i % 3 !== 0;
    const given = (female ? GIVEN_F : GIVEN_M)[i % 10]!;
    const surname = SURNAMES[(i * 7) % SURNAMES.length]!;
    const full = `${given} ${female ? surname : male(surname)}`;
    const vul = [
      ...(female ? (['woman'] as const) : []),
      ...(i % 5 === 0 ? (['detainee'] as const) : []),
      ...(i % 11 === 0 ? (['hrd'] as const) : []),
      ...(i % 13 === 0 ? (['disability'] as const) : []),
    ];
    people.push(
      await createPerson(ctx, lawyer, {
        names: [{ full }],
        sex: female ? 'female' : 'male',
        ageGroup: i % 9 === 0 ? 'child_14_17' : i % 4 === 0 ? 'older_60' : 'adult_30_59',
        region: REGIONS[i % REGIONS.length]!,
        vulnerabilities: [...vul],
        contacts: [
          { kind: 'phone', value: `+996 700 ${String(100000 + i * 7919).slice(0, 6)}`, safe: i % 4 !== 0 },
        ],
      }),
    );
  }
  for (let i = 0; i < 24; i++) {
    const type = TYPES[i % TYPES.length]!;
    const client = people[i % people.length]!;
    const year = i < 12 ? 2025 : 2026;
    const month = String((i % 11) + 1).padStart(2, '0');
    const id = await createCase(ctx, lawyer, {
      type,
      title: `DEMO ${type.replace('_', ' ')} #${i + 1}`,
      problemCodes: [PROBLEMS[type]![i % PROBLEMS[type]!.length]!],
      region: REGIONS[i % 7]!,
      openedOn: `${year}-${month}-0${(i % 9) + 1}`,
      restricted: i % 8 === 7,
      ...(type === 'criminal_defence'
        ? { stage: 'first_instance' as const, court: 'Бишкек шаарынын Биринчи май райондук соту' }
        : {}),
      people: [
        { personId: client, role: type === 'victim_representation' ? 'victim' : 'client' },
        ...(type === 'victim_representation' ? [{ personId: client, role: 'client' as const }] : []),
        ...(i % 4 === 1
          ? [{ personId: people[(i + 13) % people.length]!, role: 'opposing_party' as const }]
          : []),
      ],
    });
    if (i % 3 === 0) await addMember(ctx, lawyer, id, { userId: coordinatorId, role: 'grant' });
    await addNote(
      ctx,
      lawyer,
      id,
      'DEMO: первая встреча с клиентом, собраны документы. / Кардар менен биринчи жолугушуу.',
    );
    await addTask(ctx, lawyer, id, {
      title: 'DEMO: подготовить жалобу',
      dueOn: `2026-12-${String((i % 20) + 1).padStart(2, '0')}`,
    });
    await addTime(ctx, lawyer, id, {
      workedOn: `${year}-${month}-15`,
      minutes: 60 + i * 5,
      activity: 'consultation',
      funder: i % 2 ? 'OSF' : 'EU',
    });
    if (year === 2025 && i % 2 === 0)
      await closeCase(ctx, lawyer, id, {
        closingCode: CLOSING[type]![i % CLOSING[type]!.length]!,
        outcomeSummary: 'DEMO: итог дела описан здесь.',
        closedOn: `2025-12-${String((i % 20) + 5).padStart(2, '0')}`,
      });
  }
  for (let i = 0; i < 3; i++) {
    const id = await createIntake(ctx, lawyer, people[20 + i]!);
    await updateIntake(ctx, lawyer, id, {
      urgency: (['critical', 'high', 'normal'] as const)[i]!,
      caseType: TYPES[i]!,
    });
  }
}
