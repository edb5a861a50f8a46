/**
 * The side panel's words: every string it shows, read from the interface language when used,
 * and the language of the pack's own texts.
 */
import { plural, t } from '../../utils/i18n';
import { SLOT } from '../slots';

/**
 * Every string the panel shows, in one place: each is read from the interface language when
 * used (docs/i18n.md), so the tests name controls by the same words the panel shows.
 */
export const strings = {
  /** The product's name, the same in every language. */
  appName: 'Counterpoint',
  get loading() {
    return t('sidepanel_loading');
  },
  get overviewOf() {
    return t('sidepanel_overview_of');
  },
  get noTab() {
    return t('sidepanel_no_tab');
  },
  get noContextTitle() {
    return t('sidepanel_no_context_title');
  },
  get noContextOtherSite() {
    return t('sidepanel_no_context_other_site');
  },
  get notAnArticleTitle() {
    return t('sidepanel_not_article_title');
  },
  get notAnArticle() {
    return t('sidepanel_not_article');
  },
  get waiting() {
    return t('sidepanel_waiting');
  },
  pausedTitle: (host: string) => t('sidepanel_paused_title', [host]),
  get paused() {
    return t('sidepanel_paused');
  },
  get resume() {
    return t('sidepanel_resume');
  },
  get noPack() {
    return t('sidepanel_no_pack');
  },
  get claimsHeading() {
    return t('sidepanel_key_claims');
  },
  /** "Claims reviewed" with {@link SLOT} where the date goes. */
  get reviewed() {
    return t('sidepanel_reviewed', [SLOT]);
  },
  get method() {
    return t('common_how_checks');
  },
  get filterLabel() {
    return t('sidepanel_filter_label');
  },
  filterSummary: (shown: number, total: number) =>
    shown === total
      ? plural('sidepanel_claims_all', total)
      : plural('sidepanel_claims_shown', total, [shown]),
  get showAll() {
    return t('sidepanel_show_all');
  },
  get claimsList() {
    return t('sidepanel_claims_list');
  },
  get notFound() {
    return t('common_not_found_on_page');
  },
  get copyLink() {
    return t('sidepanel_copy_link');
  },
  copyLinkName: (quote: string) => t('sidepanel_copy_link_named', [quote]),
  linkCopied: (quote: string) => t('sidepanel_link_copied', [quote]),
  get copyFailed() {
    return t('claim_copy_refused');
  },
  get linkField() {
    return t('sidepanel_link_field');
  },
  notesHeading: (count: number) =>
    count === 0 ? t('sidepanel_notes_none') : plural('claim_your_notes', count),
  get notesList() {
    return t('sidepanel_notes_list');
  },
  get noNotes() {
    return t('sidepanel_no_notes', [t('common_add_note')]);
  },
  orphansHeading: (count: number) => plural('popup_orphans_heading', count),
  get orphansExplained() {
    return t('sidepanel_orphans_explained');
  },
  get orphansList() {
    return t('sidepanel_orphans_list');
  },
  get noQuote() {
    return t('sidepanel_no_quote');
  },
  get openInPageFailed() {
    return t('sidepanel_open_failed');
  },
  get shownNow() {
    return t('sidepanel_shown_now');
  },
  get tags() {
    return t('sidepanel_tags');
  },
};

/** The language of the pack's own texts (quotes, title), until packs declare one. */
export const PACK_LANGUAGE = 'en';
