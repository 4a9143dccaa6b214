// Owns the stop list: words that never become terms and that break phrases. natural's English list
// plus the function words it lacks plus the boilerplate of abstracts ("we propose a novel ...").
import naturalStopwords from 'natural/lib/natural/util/stopwords.js';

// Why a long boilerplate list: theme labels come from the terms that rank highest in a cluster, and
// every abstract "proposes" a "novel framework" that "significantly outperforms existing methods".
// Left in, those words outrank the research themes ("model merging", "gaussian splatting").
// Matching is on the exact lower-cased surface word, not on the stem, and inflections are spelt out:
// stems over-reach ("extensive" and "extension" share "extens", "effective" and "effects" share
// "effect", "presented" and "presentation" share "present", "working" and "work" share "work").
// A stop word also ends a phrase, so words that live inside research phrases stay OUT of this list
// even when they are frequent: "learning" (reinforcement learning), "model", "data", "code" (code
// generation), "base" (knowledge base), "task" (multi-task), "evaluation", "robustness", "analysis",
// "direct" (direct preference optimization), "support" (support vector machines), "capture" (motion
// capture), "extended" (extended reality), "critical", "gap", "cases", "empirical", "field".

/** Function words that natural's list lacks (negations, connectives, quantifiers, numerals). */
const FUNCTION_WORDS = [
  'across', 'additionally', 'al', 'albeit', 'along', 'already', 'although', 'among', 'amongst',
  'around', 'away', 'became', 'become', 'becomes', 'besides', 'beyond', 'ce', 'cf', 'despite',
  'due', 'eg', 'either', 'else', 'enough', 'especially', 'et', 'etc', 'even', 'ever', 'every',
  'finally', 'first', 'firstly', 'five', 'four', 'furthermore', 'given', 'hence', 'however',
  'i.e', 'ie', 'including', 'instead', 'less', 'let', 'many', 'may', 'meanwhile', 'moreover',
  'neither', 'no', 'nor', 'not', 'notably', 'often', 'one', 'ones', 'onto', 'per', 'rather',
  'respectively', 'second', 'secondly', 'several', 'shall', 'similarly', 'specifically', 'third',
  'thus', 'three', 'throughout', 'thereby', 'therefore', 'though', 'toward', 'towards', 'two',
  'upon', 'us', 'usually', 'via', 'whereas', 'whether', 'whose', 'will', 'within', 'without',
  'yet', 'i', 'it\'s', 'vs', 'versus', 'whilst', 'wherein', 'paper\'s'
];

/** The genre's own vocabulary: what abstracts say about themselves rather than their subject. */
const ABSTRACT_BOILERPLATE = [
  // announcing the contribution
  'propose', 'proposes', 'proposed', 'proposing', 'present', 'presents', 'presented', 'presenting',
  'introduce', 'introduces', 'introduced', 'introducing', 'paper', 'papers', 'article', 'work',
  'works', 'study', 'studies', 'studied', 'novel', 'new', 'approach', 'approaches', 'method',
  'methods', 'framework', 'frameworks', 'technique', 'techniques', 'aim', 'aims', 'goal',
  'contribution', 'contributions', 'address', 'addresses', 'addressed', 'addressing', 'tackle',
  'tackles', 'explore', 'explores', 'explored', 'exploring', 'investigate', 'investigates',
  'investigated', 'investigating', 'examine', 'examines', 'examined', 'consider', 'considers',
  'considered', 'develop', 'develops', 'developed', 'designed', 'need', 'needs',
  // claiming the result
  'results', 'result', 'show', 'shows', 'showed', 'shown', 'showing', 'demonstrate',
  'demonstrates', 'demonstrated', 'demonstrating', 'achieve', 'achieves', 'achieved', 'achieving',
  'outperform', 'outperforms', 'outperformed', 'outperforming', 'improve', 'improves', 'improved',
  'improving', 'improvement', 'improvements', 'significant', 'significantly', 'substantially',
  'substantial', 'consistently', 'superior', 'competitive', 'comparable', 'promising',
  'effective', 'effectively', 'effectiveness', 'efficient', 'efficiently', 'performance',
  'performances', 'baseline', 'baselines', 'better', 'best', 'state-of-the-art', 'sota', 'experiments', 'experiment', 'experimental',
  'extensive', 'extensively', 'comprehensive', 'evaluate', 'evaluates', 'evaluated', 'evaluating',
  'reveal', 'reveals', 'revealed', 'highlight', 'highlights', 'suggest', 'suggests', 'find',
  'findings', 'found', 'observe', 'observed', 'yield', 'yields', 'obtain', 'obtained', 'provide',
  'provides', 'provided', 'providing', 'offer', 'offers', 'enable', 'enables', 'enabling',
  'enabled', 'allow', 'allows', 'allowing', 'leverage', 'leverages', 'leveraged', 'leveraging',
  'utilize', 'utilizes', 'utilizing', 'utilise', 'utilising', 'employ', 'employs', 'employing',
  'use', 'uses', 'used', 'using', 'based', 'exhibit', 'exhibits', 'remain', 'remains', 'require',
  'requires', 'required', 'conduct', 'conducted', 'compared', 'compare', 'comparing',
  'integrate', 'integrates', 'integrated', 'integrating', 'enhance', 'enhances', 'enhanced',
  'enhancing', 'trained', 'capability', 'capabilities', 'ability', 'abilities', 'strategy',
  'strategies', 'setting', 'settings', 'limited', 'future', 'downstream', 'advanced', 'combine',
  'combines', 'combining', 'rely', 'relies', 'relying', 'identify', 'identifies', 'identifying',
  'validate', 'validates', 'validated', 'incorporate', 'incorporates', 'incorporating', 'applied',
  'perform', 'performs', 'performed', 'lack', 'lacks', 'lacking', 'ensure', 'ensures', 'ensuring',
  'maintain', 'maintains', 'maintaining', 'construct', 'constructs', 'constructed', 'struggle',
  'struggles', 'increasing', 'insights', 'additional', 'preserving', 'produce', 'produces',
  'mitigate', 'mitigates', 'mitigating', 'requiring', 'systematically', 'focus', 'focuses',
  'focused', 'focusing', 'emerged', 'establish', 'establishes', 'established', 'limiting', 'fail',
  'fails', 'failing', 'essential', 'facilitate', 'facilitates', 'facilitating', 'relevant',
  'inherent', 'inherently', 'gains', 'create', 'creates', 'creating', 'created', 'powerful',
  'directly', 'handle', 'handles', 'handling', 'varying', 'indicate', 'indicates', 'offering',
  'resulting', 'include', 'includes', 'involve', 'involves', 'involving', 'fundamental',
  'remarkable', 'impressive', 'scenario', 'scenarios', 'leading', 'reduce', 'reduces', 'reduced',
  'reducing', 'accurate', 'accurately', 'reliable', 'reliably', 'precise', 'precisely',
  'practical', 'paradigm', 'advances', 'advancing', 'advancement', 'advancements', 'surpass',
  'surpasses', 'surpassing', 'highlighting', 'suffer', 'suffers', 'leads', 'increase', 'increases',
  'increased', 'apply', 'applies', 'applying', 'contain', 'contains', 'containing', 'following',
  'corresponding', 'related', 'represent', 'represents',
  // proving and framing in passing: "we prove that" topped a theory theme's label ("bound, prove");
  // "proving" stays a word (theorem proving), and so do "approximately" (probably approximately
  // correct) and "research" (deep research, operations research)
  'prove', 'proves', 'proved', 'confirm', 'confirms', 'confirmed', 'overcome', 'overcomes',
  'overlook', 'overlooks', 'overlooked', 'explicitly', 'spanning', 'comprising', 'unlike',
  'primarily', 'called', 'motivated', 'excellent', 'excels',
  // framing the problem
  'existing', 'prior', 'previous', 'recent', 'recently', 'current', 'currently', 'challenge',
  'challenges', 'challenging', 'limitation', 'limitations', 'potential', 'issue',
  'issues', 'key', 'crucial', 'important', 'importantly', 'various', 'diverse',
  'different', 'multiple', 'wide', 'widely', 'variety', 'numerous', 'particular',
  'particularly', 'specific', 'typically', 'commonly', 'increasingly', 'simple', 'real-world',
  'high-quality', 'well', 'able', 'also', 'often', 'make', 'makes', 'making', 'however', 'thereby',
  'furthermore', 'moreover', 'additionally', 'overall', 'respectively',
  // release notes and citations ("code" stays a term: code generation is a research theme)
  'available', 'publicly', 'release', 'released', 'github', 'http', 'https', 'www',
  'com', 'org', 'io', 'url', 'project', 'page', 'anonymous'
];

/** Every stop word, lower-cased surface forms. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...(naturalStopwords.words as string[]),
  ...FUNCTION_WORDS,
  ...ABSTRACT_BOILERPLATE
]);
