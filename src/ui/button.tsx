import type { ComponentProps } from 'react';

type Variant = 'default' | 'primary';

export function Button({
  variant = 'default',
  small = false,
  className,
  type = 'button',
  ...rest
}: ComponentProps<'button'> & { variant?: Variant; small?: boolean }) {
  const classes = [
    'btn',
    variant === 'primary' ? 'primary' : '',
    small ? 'small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return <button type={type} className={classes} {...rest} />;
}
