import { useRef, useState } from 'react';

/** A read-only value with a Copy button: a password link or an API token to hand over. */
export function CopyField({ value, label, testId }: { value: string; label: string; testId?: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard access (an insecure origin): the text is selected for Ctrl+C instead.
      setCopied(false);
    }
  };
  return (
    <div className="inline-form copy-field">
      <input
        ref={input}
        readOnly
        value={value}
        aria-label={label}
        className="mono"
        data-testid={testId}
        onFocus={(e) => e.target.select()}
      />
      <button type="button" className="btn btn--small" onClick={() => void copy()} data-testid={testId && `${testId}-copy`}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}
