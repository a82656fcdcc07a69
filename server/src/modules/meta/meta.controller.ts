import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LocalizedTextDto } from '../../common/errors/error-response.dto.js';
import { APP_VERSION } from '../../config/version.js';

export class MetaDto {
  @ApiProperty({ description: 'True when the database holds the generated demonstration data set.' }) demoData: boolean;
  @ApiProperty({ type: LocalizedTextDto }) notice: LocalizedTextDto;
  @ApiProperty() version: string;
}

export const DEMO_NOTICE = {
  fa: 'داده‌های این نسخه نمایشی است: جز واقعیت‌های گزارش خبری مرداد ۱۴۰۱ (۱۷۰ دستگاه، ۱۰ دستگاه متصل، امتیاز ۲۶٫۰۷ وزارت کشور و …)، ارقام ساختگی‌اند و درباره هیچ دستگاهی ادعایی نمی‌کنند.',
  en: 'This is demonstration data: apart from the facts of the Mordad 1401 news report (170 agencies, 10 connected, the Ministry of Interior’s 26.07, …), the figures are synthetic and say nothing about any real agency.',
};

@ApiTags('meta')
@Controller('v1/meta')
export class MetaController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: MetaDto })
  async get(): Promise<MetaDto> {
    const rows = await this.dataSource.query<Array<{ kind: string }>>(
      `SELECT value->>'kind' AS kind FROM dataset_info WHERE key = 'dataset'`,
    );
    const demoData = rows[0]?.kind === 'demo';
    return { demoData, notice: demoData ? DEMO_NOTICE : { fa: '', en: '' }, version: APP_VERSION };
  }
}
