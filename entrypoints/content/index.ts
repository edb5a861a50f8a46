import { defineContentScript } from 'wxt/utils/define-content-script';

export default defineContentScript({
  matches: ['*://globalresearch.ca/*', '*://*.globalresearch.ca/*'],
  main() {},
});
