// Buttons: the labelled kinds (primary, quiet, danger) and the icon-only button with its name
// as a tooltip. Both are type="button" unless told otherwise, so none submits a form by chance.
import type { ButtonHTMLAttributes, Ref } from 'react'
import { Icon, type IconName } from './Icon.tsx'

type NativeProps = ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> }

export type ButtonVariant = 'primary' | 'quiet' | 'danger' | 'danger-quiet'

interface ButtonProps extends NativeProps {
  variant?: ButtonVariant
}

export function Button({ variant = 'quiet', className, type = 'button', ...rest }: ButtonProps) {
  const classes = `button button-${variant}${className ? ` ${className}` : ''}`
  return <button type={type} className={classes} {...rest} />
}

interface IconButtonProps extends Omit<NativeProps, 'children'> {
  icon: IconName
  /** The accessible name; also the tooltip unless `title` says more. */
  label: string
  size?: number
  danger?: boolean
}

export function IconButton({
  icon,
  label,
  size,
  danger = false,
  className,
  title,
  type = 'button',
  ...rest
}: IconButtonProps) {
  const classes = `icon-button${danger ? ' icon-button-danger' : ''}${className ? ` ${className}` : ''}`
  return (
    <button type={type} className={classes} aria-label={label} title={title ?? label} {...rest}>
      <Icon name={icon} {...(size ? { size } : {})} />
    </button>
  )
}
