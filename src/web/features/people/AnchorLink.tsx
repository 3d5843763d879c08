import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { forwardRef, type AnchorHTMLAttributes } from 'react';

type Props = AnchorProps & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'style' | 'color'>;

const MantineAnchor = forwardRef<HTMLAnchorElement, Props>((props, ref) => <Anchor ref={ref} {...props} />);
MantineAnchor.displayName = 'MantineAnchor';

const Created = createLink(MantineAnchor);

/** Mantine's Anchor as a typed router link (`to` and `params` checked against the route tree). */
export const AnchorLink: LinkComponent<typeof MantineAnchor> = (props) => (
  <Created preload="intent" {...props} />
);
