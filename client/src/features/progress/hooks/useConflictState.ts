import { useState } from 'react';
import { ApiError } from '../../../api/http';

/**
 * What became of a form's last save, for writes checked against a version: a 409 (someone else saved first; its
 * `details.current` holds the values now stored) is kept as the conflict until the current values are loaded or a
 * save succeeds; any other failure is kept until the next try. `SaveNotices` shows both.
 */
export function useConflictState(onReload: () => Promise<unknown>) {
  const [conflict, setConflict] = useState<unknown>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);

  /** A new try: the last failure is no longer news (a conflict stays until it is resolved). */
  const clearFailure = () => setFailure(null);

  /** The save went through: any conflict is over. */
  const handleSaved = () => setConflict(null);

  /**
   * Sorts a failed save. Returns true for a version conflict (nothing else to do: the notice shows the current
   * values); false for any other failure, which the caller may still read for field problems.
   */
  const handleSaveError = (error: unknown): boolean => {
    if (error instanceof ApiError && error.status === 409) {
      setConflict(error);
      return true;
    }
    setFailure(error);
    return false;
  };

  /** Reads the record again; what was typed stays, to be saved on top of the current version. */
  const handleReload = async () => {
    setReloading(true);
    try {
      await onReload();
      setConflict(null);
    } finally {
      setReloading(false);
    }
  };

  return { conflict, failure, reloading, clearFailure, handleSaved, handleSaveError, handleReload };
}

export type ConflictState = ReturnType<typeof useConflictState>;
