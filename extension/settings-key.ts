/** Where the settings live in extension storage (@wxt-dev/storage key: the local area, key `settings`). */
export const SETTINGS_KEY = 'local:settings' as const;
