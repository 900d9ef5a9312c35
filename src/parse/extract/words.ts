/**
 * Word lists the extractors use to tell names, organisations, job titles, places and
 * dates apart. Every lookup is by whole word (lower-cased), never by substring.
 * Internal: not part of the public API.
 */
import { isWhitespace } from "../../util/chars.js";

/** Build a lookup set from a space-separated list. */
function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w !== ""));
}

/**
 * News agencies and wire services: written form (lower-cased, dots and spaces removed)
 * to the normalised name.
 */
export const AGENCIES: ReadonlyMap<string, string> = new Map([
  ["reuters", "Reuters"],
  ["reuter", "Reuters"],
  ["thomsonreuters", "Reuters"],
  ["ap", "AP"],
  ["associatedpress", "AP"],
  ["theassociatedpress", "AP"],
  ["afp", "AFP"],
  ["agencefrancepresse", "AFP"],
  ["agencefrance-presse", "AFP"],
  ["upi", "UPI"],
  ["unitedpressinternational", "UPI"],
  ["xinhua", "Xinhua"],
  ["xinhuanewsagency", "Xinhua"],
  ["dpa", "dpa"],
  ["deutschepresse-agentur", "dpa"],
  ["ansa", "ANSA"],
  ["efe", "EFE"],
  ["kyodo", "Kyodo"],
  ["kyodonews", "Kyodo"],
  ["yonhap", "Yonhap"],
  ["tass", "TASS"],
  ["itar-tass", "TASS"],
  ["ria", "RIA"],
  ["interfax", "Interfax"],
  ["anadolu", "Anadolu"],
  ["pti", "PTI"],
  ["ians", "IANS"],
  ["irna", "IRNA"],
  ["wafa", "WAFA"],
  ["bernama", "Bernama"],
  ["aap", "AAP"],
  ["cp", "CP"],
  ["thecanadianpress", "CP"],
  ["canadianpress", "CP"],
  ["bloomberg", "Bloomberg"],
  ["cnn", "CNN"],
  ["bbc", "BBC"],
  ["apa", "APA"],
  ["sda", "SDA"],
  ["belga", "Belga"],
  ["anp", "ANP"],
  ["ntb", "NTB"],
  ["tt", "TT"],
  ["ritzau", "Ritzau"],
  ["ctk", "CTK"],
  ["pap", "PAP"],
  ["mti", "MTI"],
  ["ana", "ANA"],
  ["mena", "MENA"],
  ["sana", "SANA"],
  ["apf", "APF"],
  ["newsis", "Newsis"],
  ["cna", "CNA"],
  ["antara", "Antara"],
]);

/** Normalise an agency as written ("Reuter", "The Associated Press", "A.P.") or undefined. */
export function normaliseAgency(written: string): string | undefined {
  // the key keeps every character but whitespace and periods (lower case is never shorter):
  // more of them than the longest key is no agency, without making the key; nor is an
  // ASCII character that no key has (keys are ASCII letters and "-"); nor, when the
  // characters kept are ASCII, a key whose hash no key has (no string made, none hashed)
  let kept = 0;
  let hash = 0;
  let ascii = true;
  for (let i = 0; i < written.length && kept <= LONGEST_AGENCY; i++) {
    const c = written.charCodeAt(i);
    if (c === 46 || isWhitespace(c)) continue;
    if (c >= 128) ascii = false;
    else if (c !== 45 && !((c | 32) >= 97 && (c | 32) <= 122)) return undefined;
    // `| 32` folds an ASCII capital to its small letter (and leaves "-" as it is)
    hash = keyHash(hash, c | 32);
    kept++;
  }
  if (kept > LONGEST_AGENCY || (ascii && !AGENCY_HASHES.has(hash))) return undefined;
  // nothing to remove (no character lower-cases to whitespace or a period): no regex
  const key =
    kept === written.length ? written.toLowerCase() : written.toLowerCase().replace(/[\s.]/g, "");
  return AGENCIES.get(key);
}

/** One step of the hash of an agency key, over its character codes. */
function keyHash(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/**
 * Length of the longest key of {@link AGENCIES}: a text with more characters than this
 * besides whitespace and periods is no agency.
 */
export const LONGEST_AGENCY = Math.max(...[...AGENCIES.keys()].map((k) => k.length));

/** The hashes ({@link keyHash}) of the keys of {@link AGENCIES}. */
const AGENCY_HASHES: ReadonlySet<number> = new Set(
  [...AGENCIES.keys()].map((k) => {
    let hash = 0;
    for (let i = 0; i < k.length; i++) hash = keyHash(hash, k.charCodeAt(i));
    return hash;
  }),
);

/** Words that make a name an organisation ("Press", "Staff", "News"). */
export const ORGANISATION_WORDS = set(`
  press news newswire wire wires agency agencies staff desk team board editorial editors
  bureau service services times post journal tribune herald gazette guardian telegraph
  chronicle observer independent examiner mirror express sun star globe daily weekly
  magazine review monitor inquirer courier dispatch record register bulletin report
  network networks media broadcasting television radio channel studios publishing
  publications newspaper newspapers group inc inc. ltd ltd. llc corp corp. co co.
  company corporation plc foundation institute university college school council
  committee commission association society union department ministry office
  government party league federation centre center organisation organization
  reuters reuter associated contributors correspondents
`);

/** Words of job titles and roles ("Staff Writer", "Brand lead", "Developers"). */
export const JOB_WORDS = set(`
  writer writers reporter reporters correspondent correspondents editor editors
  columnist columnists contributor contributors contributing staff lead leads head
  chief senior junior deputy associate assistant managing executive editorial
  producer producers analyst analysts director directors manager managers officer
  officers president vice strategist engineer engineers developer developers designer
  designers fellow fellows intern interns photographer photographers critic critics
  commentator host anchor researcher researchers scientist scientists specialist
  consultant advisor adviser coordinator owner founder co-founder cofounder ceo cto coo
  cfo vp product content communications marketing policy data design research
  technology tech digital investigative political business economics sports science
  health culture opinion national international foreign local metro bureau desk
  freelance freelancer guest special team member members partner partners professor
  lecturer student students teacher author authors blogger journalist journalists
  secretary spokesman spokeswoman spokesperson minister governor senator representative
  mayor chair chairman chairwoman
`);

/**
 * Fields of work ("Health", "Security", "Outreach"): words of job titles, teams and
 * departments that are never a word of a personal name. A capitalised phrase with one
 * is a role ("Content Design") or, with an acronym, a country or an organisation word,
 * an organisation ("Health Canada", "TBS Cyber Security").
 */
export const FIELD_WORDS = set(`
  accessibility accounting administration advocacy affairs agriculture analytics
  architecture audit business communications compliance content culture customer cyber
  cybersecurity data defence defense delivery design development devops digital diplomacy
  diversity economics education employment energy engagement engineering environment
  equity finance fisheries governance health heritage housing immigration inclusion
  inclusive infrastructure innovation intelligence labour labor learning legal logistics
  marketing operations outreach partnerships policy privacy procurement product programs
  programme recruitment research revenue safety science security services software
  statistics strategy support sustainability talent technology transformation transport
  transportation treasury
`);

/**
 * Countries whose names make a field phrase an organisation ("Health Canada",
 * "Statistics Canada"). A country alone never does: "Geoffrey Canada" is a person.
 */
export const COUNTRIES = set(`
  canada australia zealand britain england scotland wales ireland america usa uk
  india singapore france germany italy spain japan china korea mexico brazil
  argentina chile colombia peru nigeria kenya ghana africa egypt israel pakistan
  bangladesh indonesia malaysia philippines thailand vietnam sweden norway denmark
  finland iceland netherlands belgium switzerland austria poland portugal greece
  turkey ukraine russia estonia latvia lithuania europe
`);

/** Lower-case name particles that may sit inside a personal name. */
export const NAME_PARTICLES = set(`
  van von der den de del della dei di da das dos do du des la le lo ter ten zu zur
  bin ibn bint al el ul ur abu y e st st. san mac
`);

/** Name suffixes ("Jr.", "III"). */
export const NAME_SUFFIXES = set(`jr jr. sr sr. ii iii iv v phd ph.d. md m.d. esq esq.`);

/**
 * Words that are never (part of) a personal name: weekdays, times, determiners, pronouns.
 * (Month names can be names, "Yeoh May"; a name made only of month words is rejected.)
 */
export const NOT_NAME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
  tonight morning afternoon evening night noon midnight week weekend month year day
  spring summer autumn fall winter christmas easter
  the a this that these those its it our his her their my your we they she you i
  in on at for with then now early late last next first contrast comparison all
  some many most any every each other another such same both either neither
  one two three four five six seven eight nine ten hundreds thousands millions
  what when where which who why how if as but or because while since until
  after before during about against between through into onto over under above below
  according to from by up down off out is are was were be been has have had would
  could should says said sees seen not
`);

/** US states and Canadian provinces as written in datelines (lower-cased, dots kept). */
export const REGIONS = set(`
  ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. kans. ky. la. md. mass.
  mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i.
  s.c. s.d. tenn. tex. vt. va. wash. w.va. wis. wyo. d.c. ala ariz ark calif colo conn
  fla ga ill ind kan ky md mass mich minn miss mo mont neb nev okla ore pa tenn tex vt va
  wash wis wyo dc ny nj nc sc nd sd nh nm ri wv al ak az ar ca co ct de fl hi ia id il in
  ks me mi mn ms mt ne nv oh ok or tn tx ut wa wi wy
  alabama alaska arizona arkansas california colorado connecticut delaware florida
  georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
  massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio
  oklahoma oregon pennsylvania tennessee texas utah vermont virginia washington
  wisconsin wyoming alta. b.c. man. n.b. n.s. ont. que. sask. nfld. alberta manitoba
  ontario quebec saskatchewan newfoundland labrador yukon nunavut
`);

/** Two-word regions ("New York", "British Columbia"), lower-cased. */
export const MULTI_WORD_REGIONS = set(
  [
    "new_hampshire",
    "new_jersey",
    "new_mexico",
    "new_york",
    "north_carolina",
    "north_dakota",
    "rhode_island",
    "south_carolina",
    "south_dakota",
    "west_virginia",
    "british_columbia",
    "new_brunswick",
    "nova_scotia",
    "prince_edward_island",
    "northwest_territories",
    "district_of_columbia",
  ].join(" "),
);

/** Month names and abbreviations (lower-cased, no dot) to month number 1-12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ["jan", 1],
  ["january", 1],
  ["feb", 2],
  ["february", 2],
  ["mar", 3],
  ["march", 3],
  ["apr", 4],
  ["april", 4],
  ["may", 5],
  ["jun", 6],
  ["june", 6],
  ["jul", 7],
  ["july", 7],
  ["aug", 8],
  ["august", 8],
  ["sep", 9],
  ["sept", 9],
  ["september", 9],
  ["oct", 10],
  ["october", 10],
  ["nov", 11],
  ["november", 11],
  ["dec", 12],
  ["december", 12],
]);
