import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/http';
import { ConflictNotice } from '../../../components/ConflictNotice';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { inBothLanguages, type Bilingual } from '../../../lib/bilingual';
import { localizedName } from '../../../lib/localizedName';
import { formatInteger } from '../../../lib/numbers';
import { useLanguage } from '../../../lib/useLanguage';
import { useCloseRound } from '../api/closeRound';
import { useRoundPendingCount } from '../api/getRoundPendingCount';
import type { Round } from '../types/review';
import { ConfirmPanel } from './ConfirmPanel';

interface CloseRoundControlProps {
  round: Round;
  onNotice: (message: Bilingual) => void;
}

/** "Close round", asked for with what it means: the round's scores are frozen, and those not final stay unranked. */
export function CloseRoundControl({ round, onNotice }: CloseRoundControlProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const close = useCloseRound();
  const [confirming, setConfirming] = useState(false);
  const [reloading, setReloading] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const title = { nameFa: round.titleFa, nameEn: round.titleEn };

  const handleConfirm = () => {
    close.mutate(
      { id: round.id, version: round.version },
      {
        onSuccess: () => {
          setConfirming(false);
          onNotice(
            inBothLanguages((lng) => t('review.rounds.closedNotice', { lng, round: localizedName(title, lng).text })),
          );
        },
        onError: () => setConfirming(false),
      },
    );
  };

  const handleReload = async () => {
    setReloading(true);
    try {
      await queryClient.invalidateQueries({ queryKey: ['rounds'] });
      close.reset();
    } finally {
      setReloading(false);
    }
  };

  // A version conflict or a round someone else closed first: loading the rounds again shows where things stand.
  const isConflict = close.error instanceof ApiError && close.error.status === 409;

  return (
    <div className="round-card__close">
      {confirming ? (
        <ConfirmPanel
          title={t('review.rounds.closeTitle', { round: localizedName(title, language).text })}
          meaning={<CloseMeaning roundId={round.id} />}
          confirmLabel={t('review.rounds.closeYes')}
          busy={close.isPending}
          onConfirm={handleConfirm}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => buttonRef.current?.focus());
          }}
        />
      ) : (
        <button
          ref={buttonRef}
          type="button"
          className="button"
          onClick={() => {
            close.reset();
            setConfirming(true);
          }}
        >
          {t('review.rounds.close')}
        </button>
      )}
      {close.isError &&
        (isConflict ? (
          <ConflictNotice
            error={close.error}
            onReload={() => void handleReload()}
            reloading={reloading}
            fields={[
              { key: 'startsOn', label: t('review.rounds.startsOn') },
              { key: 'endsOn', label: t('review.rounds.endsOn') },
            ]}
          />
        ) : (
          <ErrorMessage error={close.error} />
        ))}
    </div>
  );
}

/** What closing means, with how many of the round's scores are not final yet (they will stay out of the ranking). */
function CloseMeaning({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const pending = useRoundPendingCount(roundId);
  return (
    <>
      <p>{t('review.rounds.closeMeaning')}</p>
      {pending.isSuccess && pending.data > 0 && (
        <p className="review-explain">
          <span aria-hidden="true">⚠ </span>
          {t('review.rounds.pendingScores', {
            count: pending.data,
            formattedCount: formatInteger(pending.data, language),
          })}
        </p>
      )}
    </>
  );
}
