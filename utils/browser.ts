/**
 * The extension API, typed as webextension-polyfill's promise-based `Browser`.
 * At run time `wxt/browser` already is webextension-polyfill (the `@wxt-dev/webextension-polyfill`
 * module in wxt.config.ts swaps it in), and in unit tests it is WXT's in-memory fake browser;
 * WXT declares it with Chrome's types, so this one module restates the type once.
 */
import type { Browser } from 'webextension-polyfill';
import { browser } from 'wxt/browser';

/** The extension API with webextension-polyfill's types. */
export const extensionApi = browser as unknown as Browser;

export type { Browser, Menus, Runtime, Storage, Tabs } from 'webextension-polyfill';
