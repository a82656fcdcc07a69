import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation.js';
import { IsOptional, IsString } from 'class-validator';
import {
  DecimalMax,
  IsDay,
  IsDayOrDateTime,
  IsDecimal2,
  NormalizedDay,
  NormalizedDayOrDateTime,
  NormalizedDecimal,
  NormalizedText,
} from './input.js';

class ScoreInput {
  @NormalizedDecimal()
  @IsDecimal2()
  @DecimalMax('100.00')
  value: string;

  @NormalizedDay()
  @IsDay()
  heldOn: string;
}

async function problems(plain: Record<string, unknown>) {
  const sut = plainToInstance(ScoreInput, plain);
  return { value: sut, problems: flattenValidationErrors(await validate(sut)) };
}

describe('the shared input constraints', () => {
  it('read Persian digits with ٫ and Jalali days into canonical values', async () => {
    const { value, problems: found } = await problems({ value: '۲۶٫۰۷', heldOn: '۱۴۰۱/۰۵/۳۱' });
    expect(found).toEqual([]);
    expect(value).toMatchObject({ value: '26.07', heldOn: '2022-08-22' });
  });

  it('say what is wrong in Persian as precisely as in English', async () => {
    const { problems: found } = await problems({ value: '12.345', heldOn: '1401/12/30' });
    expect(found).toEqual([
      {
        field: 'value',
        fa: 'باید عددی با حداکثر دو رقم اعشار باشد، مانند ۲۶٫۰۷',
        en: expect.stringContaining('at most two decimals'),
      },
      {
        field: 'heldOn',
        fa: expect.stringContaining('روز معتبری نیست'),
        en: expect.stringContaining('must be a real day'),
      },
    ]);
  });

  it('name the maximum in Persian digits', async () => {
    const { problems: found } = await problems({ value: '100.01', heldOn: '2022-08-22' });
    expect(found).toEqual([
      { field: 'value', fa: 'نباید بیشتر از ۱۰۰٫۰۰ باشد', en: 'value must not be greater than 100.00' },
    ]);
  });
});

class TextInput {
  @NormalizedText()
  @IsString()
  kept: string;

  @NormalizedText({ emptyAsUndefined: true })
  @IsOptional()
  @IsString()
  dropped?: string;
}

describe('NormalizedText', () => {
  it('normalises digits, letter forms and spaces; keeps an empty string unless told to drop it', async () => {
    const sut = plainToInstance(TextInput, { kept: '  ', dropped: ' \u200f ' });
    expect(sut).toEqual({ kept: '', dropped: undefined });
    expect(flattenValidationErrors(await validate(sut))).toEqual([]);
    expect(plainToInstance(TextInput, { kept: ' كد  ۱۲ ', dropped: 'ي ٣' })).toEqual({ kept: 'کد 12', dropped: 'ی 3' });
  });
});

class WindowInput {
  @NormalizedDayOrDateTime()
  @IsDayOrDateTime()
  from: string;
}

describe('NormalizedDayOrDateTime and IsDayOrDateTime', () => {
  const read = async (from: string) => {
    const sut = plainToInstance(WindowInput, { from });
    return { from: sut.from, problems: flattenValidationErrors(await validate(sut)) };
  };

  it('read a day in either calendar, with - or / and any digits, as its ISO day', async () => {
    for (const typed of ['1401-08-20', '1401/08/20', '۱۴۰۱-۰۸-۲۰', '2022-11-11', '2022/11/11']) {
      expect(await read(typed)).toEqual({ from: '2022-11-11', problems: [] });
    }
  });

  it('keep a full ISO date-time as it is', async () => {
    expect(await read('2022-11-11T08:30:00Z')).toEqual({ from: '2022-11-11T08:30:00Z', problems: [] });
    expect(await read('2022-11-11T08:30:00.000+03:30')).toMatchObject({ problems: [] });
  });

  it('refuse anything else in both languages', async () => {
    for (const typed of [
      'nonsense',
      '',
      '1401-12-30',
      '2022-02-29',
      '2022-11',
      '2022-11-11 08:30',
      '2022-13-01T00:00Z',
    ]) {
      expect((await read(typed)).problems).toEqual([
        {
          field: 'from',
          fa: expect.stringContaining('روز یا زمان معتبری نیست'),
          en: expect.stringContaining('must be a real day'),
        },
      ]);
    }
  });
});
