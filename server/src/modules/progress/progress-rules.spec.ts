import { applyAgencyProgress, applyStage, stageDatesInOrder, stagesBefore } from './progress-rules.js';

const none = { electronicOn: null, singleWindowOn: null, nationalWindowOn: null };

describe('applyStage', () => {
  const sut = applyStage;

  it('a later stage implies the earlier ones not yet reached, on the same day', () => {
    expect(sut(none, 'national_window', '2022-09-01')).toEqual({
      ok: true,
      dates: { electronicOn: '2022-09-01', singleWindowOn: '2022-09-01', nationalWindowOn: '2022-09-01' },
      stagesSet: ['electronic', 'single_window', 'national_window'],
    });
    expect(sut({ ...none, electronicOn: '2020-01-01' }, 'single_window', '2022-09-01')).toEqual({
      ok: true,
      dates: { electronicOn: '2020-01-01', singleWindowOn: '2022-09-01', nationalWindowOn: null },
      stagesSet: ['single_window'],
    });
  });

  it('refuses days out of order, including a correction that would overtake a later stage', () => {
    expect(sut({ ...none, electronicOn: '2022-10-01' }, 'single_window', '2022-09-01').ok).toBe(false);
    const connected = { electronicOn: '2022-01-01', singleWindowOn: '2022-02-01', nationalWindowOn: '2022-03-01' };
    expect(sut(connected, 'electronic', '2022-02-02').ok).toBe(false);
    expect(sut(connected, 'single_window', '2022-03-02').ok).toBe(false);
    expect(sut(connected, 'national_window', '2022-01-31').ok).toBe(false);
    expect(sut(connected, 'national_window', '2022-02-01')).toMatchObject({ ok: true, stagesSet: ['national_window'] });
  });

  it('agrees with the CHECK constraint on the stage days', () => {
    expect(
      stageDatesInOrder({ electronicOn: '2022-01-01', singleWindowOn: null, nationalWindowOn: '2022-01-01' }),
    ).toBe(true);
    expect(stageDatesInOrder({ electronicOn: null, singleWindowOn: null, nationalWindowOn: '2022-01-01' })).toBe(false);
  });

  it('lists the stages not reached yet', () => {
    expect(stagesBefore('electronic')).toEqual(['not_electronic']);
    expect(stagesBefore('national_window')).toEqual(['not_electronic', 'electronic', 'single_window']);
  });
});

describe('applyAgencyProgress', () => {
  const sut = applyAgencyProgress;
  const launched = { singleWindowLaunchedOn: '2022-09-01', nationalWindowConnectedOn: null };

  it('needs a launch no later than the connection', () => {
    expect(
      sut({ singleWindowLaunchedOn: null, nationalWindowConnectedOn: null }, 'national_window_connected', '2022-09-01'),
    ).toBeNull();
    expect(sut(launched, 'national_window_connected', '2022-08-31')).toBeNull();
    expect(sut(launched, 'national_window_connected', '2022-09-01')).toEqual({
      singleWindowLaunchedOn: '2022-09-01',
      nationalWindowConnectedOn: '2022-09-01',
    });
    expect(
      sut({ ...launched, nationalWindowConnectedOn: '2022-10-01' }, 'single_window_launched', '2022-10-02'),
    ).toBeNull();
  });
});
