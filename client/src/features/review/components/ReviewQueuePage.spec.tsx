import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { bodiesSentTo, mockFetch, requestsTo } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import {
  aliensSubmitted,
  exportBankReviewed,
  pasteurDraft,
  reviewServer,
  secondHalfRound,
  sepahSubmittedByMe,
  summerRound,
  versionConflict,
} from '../test/reviewFixtures';
import type { Score } from '../types/review';

const ALL = [pasteurDraft, aliensSubmitted, sepahSubmittedByMe, exportBankReviewed];

function serve(scores: Score[] = ALL, options: Parameters<typeof reviewServer>[1] = {}) {
  const server = reviewServer(scores, options);
  const fetchMock = mockFetch(server.routes);
  return { server, fetchMock };
}

async function openQueue(path = '/review') {
  const view = renderApp(path);
  // The page is loaded on demand: its first import in a run may take a while on a busy machine.
  await screen.findByRole('heading', { level: 1, name: 'امتیازهای منتظر بررسی' }, { timeout: 10_000 });
  return view;
}

const queue = (title: string) => screen.getByRole('region', { name: new RegExp(`^${title}`) });
const DRAFTS = 'پیش‌نویس‌ها، آماده ارسال';
const TO_REVIEW = 'ارسال‌شده، منتظر بررسی';
const TO_FINALISE = 'بررسی‌شده، آماده نهایی شدن';

/** The list item of a score in a queue, found by its agency's name. */
async function itemIn(title: string, agency: string) {
  await waitFor(() => expect(within(queue(title)).getAllByRole('listitem').length).toBeGreaterThan(0));
  return within(queue(title))
    .getAllByRole('listitem')
    .find((item) => within(item).queryByRole('link', { name: agency }))!;
}

async function openScore(title: string, agency: string) {
  const item = await itemIn(title, agency);
  expect(item).toBeDefined();
  fireEvent.click(within(item).getByRole('link', { name: agency }));
  const heading = await screen.findByRole('heading', { level: 2, name: agency });
  return heading.closest('section')!;
}

/** The page's own status line (not a loading message). */
async function notice(text: RegExp) {
  const message = await screen.findByText(text);
  expect(message.closest('[role="status"]')).not.toBeNull();
  return message;
}

/** These tests render the whole app and click through it: slow on a busy machine. */
const SLOW_TEST = 20_000;

describe('ReviewQueuePage', () => {
  beforeEach(() => localStorage.clear());

  it(
    'lists drafts, submissions and reviewed scores in their own queues, with who did what and when',
    async () => {
      serve();
      await openQueue();

      const draft = await itemIn(DRAFTS, 'انستیتو پاستور ایران');
      expect(draft).toHaveTextContent('امتیاز کل: ۸۴٫۸۸');
      expect(draft).toHaveTextContent('ارزیابی کیفیت خدمات الکترونیکی دستگاه‌ها، نیمه دوم ۱۴۰۱');

      const submitted = await itemIn(TO_REVIEW, 'اداره کل امور اتباع و مهاجرین خارجی');
      expect(submitted).toHaveTextContent('ارسال‌کننده: evaluator · ۱۴۰۱/۰۸/۱۱ ۱۰:۳۵');
      expect(within(queue(TO_REVIEW)).getByRole('heading', { level: 2 })).toHaveTextContent('(۲)');

      const reviewed = await itemIn(TO_FINALISE, 'بانک توسعه صادرات ایران');
      expect(reviewed).toHaveTextContent('ارسال‌کننده: evaluator');
      expect(reviewed).toHaveTextContent('بررسی‌کننده: admin · ۱۴۰۱/۰۸/۰۹ ۱۲:۴۵');
      expect(within(queue(TO_FINALISE)).queryByText('بانک سپه')).not.toBeInTheDocument();
      expect(
        screen.getByText('امتیازی را از فهرست‌ها انتخاب کنید تا معیارها و جلسه آن را ببینید.'),
      ).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'opens a score with its criteria breakdown beside its session',
    async () => {
      serve();
      await openQueue();
      const detail = await openScore(TO_REVIEW, 'اداره کل امور اتباع و مهاجرین خارجی');

      const table = within(detail).getByRole('table', { name: 'امتیاز معیارها' });
      const cells = (name: string) =>
        within(within(table).getByRole('row', { name: new RegExp(name) }))
          .getAllByRole('cell')
          .map((cell) => cell.textContent);
      expect(cells('دسترس‌پذیری و پایداری خدمات')).toEqual(['۲۵٫۰۰', '۸۰٫۰۰', '۲۰٫۰۰']);
      expect(cells('سهولت استفاده')).toEqual(['۱۰٫۰۰', '۵۵٫۲۵', '۵٫۵۲۵']);
      expect(cells('^امتیاز کل')).toEqual(['۱۰۰٫۰۰', '', '۷۲٫۱۳']);

      const session = within(detail).getByRole('region', { name: 'جلسه ارزیابی' });
      expect(await within(session).findByText('۱۴۰۱/۰۸/۱۰')).toHaveAttribute('dir', 'ltr');
      expect(within(session).getByText('علی رضایی')).toBeInTheDocument();
      expect(session).toHaveTextContent('مدیر فناوری اطلاعات');
      expect(session).toHaveTextContent('جلسه بررسی کیفیت خدمات الکترونیکی با حضور نماینده دستگاه.');
      expect(detail).toHaveTextContent('ارسال‌کنندهevaluator · ۱۴۰۱/۰۸/۱۱ ۱۰:۳۵');
    },
    SLOW_TEST,
  );

  it(
    'reviews a score another evaluator submitted: confirms, sends the version, moves it on and says so',
    async () => {
      const { fetchMock } = serve();
      const { router } = await openQueue();
      const detail = await openScore(TO_REVIEW, 'اداره کل امور اتباع و مهاجرین خارجی');
      expect(new URLSearchParams(router.state.location.search).get('scoreId')).toBe(aliensSubmitted.id);

      fireEvent.click(within(detail).getByRole('button', { name: 'بررسی' }));
      const confirm = within(detail).getByRole('group', {
        name: 'امتیاز «اداره کل امور اتباع و مهاجرین خارجی» را بررسی کرده‌اید؟',
      });
      expect(confirm).toHaveFocus();
      expect(confirm).toHaveTextContent('مقدار هر معیار را با جلسه ارزیابی مقایسه کرده‌اید');
      fireEvent.click(within(confirm).getByRole('button', { name: 'بله، بررسی کردم' }));

      await notice(/امتیاز «اداره کل امور اتباع و مهاجرین خارجی» \(۷۲٫۱۳\) بررسی شد و اکنون آماده نهایی شدن است\./);
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${aliensSubmitted.id}/review`)).toEqual([{ version: 2 }]);
      await itemIn(TO_FINALISE, 'اداره کل امور اتباع و مهاجرین خارجی');
      await waitFor(() =>
        expect(
          within(queue(TO_REVIEW)).queryByRole('link', { name: 'اداره کل امور اتباع و مهاجرین خارجی' }),
        ).toBeNull(),
      );
      // The score stays open, now at its next step.
      expect(await within(detail).findByRole('button', { name: 'نهایی کردن' })).toBeInTheDocument();
      expect(within(detail).getByText('بازبینی‌شده')).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'explains that your own submission is for someone else to review, with no button to press',
    async () => {
      const { fetchMock } = serve();
      await openQueue();
      const item = await itemIn(TO_REVIEW, 'بانک سپه');
      expect(item).toHaveTextContent('ارسال‌کننده: evaluator2 (شما)');
      expect(item).toHaveTextContent('این امتیاز را خودتان ارسال کرده‌اید؛ ارزیاب دیگری باید آن را بررسی کند.');

      const detail = await openScore(TO_REVIEW, 'بانک سپه');
      expect(within(detail).queryByRole('button', { name: 'بررسی' })).not.toBeInTheDocument();
      expect(detail).toHaveTextContent('این امتیاز را خودتان برای بررسی فرستاده‌اید، پس نمی‌توانید آن را بررسی کنید');
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${sepahSubmittedByMe.id}/review`)).toEqual([]);
    },
    SLOW_TEST,
  );

  it(
    'finalises a reviewed score after saying it becomes public and ranked',
    async () => {
      const { fetchMock } = serve();
      await openQueue();
      const detail = await openScore(TO_FINALISE, 'بانک توسعه صادرات ایران');

      fireEvent.click(within(detail).getByRole('button', { name: 'نهایی کردن' }));
      const confirm = within(detail).getByRole('group', { name: 'امتیاز «بانک توسعه صادرات ایران» نهایی شود؟' });
      expect(confirm).toHaveTextContent(
        'امتیاز نهایی عمومی می‌شود: در صفحه دستگاه و در رتبه‌بندی دستگاه‌ها نمایش داده می‌شود.',
      );
      fireEvent.click(within(confirm).getByRole('button', { name: 'بله، نهایی شود' }));

      await notice(/نهایی شد؛ اکنون عمومی است و در رتبه‌بندی آمده است\./);
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${exportBankReviewed.id}/finalise`)).toEqual([{ version: 3 }]);
      expect(await within(queue(TO_FINALISE)).findByText('امتیازی منتظر نهایی شدن نیست.')).toBeInTheDocument();
      expect(
        await within(detail).findByText('این امتیاز نهایی است: عمومی است و در رتبه‌بندی آمده است.'),
      ).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'on a version conflict shows the score as it is now and loads it again',
    async () => {
      const finalised: Score = {
        ...exportBankReviewed,
        status: 'final',
        version: 4,
        finalisedAt: '2022-11-04T10:00:00.000Z',
      };
      let current: Score = exportBankReviewed;
      const { fetchMock } = serve(ALL, {
        override: {
          [`/api/v1/scores/${exportBankReviewed.id}`]: () => ({ body: current }),
          [`/api/v1/scores/${exportBankReviewed.id}/finalise`]: () => {
            current = finalised;
            return versionConflict(finalised);
          },
        },
      });
      await openQueue();
      const detail = await openScore(TO_FINALISE, 'بانک توسعه صادرات ایران');
      fireEvent.click(within(detail).getByRole('button', { name: 'نهایی کردن' }));
      fireEvent.click(within(detail).getByRole('button', { name: 'بله، نهایی شود' }));

      const alert = await within(detail).findByRole('alert');
      expect(alert).toHaveTextContent('این داده در این فاصله به دست کس دیگری تغییر کرده است');
      expect(alert).toHaveTextContent('وضعیتنهایی');
      const before = requestsTo(fetchMock, `/api/v1/scores/${exportBankReviewed.id}`).length;
      fireEvent.click(within(alert).getByRole('button', { name: 'بارگذاری مقادیر کنونی' }));

      expect(
        await within(detail).findByText('این امتیاز نهایی است: عمومی است و در رتبه‌بندی آمده است.'),
      ).toBeInTheDocument();
      expect(requestsTo(fetchMock, `/api/v1/scores/${exportBankReviewed.id}`).length).toBeGreaterThan(before);
      expect(within(detail).queryByRole('alert')).not.toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'submits a draft, and shows the server’s refusal in its own words',
    async () => {
      const { fetchMock } = serve(ALL, {
        override: {
          [`/api/v1/scores/${pasteurDraft.id}/submit`]: {
            status: 403,
            body: {
              statusCode: 403,
              error: 'ROUND_CLOSED',
              message: {
                fa: 'این دوره ارزیابی بسته شده است؛ تنها مدیر سامانه می‌تواند با ذکر دلیل آن را اصلاح کند.',
                en: 'This evaluation round is closed; only an administrator can correct it, giving a reason.',
              },
            },
          },
        },
      });
      await openQueue();
      const detail = await openScore(DRAFTS, 'انستیتو پاستور ایران');
      expect(within(detail).getByText(/این امتیاز در جلسه‌ای ثبت نشده است/)).toBeInTheDocument();
      fireEvent.click(within(detail).getByRole('button', { name: 'ارسال برای بررسی' }));
      fireEvent.click(within(detail).getByRole('button', { name: 'بله، ارسال شود' }));

      expect(await within(detail).findByRole('alert')).toHaveTextContent('این دوره ارزیابی بسته شده است');
      expect(bodiesSentTo(fetchMock, `/api/v1/scores/${pasteurDraft.id}/submit`)).toEqual([{ version: 1 }]);
    },
    SLOW_TEST,
  );

  it(
    'changes a submitted score’s values with the version read; the total follows as they are typed',
    async () => {
      const { fetchMock } = serve();
      await openQueue();
      const detail = await openScore(TO_REVIEW, 'اداره کل امور اتباع و مهاجرین خارجی');
      fireEvent.click(within(detail).getByText('ویرایش امتیاز معیارها'));
      expect(within(detail).getByText(/با ذخیره، امتیاز به پیش‌نویس برمی‌گردد/)).toBeInTheDocument();

      const usability = within(detail).getByRole('textbox', { name: /سهولت استفاده و راهنمایی کاربر/ });
      expect(usability).toHaveValue('۵۵٫۲۵');
      fireEvent.change(usability, { target: { value: '۷۵٫۲۵' } });
      expect(within(detail).getByRole('status', { name: 'امتیاز کل (از ۱۰۰):' })).toHaveTextContent('۷۴٫۱۳');
      fireEvent.click(within(detail).getByRole('button', { name: 'ذخیره مقادیر' }));

      await notice(/امتیاز «اداره کل امور اتباع و مهاجرین خارجی» ذخیره شد؛ امتیاز کل اکنون ۷۴٫۱۳ است\./);
      const [body] = bodiesSentTo(fetchMock, `/api/v1/scores/${aliensSubmitted.id}`, 'PATCH') as Array<{
        version: number;
        criterionScores: Array<{ criterionId: string; value: string }>;
      }>;
      expect(body!.version).toBe(2);
      expect(body!.criterionScores.map((entry) => entry.value)).toEqual([
        '80.00',
        '70.50',
        '65.00',
        '90.00',
        '75.25',
        '60.00',
      ]);
      // Back to draft: it waits to be submitted again.
      await itemIn(DRAFTS, 'اداره کل امور اتباع و مهاجرین خارجی');
    },
    SLOW_TEST,
  );

  it(
    'keeps the round in the URL and asks the server for that round only',
    async () => {
      const { fetchMock } = serve();
      const { router } = await openQueue(`/review?roundId=${secondHalfRound.id}`);
      const select = await screen.findByRole('combobox', { name: 'دوره ارزیابی' });
      expect(select).toHaveValue(secondHalfRound.id);
      await waitFor(() => expect(requestsTo(fetchMock, '/api/v1/scores').length).toBeGreaterThanOrEqual(3));
      expect(
        requestsTo(fetchMock, '/api/v1/scores').every((url) => url.searchParams.get('roundId') === secondHalfRound.id),
      ).toBe(true);

      fireEvent.change(select, { target: { value: summerRound.id } });
      expect(new URLSearchParams(router.state.location.search).get('roundId')).toBe(summerRound.id);
      expect(await within(queue(DRAFTS)).findByText('پیش‌نویسی منتظر ارسال نیست.')).toBeInTheDocument();
      expect(await within(queue(TO_REVIEW)).findByText('امتیازی منتظر بررسی شما نیست.')).toBeInTheDocument();

      fireEvent.change(select, { target: { value: '' } });
      expect(new URLSearchParams(router.state.location.search).has('roundId')).toBe(false);
    },
    SLOW_TEST,
  );

  it(
    'says when nothing is waiting',
    async () => {
      serve([]);
      await openQueue();
      expect(await screen.findByText('پیش‌نویسی منتظر ارسال نیست.')).toBeInTheDocument();
      expect(await screen.findByText('امتیازی منتظر بررسی شما نیست.')).toBeInTheDocument();
      expect(await screen.findByText('امتیازی منتظر نهایی شدن نیست.')).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'in English: named buttons, Gregorian dates beside Jalali ones',
    async () => {
      serve();
      renderApp(`/review?scoreId=${exportBankReviewed.id}`, { language: 'en' });
      const detail = (
        await screen.findByRole('heading', { level: 2, name: 'Export Development Bank of Iran' }, { timeout: 10_000 })
      ).closest('section')!;
      expect(within(detail).getByRole('button', { name: 'Finalise' })).toBeInTheDocument();
      expect(detail).toHaveTextContent('Reviewed byadmin · 1401/08/09 12:45 (October 31, 2022)');

      const item = await itemIn('Submitted, to review', "Bureau for Aliens and Foreign Immigrants' Affairs");
      expect(item).toHaveTextContent('Submitted by evaluator · 1401/08/11 10:35 (November 2, 2022)');
      const session = await openScore('Submitted, to review', "Bureau for Aliens and Foreign Immigrants' Affairs");
      expect(await within(session).findByText('(November 1, 2022)')).toBeInTheDocument();
      expect(within(session).getByRole('button', { name: 'Review' })).toBeInTheDocument();
    },
    SLOW_TEST,
  );
});
