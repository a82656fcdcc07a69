import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../errors/validation.js';
import { PageQuery, pageQuery } from './page.query.js';

class WideQuery extends pageQuery(500) {}

async function problems<T extends object>(type: new () => T, plain: Record<string, unknown>) {
  const sut = plainToInstance(type, plain);
  return { value: sut, fields: flattenValidationErrors(await validate(sut)).map((p) => p.field) };
}

describe('pageQuery', () => {
  it('defaults to page 1 of 50 and reads any digits', async () => {
    expect(await problems(PageQuery, {})).toEqual({ value: { page: 1, pageSize: 50 }, fields: [] });
    expect(await problems(PageQuery, { page: '۳', pageSize: '۲۰۰' })).toEqual({
      value: { page: 3, pageSize: 200 },
      fields: [],
    });
  });

  it('stops at 200 by default and at the maximum given', async () => {
    expect((await problems(PageQuery, { pageSize: '201' })).fields).toEqual(['pageSize']);
    expect((await problems(WideQuery, { pageSize: '500' })).fields).toEqual([]);
    expect((await problems(WideQuery, { pageSize: '501', page: '0' })).fields).toEqual(['page', 'pageSize']);
  });

  it('shows each maximum in the OpenAPI document', () => {
    const maximum = (type: new () => object) =>
      (Reflect.getMetadata('swagger/apiModelProperties', type.prototype, 'pageSize') as { maximum: number }).maximum;
    expect(maximum(PageQuery)).toBe(200);
    expect(maximum(WideQuery)).toBe(500);
  });
});
