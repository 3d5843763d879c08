import { regionChoicesIn } from '../../../core/geo/regions';
import type { Locale } from '../../i18n';
import type { Mission } from './api';

/**
 * The i18next context that words a mission's sites by its kind: institutions for detention visits,
 * courts for trial monitoring, places for assemblies. Election has no variant keys, so i18next falls
 * back to the plain key ("участок", polling station), as it does for an unknown kind.
 */
export function siteContext(kind: string | null | undefined): { context?: string } {
  return kind ? { context: kind } : {};
}

/**
 * Regions the caller may pick in a mission, by name in the reader's language. A region coordinator is
 * offered only their own regions (the server refuses any other with `sites.region_not_yours`);
 * whole-mission coordinators, managers and administrators get all of them.
 */
export function regionChoices(
  mission: Pick<Mission, 'scope' | 'regions'> | undefined,
  lng: Locale,
): { value: string; label: string }[] {
  return regionChoicesIn(lng).filter(
    (r) => mission?.scope !== 'regions' || mission.regions.includes(r.value),
  );
}
