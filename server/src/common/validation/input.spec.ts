import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation.js';
import { DecimalMax, IsDay, IsDecimal2, NormalizedDay, NormalizedDecimal } from './input.js';

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
        fa: 'value: باید عددی با حداکثر دو رقم اعشار باشد، مانند ۲۶٫۰۷',
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
      { field: 'value', fa: 'value: نباید بیشتر از ۱۰۰٫۰۰ باشد', en: 'value must not be greater than 100.00' },
    ]);
  });
});
