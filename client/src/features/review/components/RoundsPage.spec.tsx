import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { demoMeta } from '../../../test/fixtures';
import { bodiesSentTo, mockFetch, requestsTo, type FakeRoute } from '../../../test/mockFetch';
import { renderApp } from '../../../test/renderApp';
import { adminMe, evaluator2, rounds1401, scoreList, secondHalfRound, summerRound } from '../test/reviewFixtures';
import type { Me } from '../../auth';
import type { Round } from '../types/review';

function serveRounds(me: Me, { created }: { created?: FakeRoute } = {}) {
  let items: Round[] = [...rounds1401.items];
  const fetchMock = mockFetch({
    '/api/v1/meta': { body: demoMeta },
    '/api/v1/auth/me': { body: me },
    '/api/v1/rounds': (url, init) => {
      if (init?.method === 'POST') {
        const reply = created?.(url, init);
        if (reply && (reply.status ?? 200) < 300) items = [reply.body as Round, ...items];
        return reply;
      }
      return { body: { items } };
    },
    [`/api/v1/rounds/${secondHalfRound.id}/close`]: () => {
      const closed: Round = {
        ...secondHalfRound,
        status: 'closed',
        closedAt: '2023-03-20T08:00:00.000Z',
        version: 2,
      };
      items = items.map((round) => (round.id === closed.id ? closed : round));
      return { body: closed };
    },
    // Two of the open round's scores are not final yet.
    '/api/v1/scores': (url) => ({
      body: {
        ...scoreList([]),
        total:
          url.searchParams.get('roundId') === secondHalfRound.id && url.searchParams.get('status') === 'draft' ? 2 : 0,
      },
    }),
  });
  return fetchMock;
}

async function openRounds() {
  const view = renderApp('/rounds');
  await screen.findByRole('heading', { level: 1, name: 'دوره‌های ارزیابی' }, { timeout: 10_000 });
  return view;
}

const roundCard = (title: string) => screen.getByRole('article', { name: title });

const type = (name: string | RegExp, value: string) =>
  fireEvent.change(screen.getByRole('textbox', { name }), { target: { value } });

/** These tests render the whole app and click through it: slow on a busy machine. */
const SLOW_TEST = 20_000;

describe('RoundsPage', () => {
  beforeEach(() => localStorage.clear());

  it(
    'lists every round with its days, its state and its criteria; an evaluator may not open or close one',
    async () => {
      serveRounds(evaluator2);
      await openRounds();

      const open = await screen.findByRole('article', { name: secondHalfRound.titleFa });
      expect(open).toHaveTextContent('باز');
      expect(open).toHaveTextContent('بازه۱۴۰۱/۰۷/۰۱ تا ۱۴۰۱/۱۲/۲۹');
      expect(within(open).getByText('۱۴۰۱/۰۷/۰۱')).toHaveAttribute('dir', 'ltr');
      const criteria = within(open).getByRole('table', { name: `معیارهای ${secondHalfRound.titleFa}` });
      expect(
        within(within(criteria).getByRole('row', { name: /دسترس‌پذیری و پایداری خدمات/ }))
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ).toEqual(['availability', '۲۵٫۰۰']);
      expect(within(open).getByRole('link', { name: 'امتیازهای این دوره در صف بررسی' })).toHaveAttribute(
        'href',
        `/review?roundId=${secondHalfRound.id}`,
      );

      const closed = roundCard(summerRound.titleFa);
      expect(closed).toHaveTextContent('بسته');
      expect(closed).toHaveTextContent('زمان بسته شدن۱۴۰۱/۰۵/۳۱ ۱۲:۰۰');

      expect(screen.queryByRole('button', { name: 'بستن دوره' })).not.toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'باز کردن دوره تازه' })).not.toBeInTheDocument();
      expect(screen.getByText(/تنها مدیر سامانه می‌تواند دوره‌ای باز یا بسته کند/)).toBeInTheDocument();
    },
    SLOW_TEST,
  );

  it(
    'refuses weights that add up to 99 before sending, then opens the round when they add up to 100',
    async () => {
      const created: Round = {
        ...secondHalfRound,
        id: 'a1b2c3d4-0000-4000-8000-000000000009',
        code: 'first-half-1402',
        titleFa: 'ارزیابی کیفیت، نیمه نخست ۱۴۰۲',
        titleEn: 'Quality evaluation, first half of 1402',
        startsOn: '2023-03-21',
        endsOn: '2023-09-22',
        criteria: [
          {
            id: 'c1',
            code: 'availability',
            titleFa: 'دسترس‌پذیری',
            titleEn: 'Availability',
            weight: '60.00',
            sortOrder: 1,
          },
          { id: 'c2', code: 'support', titleFa: 'پشتیبانی', titleEn: 'Support', weight: '40.00', sortOrder: 2 },
        ],
      };
      const fetchMock = serveRounds(adminMe, { created: () => ({ status: 201, body: created }) });
      await openRounds();
      await screen.findByRole('heading', { level: 2, name: 'باز کردن دوره تازه' });

      type('کد دوره', 'First-Half-1402');
      type('عنوان فارسی', 'ارزیابی کیفیت، نیمه نخست ۱۴۰۲');
      type('عنوان انگلیسی', 'Quality evaluation, first half of 1402');
      type('تاریخ شروع', '۱۴۰۲/۰۱/۰۱');
      type('تاریخ پایان', '1402/06/31');
      type('کد معیار ۱', 'availability');
      type('نام فارسی معیار ۱', 'دسترس‌پذیری');
      type('نام انگلیسی معیار ۱', 'Availability');
      type('وزن معیار ۱ (٪)', '۶۰');
      fireEvent.click(screen.getByRole('button', { name: 'افزودن معیار' }));
      expect(screen.getByRole('textbox', { name: 'کد معیار ۲' })).toHaveFocus();
      type('کد معیار ۲', 'support');
      type('نام فارسی معیار ۲', 'پشتیبانی');
      type('نام انگلیسی معیار ۲', 'Support');
      type('وزن معیار ۲ (٪)', '39');

      const total = screen.getByRole('status', { name: 'جمع وزن‌ها:' });
      expect(total).toHaveTextContent('۹۹٫۰۰ از ۱۰۰؛ ۱٫۰۰ کم است.');
      fireEvent.click(screen.getByRole('button', { name: 'باز کردن دوره' }));

      const summary = await screen.findByRole('alert');
      expect(summary).toHaveTextContent('جمع وزن‌ها ۹۹٫۰۰ است؛ باید دقیقاً ۱۰۰ باشد.');
      expect(bodiesSentTo(fetchMock, '/api/v1/rounds')).toEqual([]);

      type('وزن معیار ۲ (٪)', '۴۰');
      expect(total).toHaveTextContent('۱۰۰٫۰۰ از ۱۰۰؛ درست است.');
      fireEvent.click(screen.getByRole('button', { name: 'باز کردن دوره' }));

      await waitFor(() => expect(bodiesSentTo(fetchMock, '/api/v1/rounds')).toHaveLength(1));
      expect(bodiesSentTo(fetchMock, '/api/v1/rounds')[0]).toEqual({
        code: 'first-half-1402',
        titleFa: 'ارزیابی کیفیت، نیمه نخست ۱۴۰۲',
        titleEn: 'Quality evaluation, first half of 1402',
        startsOn: '2023-03-21',
        endsOn: '2023-09-22',
        criteria: [
          { code: 'availability', titleFa: 'دسترس‌پذیری', titleEn: 'Availability', weight: '60.00' },
          { code: 'support', titleFa: 'پشتیبانی', titleEn: 'Support', weight: '40.00' },
        ],
      });
      const message = await screen.findByText('دوره «ارزیابی کیفیت، نیمه نخست ۱۴۰۲» با ۲ معیار باز شد.');
      expect(message.closest('[role="status"]')).not.toBeNull();
      expect(await screen.findByRole('article', { name: 'ارزیابی کیفیت، نیمه نخست ۱۴۰۲' })).toBeInTheDocument();
      expect(screen.getByRole('textbox', { name: 'کد دوره' })).toHaveValue('');
    },
    SLOW_TEST,
  );

  it(
    'copies the newest round’s criteria, and shows the server’s refusal beside the field',
    async () => {
      const fetchMock = serveRounds(adminMe, {
        created: () => ({
          status: 409,
          body: {
            statusCode: 409,
            error: 'ROUND_CODE_TAKEN',
            message: {
              fa: 'دوره ارزیابی یا مجموعه معیاری با کد «second-half-1401» از پیش وجود دارد.',
              en: 'An evaluation round or criteria set with the code "second-half-1401" already exists.',
            },
            details: { code: 'second-half-1401' },
          },
        }),
      });
      await openRounds();
      fireEvent.click(await screen.findByRole('button', { name: `رونوشت معیارهای «${secondHalfRound.titleFa}»` }));
      expect(screen.getByRole('textbox', { name: 'نام فارسی معیار ۶' })).toHaveValue('پاسخ‌گویی و پشتیبانی');
      expect(screen.getByRole('status', { name: 'جمع وزن‌ها:' })).toHaveTextContent('۱۰۰٫۰۰ از ۱۰۰؛ درست است.');

      type('کد دوره', 'second-half-1401');
      type('عنوان فارسی', 'دوره تکراری');
      type('عنوان انگلیسی', 'A repeated round');
      type('تاریخ شروع', '1401/07/01');
      type('تاریخ پایان', '1401/12/29');
      fireEvent.click(screen.getByRole('button', { name: 'باز کردن دوره' }));

      await waitFor(() => expect(bodiesSentTo(fetchMock, '/api/v1/rounds')).toHaveLength(1));
      const code = screen.getByRole('textbox', { name: 'کد دوره' });
      await waitFor(() => expect(code).toHaveAttribute('aria-invalid', 'true'));
      expect(code).toHaveAccessibleDescription(/از پیش وجود دارد/);
      expect(await screen.findByRole('alert')).toHaveTextContent('از پیش وجود دارد');
    },
    SLOW_TEST,
  );

  it(
    'lets an admin close an open round after saying what closing freezes',
    async () => {
      const fetchMock = serveRounds(adminMe);
      await openRounds();
      const open = await screen.findByRole('article', { name: secondHalfRound.titleFa });
      expect(within(roundCard(summerRound.titleFa)).queryByRole('button', { name: 'بستن دوره' })).toBeNull();

      fireEvent.click(within(open).getByRole('button', { name: 'بستن دوره' }));
      const confirm = within(open).getByRole('group', { name: `دوره «${secondHalfRound.titleFa}» بسته شود؟` });
      expect(confirm).toHaveTextContent('دیگر نمی‌توان امتیازی را ارسال، بررسی یا نهایی کرد');
      expect(await within(confirm).findByText(/۲ امتیاز این دوره هنوز نهایی نشده‌اند/)).toBeInTheDocument();
      fireEvent.click(within(confirm).getByRole('button', { name: 'بله، دوره بسته شود' }));

      const message = await screen.findByText(`دوره «${secondHalfRound.titleFa}» بسته شد.`);
      expect(message.closest('[role="status"]')).not.toBeNull();
      expect(bodiesSentTo(fetchMock, `/api/v1/rounds/${secondHalfRound.id}/close`)).toEqual([{ version: 1 }]);
      await waitFor(() =>
        expect(within(roundCard(secondHalfRound.titleFa)).queryByRole('button', { name: 'بستن دوره' })).toBeNull(),
      );
      expect(requestsTo(fetchMock, '/api/v1/rounds').length).toBeGreaterThan(1);
    },
    SLOW_TEST,
  );
});
