/** The stylesheet of the method page: the shared theme, verdict chips and a readable column. */
import { readingColumnCss } from '../page/PageChrome';
import { BASE_CSS, VERDICT_CHIP_CSS } from '../styles';

const PAGE_CSS = `${readingColumnCss('cp-method')}
.cp-method-verdicts { margin: 0.75em 0 0; display: flex; flex-direction: column; gap: 0.75em; }
.cp-method-verdict { display: grid; grid-template-columns: 12.5em 1fr; gap: 0.25em 0.75em; align-items: baseline; }
.cp-method-verdict dd { margin: 0; }
/* The column fits the longest verdict word of the three languages ("Partiellement étayée"). */
@media (max-width: 30rem) { .cp-method-verdict { grid-template-columns: 1fr; } }
.cp-method cite { font-style: italic; }
`;

/** Everything the method page needs, in order. */
export const METHOD_CSS = [BASE_CSS, VERDICT_CHIP_CSS, PAGE_CSS].join('\n');
