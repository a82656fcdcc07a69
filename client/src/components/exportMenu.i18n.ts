/**
 * Strings of the export links (`ExportMenu`) and of what each page offers to download: Persian (the shape) and
 * English. Wired into the app's resources under `exports`.
 */
export const fa = {
  formats: {
    csv: { name: 'CSV', note: 'برای اکسل' },
    xlsx: { name: 'XLSX', note: 'صفحه‌گسترده' },
    json: { name: 'JSON', note: 'برای برنامه‌ها' },
  },
  allRows: 'فایل همه ردیف‌ها را دارد، نه فقط این صفحه را.',
  licence: 'با پروانه <licence>CC BY 4.0</licence> و با ذکر منبع آزادانه به کار ببرید.',
  rankings: 'دریافت همین رتبه‌بندی، با همین پالایه‌ها و ترتیب',
  agencies: 'دریافت فهرست دستگاه‌ها',
  services: 'دریافت فهرست خدمات این دستگاه',
  weekly: {
    title: 'داده‌های این گزارش',
    download: 'دریافت ویرایش {{revision}} این گزارش',
    permalinkLabel: 'نشانی ماندگار داده‌های ویرایش {{revision}}',
    permalinkHint: 'این نشانی هر بار همین داده‌ها را، بایت به بایت، برمی‌گرداند.',
  },
};

export const en: typeof fa = {
  formats: {
    csv: { name: 'CSV', note: 'for Excel' },
    xlsx: { name: 'XLSX', note: 'spreadsheet' },
    json: { name: 'JSON', note: 'for programs' },
  },
  allRows: 'The file holds every row, not just this page.',
  licence: 'Free to reuse under <licence>CC BY 4.0</licence>, crediting the source.',
  rankings: 'Download this ranking, with these filters and this order',
  agencies: 'Download the list of agencies',
  services: 'Download the list of this agency’s services',
  weekly: {
    title: 'This report’s data',
    download: 'Download revision {{revision}} of this report',
    permalinkLabel: 'Permanent address of revision {{revision}}’s data',
    permalinkHint: 'This address returns the same data, byte for byte, every time.',
  },
};
