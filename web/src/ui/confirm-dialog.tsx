import { type ReactNode, useEffect, useId, useRef } from 'react';

type Props = Readonly<{
  open: boolean;
  title: string;
  body: string;
  /** The safe choice: it has the focus when the dialog opens, and closes it as Escape does. */
  keep: string;
  onClose: () => void;
  /** What the dialog asks to confirm: its button (or link), shown before the safe choice. */
  children: ReactNode;
}>;

/**
 * A modal question before something that cannot be taken back (a payment, a removal): named by
 * its title, described by its body, the rest of the page inert while it is open. Closing it
 * (the safe choice, Escape) gives the focus back to the control that opened it.
 */
export function ConfirmDialog({ open, title, body, keep, onClose, children }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), body: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      keepButton.current?.focus(); // the safe choice has the focus
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open && (
        <>
          <h2 id={ids.title}>{title}</h2>
          <p id={ids.body}>{body}</p>
          <div className="actions">
            {children}
            <button type="button" className="button button-secondary" ref={keepButton} onClick={onClose}>
              {keep}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
