import { plainToInstance } from 'class-transformer';
import { IsString, MaxLength, validate } from 'class-validator';
import { PageQuery } from '../validation/page.query.js';
import { flattenValidationErrors } from './validation.js';

class NamedBody {
  @IsString()
  @MaxLength(5)
  name!: string;
}

async function problemsOf<T extends object>(type: new () => T, plain: Record<string, unknown>) {
  return flattenValidationErrors(await validate(plainToInstance(type, plain)));
}

describe('flattenValidationErrors', () => {
  it('gives one clear problem per field: pageSize=abc is "not a whole number", not also out of range', async () => {
    const sut = await problemsOf(PageQuery, { pageSize: 'abc' });
    expect(sut).toEqual([{ field: 'pageSize', fa: 'باید عدد صحیح باشد', en: 'pageSize must be an integer number' }]);
  });

  it('never puts the English field name inside the Persian message', async () => {
    const sut = await problemsOf(PageQuery, { page: 'x', pageSize: '1000' });
    expect(sut.map((p) => p.field)).toEqual(['page', 'pageSize']);
    for (const problem of sut) expect(problem.fa).not.toMatch(/[A-Za-z]/);
  });

  it('names a bound in Persian digits when the bound is all that failed', async () => {
    expect(await problemsOf(PageQuery, { pageSize: '201' })).toEqual([
      { field: 'pageSize', fa: 'نباید بیشتر از ۲۰۰ باشد', en: 'pageSize must not be greater than 200' },
    ]);
    expect(await problemsOf(PageQuery, { page: '0' })).toEqual([
      { field: 'page', fa: 'نباید کمتر از ۱ باشد', en: 'page must not be less than 1' },
    ]);
    expect(await problemsOf(NamedBody, { name: 'longer than five' })).toEqual([
      { field: 'name', fa: 'نباید بیشتر از ۵ نویسه باشد', en: 'name must be shorter than or equal to 5 characters' },
    ]);
  });

  it('reports the kind before the bound whatever the order of the decorators', async () => {
    expect(await problemsOf(NamedBody, { name: 12 })).toEqual([
      { field: 'name', fa: 'باید متن باشد', en: 'name must be a string' },
    ]);
  });
});
