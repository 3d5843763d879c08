import { Button, Menu, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/icons';
import { authApi, type Me } from '../features/auth/api';
import { authKeys } from '../features/auth/queries';
import { applyLocale, asLocale, LOCALES, storeLocale, type Locale } from '../i18n';

/**
 * Language menu. Logged in, the choice is saved to the profile (and follows the person to
 * other devices); always also remembered on this device for the login page.
 */
export function LanguageSwitch({ loggedIn }: { loggedIn: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = asLocale(i18n.language) ?? 'ky';
  const save = useMutation({
    mutationFn: (locale: Locale) => authApi.updateMe({ locale }),
    onSuccess: (me: Me) => queryClient.setQueryData(authKeys.me, me),
  });

  const choose = (lng: Locale) => {
    storeLocale(lng);
    void applyLocale(lng);
    if (loggedIn) {
      save.mutate(lng);
    }
  };

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          px={10}
          leftSection={<Icon name="globe" />}
          data-testid="language-switch"
          title={t('language.change')}
          // Beside a long organisation name on a phone, the name gives way, not the switch ("⊕ K").
          style={{ flexShrink: 0 }}
        >
          {current.toUpperCase()}
          <VisuallyHidden>
            {t('language.switch', { language: t(`language.names.${current}`) })}
          </VisuallyHidden>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LOCALES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => choose(lng)}
            data-testid={`language-${lng}`}
            rightSection={lng === current ? <Icon name="check" size={14} /> : null}
            aria-current={lng === current ? 'true' : undefined}
          >
            {t(`language.names.${lng}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
