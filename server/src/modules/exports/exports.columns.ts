import { isoToJalali } from '../../common/dates/jalali.js';
import type { ExportCellValue, ExportColumn } from '../../common/spreadsheet/export-columns.js';
import type { AgencyBranch, AgencyKind } from '../agencies/agency.entity.js';
import type { ServiceAudience, ServiceStage } from '../catalogue/stages.js';
import type { MilestoneStatus } from '../compliance/compliance.rules.js';
import type { ExportLanguage } from './dto/export.query.js';

/**
 * The columns of each export, in both languages. Every day is given twice, side by side: as Jalali text
 * (`1401/05/31`, Latin digits so that programs read it too) and as a real date (ISO in CSV and JSON, a date cell in
 * XLSX), because a spreadsheet number format cannot show the Jalali calendar. Enumerations (kind, branch, stage,
 * audience, milestone status) are written as labels in the export's language.
 */

type Bilingual = Record<ExportLanguage, string>;
type Labels<K extends string> = Record<K, Bilingual>;

export const KIND_LABELS: Labels<AgencyKind> = {
  ministry: { fa: 'وزارتخانه', en: 'Ministry' },
  organisation: { fa: 'سازمان', en: 'Organisation' },
  bank: { fa: 'بانک', en: 'Bank' },
  judiciary: { fa: 'نهاد قضایی', en: 'Judiciary body' },
  governorate: { fa: 'استانداری', en: 'Governorate' },
  company: { fa: 'شرکت', en: 'Company' },
  foundation: { fa: 'بنیاد', en: 'Foundation' },
  council: { fa: 'شورا', en: 'Council' },
  other: { fa: 'سایر', en: 'Other' },
};

export const BRANCH_LABELS: Labels<AgencyBranch> = {
  executive: { fa: 'قوه مجریه', en: 'Executive' },
  judiciary: { fa: 'قوه قضاییه', en: 'Judiciary' },
  legislative: { fa: 'قوه مقننه', en: 'Legislative' },
  other: { fa: 'سایر', en: 'Other' },
};

export const STAGE_LABELS: Labels<ServiceStage> = {
  not_electronic: { fa: 'غیرالکترونیکی', en: 'Not electronic' },
  electronic: { fa: 'الکترونیکی در سامانه دستگاه', en: "Electronic in the agency's own system" },
  single_window: { fa: 'ارائه در پنجره واحد دستگاه', en: "Offered in the agency's single window" },
  national_window: { fa: 'متصل به پنجره ملی', en: 'Connected to the national window' },
};

export const AUDIENCE_LABELS: Labels<ServiceAudience> = {
  g2c: { fa: 'دولت به مردم', en: 'Government to citizens' },
  g2b: { fa: 'دولت به کسب و کار', en: 'Government to business' },
  g2g: { fa: 'دولت به دولت', en: 'Government to government' },
};

export const STATUS_LABELS: Labels<MilestoneStatus> = {
  met: { fa: 'انجام شده', en: 'Met' },
  pending: { fa: 'در جریان', en: 'Pending' },
  at_risk: { fa: 'در خطر تأخیر', en: 'At risk' },
  overdue: { fa: 'گذشته از مهلت', en: 'Overdue' },
};

/** Jalali text of ISO days, remembered (an export of a million services has a few thousand distinct days). */
const jalaliCache = new Map<string, string>();
export function jalaliOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  let jalali = jalaliCache.get(iso);
  if (jalali === undefined) {
    if (jalaliCache.size > 20_000) jalaliCache.clear();
    jalali = isoToJalali(iso);
    jalaliCache.set(iso, jalali);
  }
  return jalali;
}

/** Builds columns in one language. */
export class ColumnSet<Row> {
  readonly columns: ExportColumn<Row>[] = [];

  constructor(private readonly lang: ExportLanguage) {}

  private add(column: ExportColumn<Row>): this {
    this.columns.push(column);
    return this;
  }

  text(key: string, header: Bilingual, value: (row: Row) => ExportCellValue, width?: number): this {
    return this.add({ key, header: header[this.lang], type: 'text', value, width });
  }

  number(key: string, header: Bilingual, value: (row: Row) => ExportCellValue): this {
    return this.add({ key, header: header[this.lang], type: 'number', value });
  }

  decimal(key: string, header: Bilingual, value: (row: Row) => ExportCellValue): this {
    return this.add({ key, header: header[this.lang], type: 'decimal', value });
  }

  boolean(key: string, header: Bilingual, value: (row: Row) => ExportCellValue): this {
    return this.add({ key, header: header[this.lang], type: 'boolean', value });
  }

  /** A label of an enumeration in the export's language. */
  label<K extends string>(key: string, header: Bilingual, labels: Labels<K>, value: (row: Row) => K | null): this {
    return this.add({
      key,
      header: header[this.lang],
      type: 'text',
      value: (row) => {
        const code = value(row);
        return code === null ? null : (labels[code]?.[this.lang] ?? code);
      },
      width: 22,
    });
  }

  /** A day as two columns: `<key>_jalali` (text) and `<key>` (the real date). */
  day(key: string, header: Bilingual, value: (row: Row) => string | null): this {
    this.add({
      key: `${key}_jalali`,
      header: this.lang === 'fa' ? `${header.fa} (شمسی)` : `${header.en} (Jalali)`,
      type: 'text',
      value: (row) => jalaliOf(value(row)),
      width: 14,
    });
    return this.add({
      key,
      header: this.lang === 'fa' ? `${header.fa} (میلادی)` : `${header.en} (Gregorian)`,
      type: 'date',
      value,
      width: 14,
    });
  }
}

export const H = {
  rank: { fa: 'رتبه', en: 'Rank' },
  agencyCode: { fa: 'کد دستگاه', en: 'Agency code' },
  agencyName: { fa: 'نام دستگاه', en: 'Agency' },
  nameFa: { fa: 'نام (فارسی)', en: 'Name (Persian)' },
  nameEn: { fa: 'نام (انگلیسی)', en: 'Name (English)' },
  kind: { fa: 'نوع', en: 'Kind' },
  branch: { fa: 'قوه', en: 'Branch' },
  isMain: { fa: 'از ۱۷۰ دستگاه اصلی', en: 'One of the 170 main agencies' },
  score: { fa: 'امتیاز کیفیت', en: 'Quality score' },
  progress: { fa: 'درصد خدمات متصل', en: 'Percent of services connected' },
  previousRank: { fa: 'رتبه هفته پیش', en: "Last week's rank" },
  change: { fa: 'تغییر رتبه', en: 'Places gained' },
  overdue: { fa: 'مهلت‌های گذشته', en: 'Overdue milestones' },
  atRisk: { fa: 'مهلت‌های در خطر', en: 'Milestones at risk' },
  metLate: { fa: 'انجام‌شده با تأخیر در این هفته', en: 'Met late this week' },
  responseOn: { fa: 'تاریخ آخرین جوابیه', en: 'Latest official response received' },
  response: { fa: 'متن آخرین جوابیه', en: 'Latest official response (Persian)' },
  singleWindow: { fa: 'راه‌اندازی پنجره واحد', en: 'Single window launched' },
  nationalWindow: { fa: 'اتصال به پنجره ملی', en: 'Connected to the national window' },
  identified: { fa: 'خدمات شناسایی‌شده', en: 'Services identified' },
  baseline: { fa: 'خدمات پایه', en: 'Baseline services' },
  inSingleWindow: { fa: 'خدمات در پنجره واحد', en: 'Services in the single window' },
  connected: { fa: 'خدمات متصل', en: 'Services connected' },
  serviceCode: { fa: 'کد خدمت', en: 'Service code' },
  audience: { fa: 'مخاطب', en: 'Audience' },
  systemCode: { fa: 'کد سامانه', en: 'System code' },
  systemName: { fa: 'سامانه', en: 'System' },
  stage: { fa: 'مرحله', en: 'Stage' },
  identifiedOn: { fa: 'شناسایی', en: 'Identified' },
  electronicOn: { fa: 'الکترونیکی شدن', en: 'Electronic' },
  singleWindowOn: { fa: 'ورود به پنجره واحد', en: 'In the single window' },
  nationalWindowOn: { fa: 'اتصال به پنجره ملی', en: 'Connected to the national window' },
  withdrawnOn: { fa: 'حذف از فهرست', en: 'Withdrawn' },
  withdrawalReason: { fa: 'دلیل حذف', en: 'Why withdrawn' },
} satisfies Record<string, Bilingual>;

/** The header of one milestone's columns: its title in the language, e.g. "پنجره واحد: وضعیت". */
export function milestoneHeader(title: Bilingual, what: Bilingual): Bilingual {
  return { fa: `${title.fa}: ${what.fa}`, en: `${title.en}: ${what.en}` };
}

export const MILESTONE_PARTS = {
  status: { fa: 'وضعیت', en: 'status' },
  metOn: { fa: 'تاریخ انجام', en: 'met on' },
} satisfies Record<string, Bilingual>;
