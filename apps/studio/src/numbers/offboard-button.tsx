import { useState } from 'react';
import type { NumberDto } from '../api/intake.api';
import { numbersConnectApi } from '../api/numbers-connect.api';

/**
 * Offboards a connected number (numbers.manage) after a confirmation: Tandem stops listening
 * and forgets the token; conversations and contacts stay for a later re-connect.
 */
export function OffboardButton({ number, onChanged }: { number: NumberDto; onChanged(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (number.connection.state !== 'connected') return null;
  const offboard = async () => {
    setError(null);
    try {
      await numbersConnectApi.offboard(number.id);
      setConfirming(false);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  if (!confirming) {
    return (
      <button type="button" className="btn btn--small" onClick={() => setConfirming(true)} data-testid="number-offboard">
        Offboard
      </button>
    );
  }
  return (
    <span className="inline-form">
      <span className="small">Stop using this number in Tandem? Its chats and contacts are kept.</span>
      <button type="button" className="btn btn--small btn--danger" onClick={() => void offboard()} data-testid="number-offboard-confirm">
        Offboard
      </button>
      <button type="button" className="btn btn--small" onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {error && <span className="small text-warn">{error}</span>}
    </span>
  );
}
