import { useEffect, useState, type ReactElement, type ReactNode } from 'react';

/** Long enough for the second tap of a double tap (or a tap made twice out of impatience). */
const SETTLE_MS = 400;

/**
 * A new field screen starts at its top and takes no taps for a moment. A double tap on "Save and send"
 * saved on the first tap and put the home screen under the finger for the second, which landed on
 * whatever was there: "Log out", in the CI run that found it. Keyed by the screen, so each new
 * screen settles once.
 */
export function Settling({ children }: { children: ReactNode }): ReactElement {
  const [settling, setSettling] = useState(true);
  useEffect(() => {
    window.scrollTo(0, 0);
    const t = setTimeout(() => setSettling(false), SETTLE_MS);
    return () => clearTimeout(t);
  }, []);
  return (
    <div style={settling ? { pointerEvents: 'none' } : undefined} data-settling={settling || undefined}>
      {children}
    </div>
  );
}
