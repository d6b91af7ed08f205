import type { ReactNode } from 'react';

export function Banner({
  kind = 'warning',
  children,
}: {
  kind?: 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div
      className={kind === 'error' ? 'banner error' : 'banner'}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {children}
    </div>
  );
}
