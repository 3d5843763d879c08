import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { VocabSchemeReply, VocabTermFull } from '../../../core/schemas/vocab';
import { api } from '../../api/client';
import { asLocale, type Locale } from '../../i18n';
import { haystack } from './search';

export type VocabTerm = z.infer<typeof VocabTermFull>;
export type VocabScheme = z.infer<typeof VocabSchemeReply>;

/** Same key as the legal-aid screens use: one request per scheme, shared by every picker. */
export const vocabKey = (scheme: string) => ['vocab', scheme] as const;

export function useVocabScheme(scheme: string) {
  return useQuery({
    queryKey: vocabKey(scheme),
    queryFn: () => api.get<VocabScheme>(`/api/vocab/${scheme}`),
    staleTime: 300_000,
  });
}

/** The label in a language, else Russian, else English, else Kyrgyz; `fallback` tells it was not the asked one. */
export function termLabel(term: VocabTerm, lng: Locale): { text: string; fallback: boolean } {
  const own = term.labels[lng];
  if (own) return { text: own, fallback: false };
  for (const l of ['ru', 'en', 'ky'] as const)
    if (term.labels[l]) return { text: term.labels[l], fallback: true };
  return { text: term.code, fallback: true };
}

export interface TermView {
  term: VocabTerm;
  label: string;
  fallback: boolean;
  depth: number;
  /** Labels of the ancestors, outermost first. */
  path: string[];
  hay: string;
}

/** A scheme prepared for display: labels in the UI language, depth and ancestors, search strings. */
export interface VocabIndex {
  views: TermView[];
  byCode: Map<string, TermView>;
  label: (code: string) => string;
}

export function buildIndex(terms: VocabTerm[], lng: Locale): VocabIndex {
  const raw = new Map(terms.map((t) => [t.code, t]));
  const byCode = new Map<string, TermView>();
  const view = (t: VocabTerm, seen = new Set<string>()): TermView => {
    const have = byCode.get(t.code);
    if (have) return have;
    const parent = t.parent && !seen.has(t.parent) ? raw.get(t.parent) : undefined;
    const up = parent ? view(parent, seen.add(t.code)) : undefined;
    const { text, fallback } = termLabel(t, lng);
    const v: TermView = {
      term: t,
      label: text,
      fallback,
      depth: up ? up.depth + 1 : 0,
      path: up ? [...up.path, up.label] : [],
      hay: haystack([t.labels.ky, t.labels.ru, t.labels.en, t.ref, t.code]),
    };
    byCode.set(t.code, v);
    return v;
  };
  const views = terms.map((t) => view(t));
  return { views, byCode, label: (code) => byCode.get(code)?.label ?? code };
}

/** A scheme with its display index in the current UI language. */
export function useVocabIndex(scheme: string) {
  const { i18n } = useTranslation();
  const lng = asLocale(i18n.resolvedLanguage ?? i18n.language) ?? 'ky';
  const q = useVocabScheme(scheme);
  const index = useMemo(() => buildIndex(q.data?.terms ?? [], lng), [q.data, lng]);
  return { ...q, index, lng };
}

const LOADING = () => '…';

/**
 * `(code) => label` in the UI language (falling back to Russian, then English). A code the scheme does
 * not list, or a scheme that could not be loaded, shows as the code itself so a record never loses its
 * meaning silently. While the scheme loads, "…": a flash of twelve-digit HURIDOCS codes read as data.
 */
export function useVocabLabel(scheme: string): (code: string) => string {
  const { index, isPending } = useVocabIndex(scheme);
  return isPending ? LOADING : index.label;
}
