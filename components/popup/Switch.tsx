/**
 * An on/off switch: a button with role="switch" whose visible words are its accessible name,
 * so "Claim highlights" is what a screen reader and a test find.
 */
import { useUniqueId } from '../unique-id';

/** Props of {@link Switch}. */
export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** A line under the switch, read as its description. */
  hint?: string;
  disabled?: boolean;
}

/** One switch with its label and optional hint. */
export function Switch({ label, checked, onChange, hint, disabled = false }: SwitchProps) {
  const hintId = useUniqueId('cp-switch-hint');
  return (
    <div>
      <button
        type="button"
        role="switch"
        class="cp-switch"
        aria-checked={checked}
        aria-describedby={hint === undefined ? undefined : hintId}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span>{label}</span>
        <span class="cp-switch-track" aria-hidden="true" />
      </button>
      {hint === undefined ? null : (
        <p id={hintId} class="cp-switch-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
