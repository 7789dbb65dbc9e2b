import type { AnchorHTMLAttributes, ReactNode } from 'react';
import { buildHash } from './hash-route.util';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
  query?: Record<string, string | number | undefined | null>;
  children: ReactNode;
}

/** An anchor to a studio route (`to="/runs/abc"` → `#/runs/abc`). */
export function Link({ to, query, children, ...rest }: LinkProps) {
  return (
    <a href={buildHash(to, query)} {...rest}>
      {children}
    </a>
  );
}
