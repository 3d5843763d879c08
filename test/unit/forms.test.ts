import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  flattenFields,
  isCritical,
  isVisible,
  issueMessageKey,
  validateAnswers,
  validateDefinition,
  type FormDefinition,
  type FormField,
} from '../../src/core/forms/index.ts';
import { entryNoun } from '../../src/core/forms/messages.ts';
import { shippedTemplates } from '../../src/server/modules/monitoring/forms.templates.ts';

const L = (en: string) => ({ ky: '', ru: '', en });

const def: FormDefinition = {
  title: L('Polling station'),
  kind: 'checklist',
  sections: [
    {
      key: 'opening',
      title: L('Opening'),
      fields: [
        { key: 'opened_at', type: 'datetime', label: L('Opened at'), required: true },
        { key: 'on_time', type: 'boolean', label: L('Opened on time'), required: true },
        {
          key: 'late_reason',
          type: 'long_text',
          label: L('Why late'),
          required: true,
          visibleIf: { field: 'on_time', op: 'eq', value: false },
        },
        {
          key: 'voters',
          type: 'number',
          label: L('Voters'),
          constraint: { min: 0, max: 5000, integer: true },
        },
        {
          key: 'problems',
          type: 'multiple_choice',
          label: L('Problems'),
          options: [
            { key: 'ink', label: L('Ink') },
            { key: 'list', label: L('List') },
            { key: 'violence', label: L('Violence') },
          ],
          critical: { op: 'includes', value: 'violence' },
        },
        {
          key: 'mood',
          type: 'single_choice',
          label: L('Mood'),
          options: [
            { key: 'calm', label: L('Calm') },
            { key: 'tense', label: L('Tense') },
          ],
        },
        { key: 'day', type: 'date', label: L('Day') },
        { key: 'where', type: 'location', label: L('Where') },
      ],
    },
    {
      key: 'incidents',
      title: L('Incidents'),
      visibleIf: { field: 'mood', op: 'eq', value: 'tense' },
      fields: [
        {
          key: 'incident',
          type: 'repeat',
          label: L('Incident'),
          constraint: { maxItems: 3 },
          fields: [
            { key: 'what', type: 'text', label: L('What'), required: true },
            { key: 'hurt', type: 'boolean', label: L('Anyone hurt'), critical: { op: 'eq', value: true } },
            {
              key: 'hurt_count',
              type: 'number',
              label: L('How many'),
              visibleIf: { field: 'hurt', op: 'eq', value: true },
            },
            { key: 'photo', type: 'file', label: L('Photo'), accept: 'photo' },
          ],
        },
      ],
    },
  ],
};

const good = { opened_at: '2026-11-29T07:58:00+06:00', on_time: true, voters: 1200 };

describe('form definitions', () => {
  test('a good definition passes', () => {
    const r = validateDefinition(def);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  });

  const broken = (mutate: (d: FormDefinition) => void) => {
    const d = structuredClone(def);
    mutate(d);
    const r = validateDefinition(d);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.issues;
  };

  test('duplicate keys (also across repeat children) name the path', () => {
    const issues = broken((d) => {
      d.sections[1]!.fields[0]!.fields![0]!.key = 'voters';
    });
    assert.deepEqual(issues, [{ path: 'sections[1].fields[0].fields[0].key', code: 'duplicate_key' }]);
  });
  test('bad key, duplicate option, choice without options, nested repeat, forward reference', () => {
    assert.equal(
      broken((d) => {
        d.sections[0]!.fields[0]!.key = 'Opened';
      })[0]?.path,
      'sections[0].fields[0].key',
    );
    assert.deepEqual(
      broken((d) => {
        d.sections[0]!.fields[4]!.options![1]!.key = 'ink';
      }),
      [{ path: 'sections[0].fields[4].options[1].key', code: 'duplicate_option' }],
    );
    assert.deepEqual(
      broken((d) => {
        delete d.sections[0]!.fields[5]!.options;
      }),
      [{ path: 'sections[0].fields[5].options', code: 'options_required' }],
    );
    const vocab = structuredClone(def);
    delete vocab.sections[0]!.fields[5]!.options;
    vocab.sections[0]!.fields[5]!.vocabulary = 'esf_types_of_acts';
    assert.ok(validateDefinition(vocab).ok, 'a vocabulary stands in for options');
    // A repeat group may name its entries; no other question can.
    assert.ok(
      validateDefinition({
        ...def,
        sections: def.sections.map((sec, i) =>
          i === 1
            ? { ...sec, fields: [{ ...sec.fields[0]!, itemLabel: L('Complaint') }, ...sec.fields.slice(1)] }
            : sec,
        ),
      }).ok,
    );
    assert.deepEqual(
      broken((d) => {
        d.sections[0]!.fields[0]!.itemLabel = L('Complaint');
      }),
      [{ path: 'sections[0].fields[0].itemLabel', code: 'item_label_not_allowed' }],
    );
    const nested: FormField = { key: 'inner', type: 'repeat', label: L('x'), fields: [] };
    assert.ok(
      broken((d) => {
        d.sections[1]!.fields[0]!.fields!.push(nested);
      }).some((i) => i.code === 'nested_repeat'),
    );
    assert.deepEqual(
      broken((d) => {
        d.sections[0]!.fields[1]!.visibleIf = { field: 'voters', op: 'answered' };
      }),
      [{ path: 'sections[0].fields[1].visibleIf.field', code: 'condition_unknown_field' }],
    );
    // A top-level field cannot look into a repeat item.
    assert.ok(
      broken((d) => {
        d.sections.push({
          key: 'after',
          title: L('After'),
          fields: [{ key: 'z', type: 'text', label: L('z'), visibleIf: { field: 'hurt', op: 'answered' } }],
        });
      }).some((i) => i.code === 'condition_unknown_field'),
    );
  });
  test('labels need one language; limits hold; unknown properties are refused', () => {
    assert.deepEqual(
      broken((d) => {
        d.sections[0]!.fields[0]!.label = { ky: ' ', ru: '', en: '' };
      }),
      [{ path: 'sections[0].fields[0].label', code: 'label_required' }],
    );
    assert.equal(
      broken((d) => {
        d.title.en = 'x'.repeat(501);
      })[0]?.path,
      'title.en',
    );
    assert.ok(
      broken((d) => {
        for (let i = 0; i < 41; i++) d.sections.push({ key: `s${i}`, title: L('s'), fields: [] });
      }).some((i) => i.path === 'sections' && i.code === 'too_big'),
    );
    assert.ok(
      broken((d) => {
        d.sections[0]!.fields = Array.from({ length: 401 }, (_, i) => ({
          key: `f${i}`,
          type: 'text' as const,
          label: L('f'),
        }));
      }).some((i) => i.code === 'too_big' || i.code === 'too_many_fields'),
    );
    assert.deepEqual(
      broken((d) => {
        (d.sections[0]!.fields[0] as unknown as Record<string, unknown>).visible_if = {};
      }),
      [{ path: 'sections[0].fields[0].visible_if', code: 'unknown_key' }],
    );
  });
  test('flattenFields lists repeat children with their parent and option keys', () => {
    const flat = flattenFields(def);
    assert.deepEqual(
      flat.map((f) => f.key),
      [
        'opened_at',
        'on_time',
        'late_reason',
        'voters',
        'problems',
        'mood',
        'day',
        'where',
        'incident',
        'what',
        'hurt',
        'hurt_count',
        'photo',
      ],
    );
    assert.deepEqual(flat[4]!.options, ['ink', 'list', 'violence']);
    assert.equal(flat[9]!.parent, 'incident');
    assert.equal(flat[9]!.required, true);
    assert.equal(flat[8]!.type, 'repeat');
  });
});

describe('answers', () => {
  const codes = (answers: unknown) => validateAnswers(def, answers).map((i) => `${i.path}:${i.code}`);

  test('valid answers give no issues', () => {
    assert.deepEqual(codes(good), []);
    assert.deepEqual(
      codes({
        ...good,
        on_time: false,
        late_reason: 'Keys lost',
        problems: ['ink'],
        mood: 'tense',
        day: '2028-02-29',
        where: { region: 'KG-C', district: undefined, place: 'School 5', lat: 42.8, lon: 74.6 },
        incident: [
          { what: 'Crowd', hurt: true, hurt_count: 2, photo: '0190a7c2-1234-7abc-8def-0123456789ab' },
        ],
      }),
      [],
    );
  });
  test('required, type, option, unknown', () => {
    assert.deepEqual(codes({}), ['opened_at:required', 'on_time:required']);
    assert.deepEqual(codes({ ...good, on_time: 'yes' }), ['on_time:type']);
    assert.deepEqual(codes({ ...good, mood: 'angry' }), ['mood:option']);
    assert.deepEqual(codes({ ...good, problems: ['ink', 'ink'] }), ['problems:option']);
    assert.deepEqual(codes({ ...good, nope: 1 }), ['nope:unknown']);
    assert.deepEqual(codes(null), [':type']);
    assert.deepEqual(codes([]), [':type']);
  });
  test('hidden answers are an error, conditions chain through required follow-ups', () => {
    assert.deepEqual(codes({ ...good, late_reason: 'x' }), ['late_reason:hidden']);
    assert.deepEqual(codes({ ...good, on_time: false }), ['late_reason:required']);
    // The incidents section shows only when the mood is tense.
    assert.deepEqual(codes({ ...good, incident: [{ what: 'x' }] }), ['incident:hidden']);
    // Inside a repeat a child can depend on a sibling.
    assert.deepEqual(codes({ ...good, mood: 'tense', incident: [{ what: 'x', hurt_count: 1 }] }), [
      'incident[0].hurt_count:hidden',
    ]);
  });
  test('constraints and formats', () => {
    assert.deepEqual(codes({ ...good, voters: 1.5 }), ['voters:integer']);
    assert.deepEqual(codes({ ...good, voters: -1 }), ['voters:min']);
    assert.equal(validateAnswers(def, { ...good, voters: 9999 })[0]?.params?.max, 5000);
    assert.deepEqual(codes({ ...good, day: '2027-02-29' }), ['day:type']);
    assert.deepEqual(codes({ ...good, opened_at: '2026-11-29T07:58:00' }), ['opened_at:type']);
    assert.deepEqual(codes({ ...good, opened_at: '2026-11-29T24:00:00Z' }), ['opened_at:type']);
    assert.deepEqual(codes({ ...good, where: { region: 'KG-X' } }), ['where:option']);
    assert.deepEqual(codes({ ...good, where: { region: 'KG-GB', lat: 91 } }), ['where:type']);
    const items = Array.from({ length: 4 }, () => ({ what: 'x' }));
    assert.deepEqual(codes({ ...good, mood: 'tense', incident: items }), ['incident:max_items']);
    assert.deepEqual(codes({ ...good, mood: 'tense', incident: [{ what: 'x', photo: '' }, 5] }), [
      'incident[1]:type',
    ]);
    assert.deepEqual(codes({ ...good, mood: 'tense', incident: [{ what: 'x', photo: 'a/b' }, {}] }), [
      'incident[0].photo:type',
      'incident[1].what:required',
    ]);
  });
  test('dates that may not be in the future: today anywhere passes, tomorrow everywhere does not', () => {
    const past: FormDefinition = {
      ...def,
      sections: [
        {
          key: 's',
          title: L('S'),
          fields: [
            { key: 'on', type: 'date', label: L('On'), constraint: { notFuture: true } },
            { key: 'at', type: 'datetime', label: L('At'), constraint: { notFuture: true } },
          ],
        },
      ],
    };
    assert.equal(validateDefinition(past).ok, true);
    const issues = (a: Record<string, unknown>) => validateAnswers(past, a).map((i) => `${i.path}:${i.code}`);
    const day = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
    assert.deepEqual(issues({ on: day(0).slice(0, 10), at: day(0) }), []);
    // Just after midnight in Bishkek (UTC+6) it is still yesterday in UTC: that "tomorrow" is today there.
    assert.deepEqual(issues({ on: day(12).slice(0, 10), at: day(0.2) }), []);
    // A date-time goes by its date too: a phone an hour or two fast is not refused, tomorrow is.
    assert.deepEqual(issues({ on: day(48).slice(0, 10), at: day(2) }), ['on:future']);
    assert.deepEqual(issues({ at: day(48) }), ['at:future']);
    assert.deepEqual(issues({ at: '2027-01-01T08:00:00+06:00' }), ['at:future']);
    assert.deepEqual(issues({ on: '2030-05-05' }), ['on:future']);
    assert.equal(issueMessageKey({ path: 'on', code: 'future' }), 'errors:forms.answer_future');
  });
  test('location district must belong to the region', () => {
    const f = flattenFields(def);
    assert.ok(f.some((x) => x.type === 'location'));
    assert.deepEqual(codes({ ...good, where: { region: 'KG-GB', district: 'nope' } }), ['where:option']);
  });
  test('critical answers, at top level and inside repeats', () => {
    assert.equal(isCritical(def, good), false);
    assert.equal(isCritical(def, { ...good, problems: ['list', 'violence'] }), true);
    assert.equal(isCritical(def, { ...good, incident: [{ what: 'x', hurt: true }] }), true);
    assert.equal(isCritical(def, 'junk'), false);
  });
  test('isVisible and issue message keys', () => {
    assert.equal(isVisible({ any: [{ field: 'a', op: 'gt', value: 3 }] }, { a: 4 }), true);
    assert.equal(isVisible({ all: [{ field: 'a', op: 'in', value: ['x'] }] }, { a: 'y' }), false);
    assert.equal(isVisible({ field: 'a', op: 'eq', value: 1 }, { a: 2 }, { a: 1 }), true);
    assert.equal(isVisible({ field: 'a', op: 'not_answered' }, { a: [] }), true);
    assert.equal(issueMessageKey({ path: 'x', code: 'required' }), 'errors:forms.answer_required');
  });
  test('validateAnswers never throws on arbitrary JSON (property)', () => {
    const keys = fc.constantFrom(
      ...flattenFields(def).map((f) => f.key),
      'other',
      '__proto__',
      'constructor',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(keys, fc.jsonValue()),
          fc.dictionary(keys, fc.array(fc.dictionary(keys, fc.jsonValue()))),
        ),
        (answers) => {
          const issues = validateAnswers(def, answers);
          isCritical(def, answers);
          return Array.isArray(issues) && issues.every((i) => typeof i.path === 'string');
        },
      ),
      { numRuns: 500 },
    );
  });
  test('validateDefinition never throws on arbitrary JSON (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = validateDefinition(v);
        return r.ok || r.issues.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});

describe('entry nouns', () => {
  const group: FormField = { key: 'g', type: 'repeat', label: L('Group'), fields: [] };
  test("a repeat entry is named in the reader's language only", () => {
    const named = { ...group, itemLabel: { ky: ' Окуя ', ru: 'Инцидент', en: '' } };
    assert.equal(entryNoun(named, 'ky'), 'Окуя');
    assert.equal(entryNoun(named, 'ru'), 'Инцидент');
    // No English noun: the generic "Entry", not the Russian word inside an English sentence.
    assert.equal(entryNoun(named, 'en'), undefined);
    assert.equal(entryNoun(group, 'ky'), undefined);
  });
});

describe('shipped templates', () => {
  const templates = shippedTemplates();
  const labels = (d: FormDefinition): { ky: string; ru: string; en: string }[] => [
    d.title,
    ...d.sections.flatMap((s) => [
      s.title,
      ...s.fields
        .flatMap((f) => [f, ...(f.fields ?? [])])
        .flatMap((f) => [f.label, ...(f.hint ? [f.hint] : []), ...(f.options ?? []).map((o) => o.label)]),
    ]),
  ];
  test('all seven are valid and fully translated into ky, ru and en', () => {
    assert.deepEqual(
      templates.map((t) => t.key),
      [
        'election_day',
        'detention_visit',
        'trial',
        'assembly',
        'incident',
        'public_incident',
        'detention_incident',
      ],
    );
    for (const t of templates) {
      for (const l of labels(t.definition)) {
        assert.ok(l.ky.trim() && l.ru.trim() && l.en.trim(), `${t.key}: ${JSON.stringify(l)}`);
      }
    }
  });
  test('every "Other" option opens a text question for what it was, shown only when chosen', () => {
    for (const t of templates) {
      const sets = t.definition.sections.flatMap((s) => [
        s.fields,
        ...s.fields.flatMap((f) => (f.fields ? [f.fields] : [])),
      ]);
      for (const fields of sets) {
        for (const f of fields.filter((x) => x.options?.some((o) => o.key === 'other'))) {
          const text = fields.find((x) => x.key === `${f.key}_other`);
          assert.ok(text?.type === 'text', `${t.key}.${f.key} has no "${f.key}_other"`);
          const shownWith = (v: unknown) => isVisible(text.visibleIf, { [f.key]: v });
          const other = f.type === 'multiple_choice' ? ['other'] : 'other';
          const notOther = f.type === 'multiple_choice' ? [f.options![0]!.key] : f.options![0]!.key;
          assert.ok(
            shownWith(other) && !shownWith(notOther) && !shownWith(undefined),
            `${t.key}.${text.key}`,
          );
        }
      }
    }
  });
  test('the election-day checklist covers opening, voting and counting, with critical flags', () => {
    const d = templates.find((t) => t.key === 'election_day')!.definition;
    assert.deepEqual(
      d.sections.map((s) => s.key),
      ['opening', 'voting', 'counting', 'incidents'],
    );
    assert.ok(flattenFields(d).length >= 30);
    const answers = {
      arrived_at: '2026-11-30T07:30:00+06:00',
      opened_at: '2026-11-30T08:00:00+06:00',
      opened_on_time: true,
      all_members_present: true,
      ballot_box_sealed: true,
      equipment_working: true,
      observers_admitted: 'all',
      biometric_used: 'always',
      secrecy_ensured: true,
      pressure_on_voters: false,
      vote_buying: false,
      ballot_stuffing: false,
      closed_at: '2026-11-30T20:00:00+06:00',
      voters_on_list: 1500,
      ballots_issued: 900,
      ballots_in_box: 900,
      counting_procedure_followed: true,
      observers_could_see: true,
      protocol_copy_given: true,
      overall_assessment: 'good',
    };
    assert.deepEqual(validateAnswers(d, answers), []);
    assert.equal(isCritical(d, answers), false);
    assert.equal(isCritical(d, { ...answers, ballot_box_sealed: false }), true);
    assert.deepEqual(
      validateAnswers(d, { ...answers, pressure_on_voters: true }).map((i) => `${i.path}:${i.code}`),
      ['pressure_details:required'],
    );
    assert.equal(
      isCritical(d, {
        ...answers,
        incidents: [
          { incident_time: answers.closed_at, incident_kind: 'violence', incident_description: 'x' },
        ],
      }),
      true,
    );
  });
  test('the public incident form asks for no personal data', () => {
    const d = templates.find((t) => t.key === 'public_incident')!.definition;
    assert.equal(d.kind, 'incident');
    const required = flattenFields(d)
      .filter((f) => f.required)
      .map((f) => f.key);
    assert.deepEqual(required, ['what_kind', 'what_happened', 'where', 'happened_on', 'contact']);
    // A contact is asked for only from someone who said they may be contacted.
    const contact = d.sections.flatMap((s) => s.fields).find((f) => f.key === 'contact')!;
    assert.deepEqual(contact.visibleIf, { field: 'contact_consent', op: 'eq', value: true });
    const base = {
      what_kind: 'intimidation',
      what_happened: 'People were told to vote or lose their jobs.',
      where: { region: 'KG-C' },
      happened_on: '2026-11-30',
    };
    assert.deepEqual(validateAnswers(d, base), []);
    assert.deepEqual(
      validateAnswers(d, { ...base, contact_consent: true }).map((i) => `${i.path}:${i.code}`),
      ['contact:required'],
    );
    assert.deepEqual(
      validateAnswers(d, {
        what_kind: 'intimidation',
        what_happened: 'People were told to vote or lose their jobs.',
        where: { region: 'KG-C' },
        happened_on: '2026-11-30',
        contact: 'x',
      }).map((i) => `${i.path}:${i.code}`),
      ['contact:hidden'],
    );
  });
});
