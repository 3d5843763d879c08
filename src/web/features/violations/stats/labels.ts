import { useVocabLabel } from '../../../components/VocabPicker';

/** A vocabulary code's label in the UI language (the vocabulary picker's shared index). */
export const useCodeLabel = useVocabLabel;

/** Rights are `scheme:code` (Constitution, international instruments, HURIDOCS typology). */
export function useRightLabel(): (code: string) => string {
  const constitution = useVocabLabel('kg_constitution');
  const intl = useVocabLabel('intl_rights');
  const typology = useVocabLabel('esf_rights_typology');
  const schemes: Record<string, (c: string) => string> = {
    kg_constitution: constitution,
    intl_rights: intl,
    esf_rights_typology: typology,
  };
  return (v) => {
    const at = v.indexOf(':');
    const label = at > 0 ? schemes[v.slice(0, at)] : undefined;
    return label ? label(v.slice(at + 1)) : v;
  };
}
