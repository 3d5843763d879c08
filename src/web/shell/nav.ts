import type { IconName } from '../components/icons';

/** One navbar entry; `to` absent means the module is not built yet ("coming soon"). */
export interface NavItem {
  key: string;
  icon: IconName;
  to?:
    | '/'
    | '/profile'
    | '/admin/users'
    | '/admin/audit'
    | '/admin/eligibility'
    | '/admin/vocab'
    | '/cases'
    | '/stats'
    | '/people'
    | '/violations'
    | '/intake'
    | '/calendar'
    | '/monitoring';
  /** Shown when the user holds any one of these capabilities. */
  capability?: string[];
}

export const MODULE_ITEMS: NavItem[] = [
  { key: 'dashboard', icon: 'home', to: '/' },
  { key: 'cases', icon: 'scale', to: '/cases', capability: ['cases.read'] },
  { key: 'calendar', icon: 'calendar', to: '/calendar', capability: ['cases.read'] },
  { key: 'intake', icon: 'inbox', to: '/intake', capability: ['cases.write'] },
  { key: 'people', icon: 'users', to: '/people', capability: ['people.read'] },
  { key: 'stats', icon: 'chart', to: '/stats', capability: ['reports.read'] },
  { key: 'violations', icon: 'alert', to: '/violations', capability: ['violations.read'] },
  {
    key: 'monitoring',
    icon: 'eye',
    to: '/monitoring',
    capability: ['monitoring.submit', 'monitoring.review'],
  },
  { key: 'advocacy', icon: 'megaphone', capability: ['advocacy.manage'] },
  { key: 'trainings', icon: 'school', capability: ['trainings.manage'] },
  { key: 'festival', icon: 'film', capability: ['festival.manage'] },
  { key: 'library', icon: 'books', capability: ['library.manage'] },
  { key: 'network', icon: 'network', capability: ['network.manage'] },
  { key: 'reports', icon: 'chart', capability: ['reports.read'] },
];

export const ADMIN_ITEMS: NavItem[] = [
  { key: 'users', icon: 'users', to: '/admin/users', capability: ['users.manage'] },
  { key: 'audit', icon: 'list', to: '/admin/audit', capability: ['audit.read'] },
  { key: 'eligibility', icon: 'scale', to: '/admin/eligibility', capability: ['settings.manage'] },
  { key: 'vocab', icon: 'books', to: '/admin/vocab', capability: ['settings.manage'] },
];

/** Items the user may see, following the capabilities the server grants (deny by default). */
export function visibleItems(items: NavItem[], capabilities: string[]): NavItem[] {
  return items.filter((i) => !i.capability || i.capability.some((c) => capabilities.includes(c)));
}
