import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import i18next from 'i18next';
import {
  answerChecks,
  issueMessage,
  validateAnswers,
  validateDefinition,
  type FormDefinition,
  type Translate,
} from '../../src/core/forms/index.ts';
import { resources } from '../../src/core/i18n/index.ts';
import { shippedTemplates } from '../../src/server/modules/monitoring/forms.templates.ts';

const L = (en: string, ru = '') => ({ ky: '', ru, en });

/** Ballots: issued ≤ received (a check), in the box ≤ issued (a check), closed after opened (refused). */
const def: FormDefinition = {
  title: L('Counting'),
  kind: 'checklist',
  sections: [
    {
      key: 's',
      title: L('Counting'),
      fields: [
        { key: 'opened_at', type: 'datetime', label: L('Opened at') },
        {
          key: 'closed_at',
          type: 'datetime',
          label: L('Closed at'),
          constraint: { compare: [{ op: 'gt', field: 'opened_at', refuse: true }] },
        },
        { key: 'received', type: 'number', label: L('Ballots received', 'Получено бюллетеней') },
        {
          key: 'issued',
          type: 'number',
          label: L('Ballots issued', 'Выдано бюллетеней'),
          constraint: { compare: [{ op: 'lte', field: 'received' }] },
        },
        {
          key: 'hidden_count',
          type: 'number',
          label: L('Recount'),
          visibleIf: { field: 'issued', op: 'gt', value: 1000 },
        },
        {
          key: 'in_box',
          type: 'number',
          label: L('Ballots in the box'),
          constraint: {
            compare: [
              { op: 'lte', field: 'issued' },
              { op: 'eq', field: 'hidden_count', refuse: true },
            ],
          },
        },
        {
          key: 'tables',
          type: 'repeat',
          label: L('Tables'),
          fields: [
            { key: 'from', type: 'date', label: L('From') },
            {
              key: 'to',
              type: 'date',
              label: L('To'),
              constraint: { compare: [{ op: 'gte', field: 'from', refuse: true }] },
            },
            {
              key: 'votes',
              type: 'number',
              label: L('Votes'),
              constraint: { compare: [{ op: 'lte', field: 'received' }] },
            },
          ],
        },
      ],
    },
  ],
};

const codes = (answers: unknown) => validateAnswers(def, answers).map((i) => `${i.path}:${i.code}`);
const checks = (answers: Record<string, unknown>) => answerChecks(def, answers).map((i) => i.path);

const t18 = i18next.createInstance();
void t18.init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const tr =
  (lng: 'en' | 'ru'): Translate =>
  (k, p) =>
    t18.getFixedT(lng)(k, p ?? {});

describe('comparisons between answers', () => {
  test('the definition is valid, and each comparison names an earlier question of its own type', () => {
    assert.equal(validateDefinition(def).ok, true);
    const broken = (compare: unknown, type = 'number') =>
      validateDefinition({
        ...def,
        sections: [
          {
            key: 's',
            title: L('S'),
            fields: [
              { key: 'a', type: 'number', label: L('A') },
              { key: 'd', type: 'date', label: L('D') },
              { key: 'b', type, label: L('B'), constraint: { compare } },
              { key: 'later', type: 'number', label: L('Later') },
            ],
          },
        ],
      });
    const issues = (r: ReturnType<typeof validateDefinition>) =>
      r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`);
    assert.equal(broken([{ op: 'lte', field: 'a' }]).ok, true);
    assert.deepEqual(issues(broken([{ op: 'lte', field: 'later' }])), [
      'sections[0].fields[2].constraint.compare[0].field:compare_unknown_field',
    ]);
    assert.deepEqual(issues(broken([{ op: 'lte', field: 'b' }])), [
      'sections[0].fields[2].constraint.compare[0].field:compare_unknown_field',
    ]);
    assert.deepEqual(issues(broken([{ op: 'lte', field: 'd' }])), [
      'sections[0].fields[2].constraint.compare[0].field:compare_type',
    ]);
    assert.deepEqual(issues(broken([{ op: 'eq', field: 'a' }], 'text')), [
      'sections[0].fields[2].constraint.compare:compare_not_allowed',
    ]);
    assert.equal(broken([{ op: 'about', field: 'a' }]).ok, false);
    assert.equal(broken([]).ok, false);
    const four = Array.from({ length: 4 }, () => ({ op: 'lte', field: 'a' }));
    assert.equal(broken(four).ok, false);
  });

  test('a condition on a choice names one of its options', () => {
    const withCond = (value: unknown) =>
      validateDefinition({
        ...def,
        sections: [
          {
            key: 's',
            title: L('S'),
            fields: [
              {
                key: 'kind',
                type: 'single_choice',
                label: L('Kind'),
                options: [{ key: 'open', label: L('Open') }],
              },
              { key: 'why', type: 'text', label: L('Why'), visibleIf: { field: 'kind', op: 'in', value } },
            ],
          },
        ],
      });
    assert.equal(withCond(['open']).ok, true);
    const r = withCond(['open', 'closed']);
    assert.deepEqual(r.ok ? [] : r.issues.map((i) => `${i.path}:${i.code}`), [
      'sections[0].fields[1].visibleIf.value:condition_unknown_option',
    ]);
  });

  test('a refusing rule refuses; a checking rule only reports', () => {
    const ok = { opened_at: '2026-11-30T08:00:00+06:00', closed_at: '2026-11-30T20:00:00+06:00' };
    assert.deepEqual(codes(ok), []);
    // The same instant in another offset is not later.
    assert.deepEqual(codes({ ...ok, closed_at: '2026-11-30T02:00:00Z' }), ['closed_at:compare']);
    assert.deepEqual(codes({ ...ok, closed_at: '2026-11-30T07:59:00+06:00' }), ['closed_at:compare']);
    // More ballots in the box than issued, issued than received: accepted, but checked.
    const odd = { received: 500, issued: 600, in_box: 650 };
    assert.deepEqual(codes(odd), []);
    assert.deepEqual(checks(odd), ['issued', 'in_box']);
    assert.deepEqual(answerChecks(def, odd)[0]!.params, { op: 'lte', other: 'received', check: 1 });
    assert.deepEqual(checks({ received: 500, issued: 500, in_box: 500 }), []);
  });

  test('nothing is compared with an answer that is not there, hidden or broken', () => {
    assert.deepEqual(checks({ issued: 600, in_box: 650 }), ['in_box']);
    assert.deepEqual(checks({ issued: 600 }), []);
    // hidden_count shows only above 1,000 issued: its refusing rule needs an answer to compare with.
    assert.deepEqual(codes({ received: 2000, issued: 1500, hidden_count: 10, in_box: 10 }), []);
    assert.deepEqual(codes({ received: 2000, issued: 1500, hidden_count: 10, in_box: 11 }), [
      'in_box:compare',
    ]);
    assert.deepEqual(codes({ opened_at: 'yesterday', closed_at: '2026-11-30T20:00:00+06:00' }), [
      'opened_at:type',
    ]);
  });

  test('inside a repeat group an entry compares with its own answers and with the form', () => {
    const answers = {
      received: 100,
      tables: [
        { from: '2026-11-30', to: '2026-11-30', votes: 90 },
        { from: '2026-11-30', to: '2026-11-29', votes: 120 },
      ],
    };
    assert.deepEqual(codes(answers), ['tables[1].to:compare']);
    const fixed = { ...answers, tables: [answers.tables[0], { from: '2026-11-29', votes: 120 }] };
    assert.deepEqual(codes(fixed), []);
    assert.deepEqual(checks(fixed), ['tables[1].votes']);
  });

  test('the messages name the compared question, in the language asked for', () => {
    const [issued] = answerChecks(def, { received: 500, issued: 600 });
    assert.equal(
      issueMessage(def, issued!, 'en', tr('en')),
      'Ballots issued: more than the answer to “Ballots received”.',
    );
    assert.equal(
      issueMessage(def, issued!, 'ru', tr('ru'), false),
      'Больше, чем ответ на вопрос «Получено бюллетеней».',
    );
    const [to] = validateAnswers(def, { tables: [{ from: '2026-11-30', to: '2026-11-29' }] });
    assert.equal(
      issueMessage(def, to!, 'en', tr('en'), false),
      'Must not be earlier than the answer to “From”.',
    );
    const [req] = validateAnswers(
      {
        ...def,
        sections: [
          { ...def.sections[0]!, fields: [{ key: 'x', type: 'text', label: L('X'), required: true }] },
        ],
      },
      {},
    );
    assert.equal(issueMessage(undefined, req!, 'en', tr('en')), 'x: this answer is required.');
  });

  test('the election-day checklist checks its ballot counts and refuses a closing before the opening', () => {
    const d = shippedTemplates().find((x) => x.key === 'election_day')!.definition;
    const counts = {
      ballots_received: 1000,
      ballots_issued: 900,
      ballots_in_box: 950,
      ballots_cancelled: 100,
    };
    assert.deepEqual(
      answerChecks(d, counts).map((i) => `${i.path}<=${String(i.params?.other)}`),
      ['ballots_in_box<=ballots_issued'],
    );
    const times = { opened_at: '2026-11-30T08:00:00+06:00', closed_at: '2026-11-30T07:00:00+06:00' };
    assert.ok(validateAnswers(d, times).some((i) => i.path === 'closed_at' && i.code === 'compare'));
  });
});
