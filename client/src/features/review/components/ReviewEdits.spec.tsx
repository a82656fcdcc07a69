import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { bodiesSentTo, mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import {
  adminMe,
  aliensSession,
  aliensSubmitted,
  exportBankReviewed,
  pasteurDraft,
  postFinal,
  reviewServer,
  secondHalfRound,
  summerRound,
  versionConflict,
} from '../test/reviewFixtures';
import type { Score, Session } from '../types/review';

const ALL = [pasteurDraft, aliensSubmitted, exportBankReviewed, postFinal];
const FINALS = 'امتیازهای نهایی (مدیر سامانه: اصلاح)';
const SLOW_TEST = 20_000;

function serve(options: Parameters<typeof reviewServer>[1] = {}, scores: Score[] = ALL) {
  const server = reviewServer(scores, options);
  const fetchMock = mockFetch(server.routes);
  return { server, fetchMock };
}

/** Opens the queue page on a path and waits for the chosen score's heading. */
async function openDetail(path: string, agency: string) {
  const view = renderApp(path);
  const heading = await screen.findByRole('heading', { level: 2, name: agency }, { timeout: 10_000 });
  return { ...view, detail: heading.closest('section')! };
}

async function notice(text: RegExp) {
  const message = await screen.findByText(text);
  expect(message.closest('[role="status"]')).not.toBeNull();
}

describe('Review queue: editing a session and correcting a score', () => {
  beforeEach(() => localStorage.clear());

  it(
    'edits the session beside a score: sends the version and only the fields changed',
    async () => {
      const { fetchMock } = serve();
      const { detail } = await openDetail(`/review?scoreId=${aliensSubmitted.id}`, aliensSubmitted.agencyNameFa);
      const session = within(detail).getByRole('region', { name: 'جلسه ارزیابی' });
      fireEvent.click(await within(session).findByRole('button', { name: 'ویرایش جلسه' }));
      expect(within(session).getByRole('button', { name: 'ویرایش جلسه' })).toHaveAttribute('aria-expanded', 'true');
      // An open round: no reason is asked for.
      expect(within(session).queryByRole('textbox', { name: /دلیل اصلاح/ })).not.toBeInTheDocument();
      expect(within(session).getByRole('textbox', { name: 'تاریخ برگزاری' })).toHaveValue('۱۴۰۱/۰۸/۱۰');
      expect(within(session).getByRole('textbox', { name: 'نام نماینده ۱' })).toHaveValue('علی رضایی');

      fireEvent.click(within(session).getByRole('button', { name: 'افزودن نماینده' }));
      const second = within(session).getByRole('textbox', { name: 'نام نماینده ۲' });
      expect(second).toHaveFocus();
      fireEvent.change(second, { target: { value: 'مریم احمدی' } });
      fireEvent.change(within(session).getByRole('textbox', { name: 'سمت نماینده ۲' }), {
        target: { value: 'کارشناس خدمات الکترونیکی' },
      });
      fireEvent.change(
        within(session).getByRole('textbox', { name: 'یادداشت داخلی (تنها برای وزارتخانه و هیئت دولت)' }),
        {
          target: { value: 'پیگیری اتصال به پنجره واحد در جلسه بعد.' },
        },
      );
      fireEvent.click(within(session).getByRole('button', { name: 'ذخیره جلسه' }));

      await notice(/جلسه «اداره کل امور اتباع و مهاجرین خارجی» ذخیره شد\./);
      expect(bodiesSentTo(fetchMock, `/api/v1/evaluation-sessions/${aliensSession.id}`, 'PATCH')).toEqual([
        {
          version: 1,
          representatives: [
            { name: 'علی رضایی', title: 'مدیر فناوری اطلاعات' },
            { name: 'مریم احمدی', title: 'کارشناس خدمات الکترونیکی' },
          ],
          internalNotes: 'پیگیری اتصال به پنجره واحد در جلسه بعد.',
        },
      ]);
      // The panel shows the session as saved, the form closed.
      expect(await within(session).findByText('مریم احمدی')).toBeInTheDocument();
      expect(within(session).getByText('پیگیری اتصال به پنجره واحد در جلسه بعد.')).toBeInTheDocument();
      expect(within(session).queryByRole('button', { name: 'ذخیره جلسه' })).not.toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'on a version conflict shows the session as it is now, keeps what was typed, and saves on the new version',
    async () => {
      const changed: Session = {
        ...aliensSession,
        heldOn: '2022-11-03',
        notes: 'جلسه با حضور معاون دستگاه برگزار شد.',
        version: 2,
      };
      let calls = 0;
      const { fetchMock, server } = serve();
      server.routes[`/api/v1/evaluation-sessions/${aliensSession.id}`] = (_url, init) => {
        if (init?.method !== 'PATCH') return undefined;
        calls += 1;
        server.session = calls === 1 ? changed : { ...changed, notes: 'یادداشت تازه', version: 3 };
        return calls === 1 ? versionConflict(changed) : { body: server.session };
      };
      const { detail } = await openDetail(`/review?scoreId=${aliensSubmitted.id}`, aliensSubmitted.agencyNameFa);
      const session = within(detail).getByRole('region', { name: 'جلسه ارزیابی' });
      fireEvent.click(await within(session).findByRole('button', { name: 'ویرایش جلسه' }));
      fireEvent.change(within(session).getByRole('textbox', { name: 'خلاصه جلسه (عمومی)' }), {
        target: { value: 'یادداشت تازه' },
      });
      fireEvent.click(within(session).getByRole('button', { name: 'ذخیره جلسه' }));

      const alert = await within(session).findByRole('alert');
      expect(alert).toHaveTextContent('این داده در این فاصله به دست کس دیگری تغییر کرده است');
      expect(within(alert).getByText('۱۴۰۱/۰۸/۱۲')).toHaveAttribute('dir', 'ltr');
      expect(alert).toHaveTextContent('جلسه با حضور معاون دستگاه برگزار شد.');
      expect(alert).toHaveTextContent('علی رضایی (مدیر فناوری اطلاعات)');

      fireEvent.click(within(alert).getByRole('button', { name: 'بارگذاری مقادیر کنونی' }));
      await waitFor(() => expect(within(session).queryByRole('alert')).not.toBeInTheDocument());
      // What was typed stays; the day, left untouched, is now the current one.
      expect(within(session).getByRole('textbox', { name: 'خلاصه جلسه (عمومی)' })).toHaveValue('یادداشت تازه');
      expect(within(session).getByRole('textbox', { name: 'تاریخ برگزاری' })).toHaveValue('۱۴۰۱/۰۸/۱۲');
      fireEvent.click(within(session).getByRole('button', { name: 'ذخیره جلسه' }));
      await notice(/ذخیره شد\./);
      const bodies = bodiesSentTo(fetchMock, `/api/v1/evaluation-sessions/${aliensSession.id}`, 'PATCH');
      expect(bodies).toEqual([
        { version: 1, notes: 'یادداشت تازه' },
        { version: 2, notes: 'یادداشت تازه' },
      ]);
    },
    SLOW_TEST,
  );

  it(
    'lists the final scores of the round for an admin, who corrects one with a required reason',
    async () => {
      const { fetchMock } = serve({ me: adminMe });
      renderApp(`/review?roundId=${secondHalfRound.id}`);
      const finals = await screen.findByRole(
        'region',
        { name: (name) => name.startsWith(FINALS) },
        { timeout: 10_000 },
      );
      const link = await within(finals).findByRole('link', { name: postFinal.agencyNameFa });
      expect(link.closest('li')).toHaveTextContent('نهایی شده: ۱۴۰۱/۰۷/۳۰ ۱۲:۰۰');
      const finalRequests = requestsTo(fetchMock, '/api/v1/scores').filter(
        (url) => url.searchParams.get('status') === 'final',
      );
      expect(finalRequests[0]!.searchParams.get('roundId')).toBe(secondHalfRound.id);
      expect(finalRequests[0]!.searchParams.get('pageSize')).toBe('50');

      fireEvent.click(link);
      const detail = (await screen.findByRole('heading', { level: 2, name: postFinal.agencyNameFa })).closest(
        'section',
      )!;
      fireEvent.click(within(detail).getByText('اصلاح این امتیاز'));
      expect(detail).toHaveTextContent('اصلاح آن رقم عمومی دستگاه را در صفحه دستگاه و در رتبه‌بندی تغییر می‌دهد');
      expect(detail).toHaveTextContent('در گزارش ممیزی ثبت می‌شود');

      const usability = within(detail).getByRole('textbox', { name: /سهولت استفاده و راهنمایی کاربر/ });
      expect(usability).toHaveValue('۹۰٫۰۰');
      fireEvent.change(usability, { target: { value: '۷۰' } });
      fireEvent.click(within(detail).getByRole('button', { name: 'ثبت اصلاحیه' }));
      // No reason: nothing is sent.
      const reason = within(detail).getByRole('textbox', { name: /دلیل اصلاح/ });
      expect(reason).toHaveAccessibleDescription(/دلیل اصلاح را بنویسید\./);
      expect(reason).toHaveFocus();
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${postFinal.id}`, 'PATCH')).toEqual([]);

      fireEvent.change(reason, { target: { value: 'خطای ورود داده در معیار سهولت استفاده' } });
      fireEvent.click(within(detail).getByRole('button', { name: 'ثبت اصلاحیه' }));
      await notice(/امتیاز «شرکت ملی پست» اصلاح شد؛ امتیاز کل اکنون ۷۶٫۲۵ است و نهایی است\./);
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${postFinal.id}`, 'PATCH')).toEqual([
        {
          version: 4,
          criterionScores: [
            { criterionId: '5173311b-47fe-8917-a0e2-f3e576b7f609', value: '80.00' },
            { criterionId: '33b95d2a-f982-8142-b472-1f63b4d0ed33', value: '75.00' },
            { criterionId: '8ad571aa-573e-8fdf-9573-4206357e6cb7', value: '70.00' },
            { criterionId: 'ee0222f4-329c-873d-9ea5-e7af62254f81', value: '85.00' },
            { criterionId: 'f85bafc7-7383-8997-a348-ae81068629d8', value: '70.00' },
            { criterionId: 'aa64f17b-c290-80be-8129-35d1cc0525f5', value: '75.00' },
          ],
          reason: 'خطای ورود داده در معیار سهولت استفاده',
        },
      ]);
      expect(await within(detail).findByText('خطای ورود داده در معیار سهولت استفاده')).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'gives an evaluator no correction action and no list of final scores',
    async () => {
      serve();
      const { detail } = await openDetail(`/review?scoreId=${postFinal.id}`, postFinal.agencyNameFa);
      expect(detail).toHaveTextContent('این امتیاز نهایی است');
      expect(within(detail).queryByText('اصلاح این امتیاز')).not.toBeInTheDocument();
      expect(within(detail).queryByRole('textbox', { name: /دلیل اصلاح/ })).not.toBeInTheDocument();
      expect(screen.queryByRole('region', { name: (name) => name.startsWith(FINALS) })).not.toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'offers an admin the correction of a reviewed score, explaining that it becomes final',
    async () => {
      serve({ me: adminMe });
      const { detail } = await openDetail(`/review?scoreId=${exportBankReviewed.id}`, exportBankReviewed.agencyNameFa);
      expect(within(detail).getByText('اصلاح این امتیاز')).toBeInTheDocument();
      expect(detail).toHaveTextContent('امتیاز اصلاح‌شده نهایی می‌شود');
    },
    SLOW_TEST,
  );

  describe('in a closed round', () => {
    const closedRounds = {
      items: [{ ...secondHalfRound, status: 'closed' as const, closedAt: '2023-03-21T06:00:00.000Z' }, summerRound],
    };

    it(
      'asks an admin for the reason of a change to the session and sends it',
      async () => {
        const { fetchMock } = serve({ me: adminMe, override: { '/api/v1/rounds': { body: closedRounds } } });
        const { detail } = await openDetail(`/review?scoreId=${aliensSubmitted.id}`, aliensSubmitted.agencyNameFa);
        const session = within(detail).getByRole('region', { name: 'جلسه ارزیابی' });
        fireEvent.click(await within(session).findByRole('button', { name: 'ویرایش جلسه' }));
        expect(session).toHaveTextContent('تغییر جلسه اصلاحیه‌ای است که تنها مدیر سامانه با ذکر دلیل انجام می‌دهد');
        expect(session).toHaveTextContent('روزی در بازه دوره: از ۱۴۰۱/۰۷/۰۱ تا ۱۴۰۱/۱۲/۲۹.');

        fireEvent.change(within(session).getByRole('textbox', { name: 'خلاصه جلسه (عمومی)' }), {
          target: { value: 'خلاصه اصلاح‌شده جلسه.' },
        });
        fireEvent.click(within(session).getByRole('button', { name: 'ذخیره جلسه' }));
        const reason = within(session).getByRole('textbox', { name: /دلیل اصلاح/ });
        expect(reason).toHaveFocus();
        expect(reason).toHaveAccessibleDescription(/دلیل اصلاح را بنویسید\./);
        expect(bodiesSentTo(fetchMock, `/api/v1/evaluation-sessions/${aliensSession.id}`, 'PATCH')).toEqual([]);

        fireEvent.change(reason, { target: { value: 'خلاصه با صورت‌جلسه امضاشده تطبیق داده شد' } });
        fireEvent.click(within(session).getByRole('button', { name: 'ذخیره جلسه' }));
        await notice(/جلسه «اداره کل امور اتباع و مهاجرین خارجی» ذخیره شد\./);
        expect(bodiesSentTo(fetchMock, `/api/v1/evaluation-sessions/${aliensSession.id}`, 'PATCH')).toEqual([
          { version: 1, notes: 'خلاصه اصلاح‌شده جلسه.', reason: 'خلاصه با صورت‌جلسه امضاشده تطبیق داده شد' },
        ]);
      },
      SLOW_TEST,
    );

    it(
      'gives an evaluator no way to change the session',
      async () => {
        serve({ override: { '/api/v1/rounds': { body: closedRounds } } });
        const { detail } = await openDetail(`/review?scoreId=${aliensSubmitted.id}`, aliensSubmitted.agencyNameFa);
        const session = within(detail).getByRole('region', { name: 'جلسه ارزیابی' });
        expect(await within(session).findByText('علی رضایی')).toBeInTheDocument();
        expect(within(session).queryByRole('button', { name: 'ویرایش جلسه' })).not.toBeInTheDocument();
      },
      SLOW_TEST,
    );
  });
});
