import fc from 'fast-check';
import { jalaliToIso } from '../../common/dates/jalali.js';
import { competitionRanks, milestoneStatus, movements } from './compliance.rules.js';

const due = { dueOn: '2022-09-22', atRiskDays: 14 }; // 1401/06/31

describe('milestoneStatus', () => {
  it('is at risk on the due day itself (0 days left) and overdue by 1 day the day after', () => {
    expect(milestoneStatus(due, null, '2022-09-22')).toMatchObject({ status: 'at_risk', daysLeft: 0 });
    expect(milestoneStatus(due, null, '2022-09-23')).toMatchObject({ status: 'overdue', daysOverdue: 1 });
  });

  it('enters the at-risk window exactly atRiskDays before the due day', () => {
    expect(milestoneStatus(due, null, '2022-09-08')).toMatchObject({ status: 'at_risk', daysLeft: 14 });
    expect(milestoneStatus(due, null, '2022-09-07')).toMatchObject({ status: 'pending', daysLeft: 15 });
  });

  it('is met from the day it was met, late if after the due day, and not before that day', () => {
    expect(milestoneStatus(due, '2022-09-22', '2022-09-22')).toMatchObject({ status: 'met', late: false });
    expect(milestoneStatus(due, '2022-09-23', '2022-09-30')).toMatchObject({
      status: 'met',
      metOn: '2022-09-23',
      late: true,
    });
    // Met on the 23rd: on the 22nd it was still only at risk.
    expect(milestoneStatus(due, '2022-09-23', '2022-09-22').status).toBe('at_risk');
  });

  it('counts days across the leap Esfand of 1403 (Esfand 30 exists)', () => {
    const esfand30 = jalaliToIso(1403, 12, 30)!;
    expect(esfand30).toBe('2025-03-20');
    const terms = { dueOn: esfand30, atRiskDays: 14 };
    expect(milestoneStatus(terms, null, jalaliToIso(1403, 12, 29)!)).toMatchObject({ status: 'at_risk', daysLeft: 1 });
    expect(milestoneStatus(terms, null, esfand30)).toMatchObject({ status: 'at_risk', daysLeft: 0 });
    expect(milestoneStatus(terms, null, jalaliToIso(1404, 1, 1)!)).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    // 1401 has no Esfand 30: a milestone due on its last day is overdue on 1402/01/01.
    const last1401 = { dueOn: jalaliToIso(1401, 12, 29)!, atRiskDays: 0 };
    expect(jalaliToIso(1401, 12, 30)).toBeNull();
    expect(milestoneStatus(last1401, null, jalaliToIso(1402, 1, 1)!)).toMatchObject({ daysOverdue: 1 });
  });

  it('always says exactly one of the four, consistently with the days (property)', () => {
    const day = fc
      .integer({ min: 0, max: 2000 })
      .map((n) => new Date(Date.UTC(2021, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.option(day, { nil: null }), fc.integer({ min: 0, max: 60 }), (asOf, dueOn, metOn, w) => {
        const s = milestoneStatus({ dueOn, atRiskDays: w }, metOn, asOf);
        if (metOn !== null && metOn <= asOf) return s.status === 'met' && s.late === metOn > dueOn;
        if (asOf > dueOn) return s.status === 'overdue' && s.daysOverdue! > 0;
        return (s.status === 'at_risk') === s.daysLeft! <= w && s.daysLeft! >= 0;
      }),
    );
  });
});

describe('competitionRanks', () => {
  it('gives equal values the same rank and skips the places they take (1, 2, 2, 4)', () => {
    expect(competitionRanks(['90.00', '80.50', '80.50', '70.00'])).toEqual([1, 2, 2, 4]);
  });

  it('leaves null values unranked, wherever they are, and ranks by value not by text', () => {
    expect(competitionRanks([null, '9.00', '26.07', null, '100.00'])).toEqual([null, 3, 2, null, 1]);
  });
});

describe('movements', () => {
  it("splits a rank change into the agency's own part and the others' part", () => {
    // A rose from 50 to 85 and passed B; C fell below both.
    const previous = ['50.00', '60.00', '70.00'];
    const current = ['85.00', '60.00', '40.00'];
    const [a, b, c] = movements(current, previous);
    expect(a).toEqual({ previousRank: 3, change: 2, own: 2, others: 0 });
    // B did not change: it rose one place because C fell.
    expect(b).toEqual({ previousRank: 2, change: 0, own: 0, others: 0 });
    expect(c).toEqual({ previousRank: 1, change: -2, own: -2, others: 0 });
  });

  it("credits a rise to the others when the agency's own value did not change", () => {
    const [, b] = movements(['50.00', '60.00', '40.00'], ['50.00', '60.00', '70.00']);
    expect(b).toEqual({ previousRank: 2, change: 1, own: 0, others: 1 });
  });

  it('has no movement for an agency unranked in either week, and counts newcomers as the others', () => {
    const [a, b] = movements(['50.00', '60.00'], [null, '40.00']);
    expect(a).toEqual({ previousRank: null, change: null, own: null, others: null });
    // B was 1st of 1; now 1st of 2.
    expect(b).toEqual({ previousRank: 1, change: 0, own: 0, others: 0 });
    const [, d] = movements(['70.00', '60.00'], [null, '60.00']);
    // D kept its value but a newcomer passed it: one place lost, all to the others.
    expect(d).toEqual({ previousRank: 1, change: -1, own: 0, others: -1 });
  });

  it('own + others always equals the change (property)', () => {
    const value = fc.option(
      fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2)),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { maxLength: 40 }), (pairs) => {
        const m = movements(
          pairs.map((p) => p[0]),
          pairs.map((p) => p[1]),
        );
        return m.every((x) => x.change === null || x.own! + x.others! === x.change);
      }),
    );
  });
});
