/** Generic service names for the synthetic part of the demo data: an action and a subject, in both languages. */
export const SERVICE_ACTIONS: ReadonlyArray<readonly [string, string]> = [
  ['صدور', 'Issuing'],
  ['تمدید', 'Renewal of'],
  ['استعلام', 'Inquiry on'],
  ['ثبت درخواست', 'Application for'],
  ['پیگیری', 'Tracking of'],
  ['ابطال', 'Cancellation of'],
  ['صدور المثنی', 'Duplicate of'],
  ['اصلاح اطلاعات', 'Correction of'],
  ['پرداخت هزینه', 'Payment for'],
  ['ثبت شکایت درباره', 'Complaint about'],
];

export const SERVICE_SUBJECTS: ReadonlyArray<readonly [string, string]> = [
  ['پروانه فعالیت', 'operating licence'],
  ['گواهی', 'certificate'],
  ['مجوز', 'permit'],
  ['کارت شناسایی', 'identity card'],
  ['پرونده', 'case file'],
  ['قرارداد', 'contract'],
  ['یارانه', 'subsidy'],
  ['بیمه', 'insurance'],
  ['عوارض', 'levy'],
  ['سهمیه', 'quota'],
  ['تأییدیه', 'approval'],
  ['پروانه ساخت', 'building permit'],
  ['گواهی عدم سوء پیشینه', 'clearance certificate'],
  ['نوبت‌دهی', 'appointment'],
  ['گزارش', 'report'],
];

export const SYSTEM_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['سامانه یکپارچه خدمات الکترونیکی', 'Integrated e-services system'],
  ['درگاه خدمات الکترونیکی', 'E-services portal'],
  ['سامانه ثبت و پیگیری درخواست‌ها', 'Request registration and tracking system'],
];
