import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locale } from '../../../core/roles.ts';
import { requireCap, type Actor } from '../../platform/access/policy.ts';
import { auditNow, type AppContext } from '../../platform/context.ts';
import { getOrgSettings } from '../setup/setup.service.ts';
import { definitions, headline, statsSections } from './cases.export.ts';
import { CONTENT_TYPES, labelsFor, type Download, type Labels } from './cases.export.format.ts';
import { yearStats, type YearStats } from './cases.stats.ts';

/**
 * The printable yearly report (PDF) in one of the three languages, with DejaVu Sans embedded so that
 * ң ө ү print on any machine. pdfmake may read only the four font files and fetch no URL at all.
 */

// pdfmake 0.3 ships no type declarations: this is the part of its server API used here.
type Content = Record<string, unknown> | string | Content[];
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(allow: (url: string) => boolean): void;
  setLocalAccessPolicy(allow: (file: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = {
  normal: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italics: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  bolditalics: path.join(FONT_DIR, 'DejaVuSans-BoldOblique.ttf'),
};
const FONT_FILES = new Set(Object.values(FONTS));

/**
 * pdfmake keeps fonts and access policies in one module-wide object; they are set right before each
 * document (synchronously with createPdf), so another user of pdfmake cannot leave us with its own.
 */
function pdfmake(): PdfMake {
  const pm = require('pdfmake') as PdfMake;
  pm.setFonts({ DejaVuSans: FONTS });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((file) => FONT_FILES.has(file));
  return pm;
}

function table(header: string[], rows: (string | number)[][], widths: string[]): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((text) => ({ text, style: 'th' })),
        ...rows.map((r) => r.map((c, i) => (i > 0 ? { text: String(c), alignment: 'right' } : String(c)))),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

function headlineTable(s: YearStats, L: Labels): Content {
  const rows = headline(s).map(([key, value, unit]) => [
    key === 'victims' ? { text: L.t(`figure.${key}`), margin: [12, 0, 0, 0] } : L.t(`figure.${key}`),
    { text: L.t(`count.${unit}`, { count: value }), alignment: 'right', bold: key === 'people' },
  ]);
  return {
    table: { widths: ['*', 'auto'], body: rows },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

function breakdowns(s: YearStats, L: Labels): Content[] {
  // A heading and its (short) table stay together on one page.
  return statsSections(s, L).map((section) => ({
    unbreakable: true,
    stack: [
      { text: L.t(`section.${section.key}`), style: 'h3' },
      section.rows.length
        ? table(
            [L.t('report.category'), L.t('report.people_column')],
            section.rows.map((r) => [r.label, r.people]),
            ['*', 'auto'],
          )
        : { text: L.t('report.no_data'), style: 'muted', margin: [0, 0, 0, 8] },
    ],
  }));
}

/** The document definition of the year's report. */
export function reportDocument(s: YearStats, L: Labels, orgName: string | null, now = new Date()): object {
  const date = new Intl.DateTimeFormat(L.locale, {
    timeZone: 'Asia/Bishkek',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(now);
  const title = L.t('report.title', { year: s.year });
  return {
    info: { title, subject: L.t('report.subtitle'), creator: 'Ukuk', producer: 'Ukuk' },
    language: L.locale,
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'DejaVuSans', fontSize: 10, lineHeight: 1.2 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true },
      muted: { color: '#555555', fontSize: 9 },
    },
    footer: (page: number, pages: number) => ({
      text: L.t('report.page', { page, pages }),
      alignment: 'center',
      style: 'muted',
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: title, style: 'h1' },
      { text: L.t('report.subtitle'), margin: [0, 0, 0, 6] },
      ...(orgName ? [{ text: L.t('report.organisation', { name: orgName }) }] : []),
      { text: L.t('report.generated', { date }), style: 'muted' },
      { text: L.t('report.aggregates_only'), style: 'muted', margin: [0, 2, 0, 0] },
      { text: L.t('report.headline'), style: 'h2' },
      headlineTable(s, L),
      { text: L.t('report.definitions'), style: 'h2' },
      ...definitions(s, L).map(([term, text]) => ({
        text: [{ text: `${term}. `, bold: true }, text],
        margin: [0, 0, 0, 4],
      })),
      { text: L.t('report.breakdowns'), style: 'h2' },
      ...breakdowns(s, L),
    ],
  };
}

/** The report as PDF bytes. */
export function renderReport(s: YearStats, L: Labels, orgName: string | null): Promise<Buffer> {
  return pdfmake()
    .createPdf(reportDocument(s, L, orgName) as Record<string, unknown>)
    .getBuffer();
}

/** The year's report as a PDF in the chosen language. Aggregates only; audited as an export. */
export async function statsReport(
  ctx: AppContext,
  actor: Actor | null,
  year: number,
  locale: Locale,
): Promise<Download> {
  requireCap(actor, 'reports.read');
  const [stats, L, org] = await Promise.all([
    yearStats(ctx.db, year, locale),
    labelsFor(ctx.db, locale),
    getOrgSettings(ctx),
  ]);
  const body = await renderReport(stats, L, org.name);
  await auditNow(ctx, {
    actorId: actor.userId,
    action: 'stats.export',
    entityType: 'stats',
    details: { year, format: 'pdf', lang: locale },
  });
  return { filename: `ukuk-report-${year}-${locale}.pdf`, contentType: CONTENT_TYPES.pdf, body };
}
