import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_VERSION } from '../../config/version.js';
import type { MetaDto } from './dto/meta.dto.js';
import { selectDatasetKind } from './meta.queries.js';

export const DEMO_NOTICE = {
  fa: 'داده‌های این نسخه نمایشی است: جز واقعیت‌های گزارش خبری مرداد ۱۴۰۱ (۱۷۰ دستگاه، ۱۰ دستگاه متصل، امتیاز ۲۶٫۰۷ وزارت کشور و …)، ارقام ساختگی‌اند و درباره هیچ دستگاهی ادعایی نمی‌کنند.',
  en: 'This is demonstration data: apart from the facts of the Mordad 1401 news report (170 agencies, 10 connected, the Ministry of Interior’s 26.07, …), the figures are synthetic and say nothing about any real agency.',
};

/** What the client shows about the data set and the server: whether the data are the demo set, and the version. */
@Injectable()
export class MetaService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(): Promise<MetaDto> {
    const demoData = (await selectDatasetKind(this.dataSource.manager)) === 'demo';
    return { demoData, notice: demoData ? DEMO_NOTICE : { fa: '', en: '' }, version: APP_VERSION };
  }
}
