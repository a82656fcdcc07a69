import { createI18n } from '../../../app/i18n/createI18n';
import { describeMovement } from './describeMovement';

const fa = createI18n('fa').t;
const en = createI18n('en').t;

describe('describeMovement', () => {
  it('gives places and their two causes, in Persian and English', () => {
    const movement = { previousRank: 5, change: 3, own: 2, others: 1 };
    expect(describeMovement(2, movement, fa, 'fa')).toEqual({
      direction: 'up',
      arrow: '▲',
      headline: '۳ پله بالاتر',
      reason: '۲ از تغییر خودش، ۱ از تغییر دیگران',
      previousRank: '۵',
    });
    expect(describeMovement(2, movement, en, 'en')).toMatchObject({
      headline: 'up 3',
      reason: 'own +2, others +1',
      previousRank: '5',
    });
  });

  it('says which way each part went when they pull apart', () => {
    const sut = describeMovement(2, { previousRank: 5, change: 3, own: 4, others: -1 }, fa, 'fa');
    expect(sut.reason).toBe('۴ پله بالاتر از تغییر خودش، ۱ پله پایین‌تر از تغییر دیگران');
    const still = describeMovement(7, { previousRank: 7, change: 0, own: 1, others: -1 }, fa, 'fa');
    expect(still).toMatchObject({ direction: 'same', arrow: '–', headline: 'بدون جابه‌جایی' });
    expect(still.reason).toBe('۱ پله بالاتر از تغییر خودش، ۱ پله پایین‌تر از تغییر دیگران');
  });

  it('says nothing to split when nothing moved, and when there was no rank a week before', () => {
    expect(describeMovement(1, { previousRank: 1, change: 0, own: 0, others: 0 }, fa, 'fa').reason).toBeNull();
    expect(describeMovement(167, { previousRank: null, change: null, own: null, others: null }, fa, 'fa')).toEqual({
      direction: 'none',
      arrow: '',
      headline: 'هفته قبل رتبه نداشت',
      reason: null,
      previousRank: null,
    });
    expect(describeMovement(null, { previousRank: 4, change: null, own: null, others: null }, en, 'en')).toMatchObject({
      headline: 'unranked',
      previousRank: '4',
    });
  });
});
