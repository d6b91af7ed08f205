import type { ReactNode } from 'react';

export function Banner({
  kind = 'warning',
  children,
  actions,
}: {
  kind?: 'warning' | 'error';
  children: ReactNode;
  /** Buttons that act on the message, shown after it. */
  actions?: ReactNode;
}) {
  return (
    <div
      className={kind === 'error' ? 'banner error' : 'banner'}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {actions ? <p className="banner-text">{children}</p> : children}
      {actions && <div className="banner-actions">{actions}</div>}
    </div>
  );
}
