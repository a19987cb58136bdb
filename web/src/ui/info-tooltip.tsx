import { type ReactNode, useEffect, useState } from 'react';

type Props = Readonly<{
  /** The info button's accessible name: the question the tooltip answers. */
  label: string;
  /** The tooltip's id, for other controls to reference with aria-describedby too. */
  id: string;
  children: ReactNode;
}>;

/**
 * An info icon button with a tooltip (WAI-ARIA tooltip pattern, WCAG 1.4.13): it shows on hover
 * and on keyboard focus (a tap focuses it on touch screens), stays while the pointer is over it,
 * and Escape hides it without moving focus; activating the button shows it again.
 */
export function InfoTooltip({ label, id, children }: Props) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hovered || focused) && !dismissed;

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setDismissed(true);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  // Leaving with both the pointer and the focus re-arms a dismissed tooltip for next time.
  const leave = (other: boolean) => {
    if (!other) setDismissed(false);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: hovering is an extra; the button takes focus and keys
    <span
      className="tooltip-anchor"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => {
        setHovered(false);
        leave(focused);
      }}
    >
      <button
        type="button"
        className="info-button"
        aria-label={label}
        aria-describedby={id}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          leave(hovered);
        }}
        onClick={() => setDismissed(false)}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" width="20" height="20">
          <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <circle cx="10" cy="6" r="1.2" fill="currentColor" />
          <path d="M10 9v6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      </button>
      <span role="tooltip" id={id} className="tooltip" hidden={!open}>
        {children}
      </span>
    </span>
  );
}
