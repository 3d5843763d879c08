import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { FormDefinition } from '../../src/core/forms/types.ts';
import { describeBrowser, launch, login, openTab, type Tab } from './browser.ts';
import { fieldLogin, fieldWorld, untilStored, type World } from './field-world.ts';

const L = (en: string, ru: string, ky: string) => ({ ky, ru, en });

/** A count checked against an earlier one: said beside the question, confirmed on saving, not refused. */
const COUNTING: FormDefinition = {
  title: L('Counting', 'Подсчёт голосов', 'Добуштарды эсептөө'),
  kind: 'checklist',
  sections: [
    {
      key: 'count',
      title: L('Counting', 'Подсчёт голосов', 'Добуштарды эсептөө'),
      fields: [
        {
          key: 'issued',
          type: 'number',
          label: L('Ballots issued', 'Выдано бюллетеней', 'Берилген бюллетендер'),
          required: true,
        },
        {
          key: 'in_box',
          type: 'number',
          label: L('Ballots in the box', 'Бюллетеней в урне', 'Урнадагы бюллетендер'),
          constraint: { compare: [{ op: 'lte', field: 'issued' }] },
        },
      ],
    },
  ],
};

await describeBrowser('field app: answers that do not add up', (backend) => {
  let w: World;
  let browser: Browser;
  let tab: Tab;
  let version: string;

  before(async () => {
    w = await fieldWorld(backend);
    const created = await w.admin$.post<{ id: string }>('/api/monitoring/forms', { definition: COUNTING });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const pub = await w.admin$.post<{ versionId: string }>(
      `/api/monitoring/forms/${created.body.id}/publish`,
    );
    version = pub.body.versionId;
    const forms = await w.admin$.put(`/api/monitoring/missions/${w.missionId}/forms`, {
      formVersionIds: [w.checklistVersion, w.incidentVersion, w.visitVersion, version],
    });
    assert.equal(forms.status, 200, JSON.stringify(forms.body));
    browser = await launch();
    tab = await openTab(browser, w.server.url, { locale: 'ru', width: 375 });
  });
  after(async () => {
    await browser?.close();
    await w?.stop();
  });

  it('a message beside its question does not repeat the question', async () => {
    const { page } = tab;
    await fieldLogin(page, w);
    await page.getByTestId(`field-form-${version}`).click();
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-invalid').waitFor();
    const error = page.locator('.mantine-InputWrapper-error').first();
    assert.equal((await error.innerText()).trim(), 'Нужен ответ.');
  });

  it('more ballots in the box than issued: said at once, confirmed on saving, sent for verification', async () => {
    const { page } = tab;
    await page.getByTestId('q-issued').fill('400');
    await page.getByTestId('q-in_box').fill('431');
    const note = page.getByTestId('note-in_box');
    await note.waitFor();
    assert.equal((await note.innerText()).trim(), 'Больше, чем ответ на вопрос «Выдано бюллетеней».');
    await page.getByTestId('field-save').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Бюллетеней в урне: больше, чем ответ на вопрос «Выдано бюллетеней».').waitFor();
    await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot only
    await page.screenshot({ path: '/tmp/field-checks-ru.png' });
    // Going back keeps the report open and unsaved.
    await page.getByTestId('field-checks-back').click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('q-in_box').inputValue(), '431');
    // A corrected count needs no confirmation; the count as seen does.
    await page.getByTestId('q-in_box').fill('400');
    await note.waitFor({ state: 'detached' });
    await page.getByTestId('q-in_box').fill('431');
    await page.getByTestId('field-save').click();
    await page.getByTestId('field-checks-confirm').click();
    await page.waitForURL((u) => u.pathname === '/field');
    const [item] = await untilStored(w, 1);
    const sub = await w.admin$.get<{ flags: Record<string, boolean>; answers: Record<string, unknown> }>(
      `/api/monitoring/submissions/${item!.id}`,
    );
    assert.deepEqual(sub.body.answers, { issued: 400, in_box: 431 });
    assert.equal(sub.body.flags.verify, true);

    // The reviewer sees why the report waits to be verified.
    const office = await openTab(browser, w.server.url, { locale: 'en', width: 1280 });
    await login(office.page, w.admin);
    await office.page.goto(`/monitoring/submissions/${item!.id}`);
    const checks = office.page.getByTestId('answers-checks');
    await checks.getByText('Ballots in the box: more than the answer to “Ballots issued”.').waitFor();
    assert.equal(await office.page.getByTestId('flag-verify').isChecked(), true);
    // A received report is rejected with "Reject" (once shown as a raw message key).
    assert.equal((await office.page.getByTestId('to-rejected').innerText()).trim(), 'Reject');
    await office.page.close();
  });

  it('a report half filled in survives a reload, and can be started over', async () => {
    const { page } = tab;
    await page.goto('/field');
    await page.getByTestId(`field-form-${version}`).click();
    await page.getByTestId('q-issued').fill('123');
    await page.waitForTimeout(1_000); // the draft is written a moment after the last change
    await page.reload();
    await page.getByTestId('field-draft-restored').waitFor();
    assert.equal(await page.getByTestId('q-issued').inputValue(), '123');
    // Back keeps the draft without asking; the next opening brings it back again.
    await page.getByTestId('field-back').click();
    await page.getByTestId(`field-form-${version}`).click();
    assert.equal(await page.getByTestId('q-issued').inputValue(), '123');
    await page.getByTestId('field-draft-discard').click();
    await page.getByTestId('field-draft-restored').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('q-issued').inputValue(), '');
    await page.reload();
    await page.getByTestId('q-issued').waitFor();
    assert.equal(await page.getByTestId('field-draft-restored').count(), 0);
    assert.equal(await page.getByTestId('q-issued').inputValue(), '');
    // The quick incident keeps no draft: leaving it with something typed asks first.
    await page.goto('/field');
    await page.getByTestId('field-incident').click();
    await page.getByTestId('q-what').fill('Милиция участкага кирди');
    await page.getByTestId('field-back').click();
    await page.getByTestId('field-leave-stay').click();
    assert.equal(await page.getByTestId('q-what').inputValue(), 'Милиция участкага кирди');
    await page.getByTestId('field-back').click();
    await page.getByTestId('field-leave-go').click();
    await page.getByTestId(`field-form-${version}`).waitFor();
  });

  it('the form builder compares a count with an earlier one, and asks before removing what it compares with', async () => {
    const office = await openTab(browser, w.server.url, { locale: 'en', width: 1280 });
    const { page } = office;
    await login(page, w.admin);
    await page.goto('/monitoring/forms/new');
    await page.getByTestId('form-title-en').fill('Ballot count');
    await page.getByTestId('section-0-title-en').fill('Count');
    for (const label of ['Ballots received', 'Ballots issued']) {
      await page.getByTestId('section-0-add').click();
      await page.getByTestId('section-0-add-number').click();
      await page.locator('[data-testid$=-label-en]').last().fill(label);
    }
    // The first number has nothing earlier to compare with; the second one has.
    assert.equal(await page.getByTestId('field-q1-compare-add').count(), 0);
    await page.getByTestId('field-q2-compare-add').click();
    assert.equal(await page.getByTestId('field-q2-compare-0-op').inputValue(), 'at most');
    assert.equal(await page.getByTestId('field-q2-compare-0-field').inputValue(), 'Ballots received');
    await page.getByTestId('field-q2').screenshot({ path: '/tmp/builder-compare.png' });
    await page.getByTestId('save-draft').click();
    await page.waitForURL((u) => /\/monitoring\/forms\/(?!new)[^/]+$/.test(u.pathname));
    const formId = page.url().split('/').pop()!;
    const saved = await w.admin$.get<{ draft: { definition: FormDefinition } | null }>(
      `/api/monitoring/forms/${formId}`,
    );
    const q2 = saved.body.draft?.definition.sections[0]?.fields[1];
    assert.deepEqual(q2?.constraint, { compare: [{ op: 'lte', field: 'q1' }] });
    // Removing "Ballots received" names the question that compares with it, and takes the comparison too.
    await page.getByTestId('field-q1-remove').click();
    const deps = page.getByRole('dialog');
    await deps.getByTestId('remove-deps').getByText('Ballots issued').waitFor();
    await deps.getByRole('button', { name: 'Remove' }).click();
    await page.getByTestId('field-q2').waitFor();
    assert.equal(await page.getByTestId('field-q2-compare-0-op').count(), 0);
    await page.close();
  });
});
