//! Cross-checks the shipped catalog against the statute texts in `../shared/laws/` (present
//! beside the project in development and CI). Without them the test says so and passes on a
//! developer's clone elsewhere, but FAILS under CI (`CI=true`): a missing folder must never
//! look like a clean catalog. For every power:
//! - the cited law file `title(version).md` exists, and the title a document prints is the
//!   statute's own (《中华人民共和国…》 for laws and the regulations promulgated so);
//! - each cited article exists, and the cited paragraph (款) and item (项) exist within it;
//! - every non-zero amount of each band appears in the penalty provision — in the cited
//!   paragraph when one is cited — as the band the statute states: `五百元以上二千元以下`
//!   for a range, `五万元以下` (not the top of an `…以上…以下` band) for a fine up to an
//!   amount, `一倍以上十倍以下` / `百分之五以上百分之十以下` for a multiple; so a merged or
//!   mistyped band, or a wrong multiple, fails;
//! - an amount stated for one party type is not found only where the statute names the
//!   other (`个人…` / `单位…` clauses);
//! - a cited item (项) describes the power's conduct better than the items it does not cite;
//! - the power does not apply before the cited text came into force (the text's own
//!   `本法自…起施行` date or, for an amending decision the consolidated text does not print,
//!   the table below), and the catalog's `in_force` says so;
//! - where the penalty provision confiscates for the conduct itself (`没收…` not after
//!   `可以`, not an alternative `或者没收`, not under a condition of its own `…的，没收`), the
//!   power lists a mandatory confiscation (`[[power.mandatory]]`, issue 15 item 7), unless
//!   the audit found the confiscated thing may not exist (the list below).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zhifa::domain::catalog::{law_title, PartyType, PenaltyKind, Power, Provision, StatutoryKind};
use zhifa::domain::chinese::numeral;
use zhifa::domain::money::Dec4;

/// In-force dates of amending decisions that the consolidated texts in `../shared/laws` do not
/// print (their last article keeps the original law's date). Source: the amending decisions
/// as listed in issue 15; each is later than the version date, so it only ever moves a power's
/// start later.
const AMENDMENTS_IN_FORCE: [(&str, &str, &str); 3] = [
    ("安全生产法", "2021-06-10", "2021-09-01"),
    ("种子法", "2021-12-24", "2022-03-01"),
    ("农药管理条例", "2022-03-29", "2022-05-01"),
];

/// Items whose penalty provision confiscates only what may not exist in a case (illegal
/// income where the conduct often has none; 草原法 Art 66 even sets a band for “没有违法所得”),
/// so the catalog does not make it mandatory and the decision states it when present. Each
/// reason is the one in `assets/catalog/MANDATORY_AUDIT.md`.
const CONFISCATION_ONLY_IF_PRESENT: [(&str, &str); 7] = [
    (
        "LY-013",
        "非法财物、违法所得以其存在为前提，另有没有违法所得的幅度",
    ),
    ("LY-018", "填埋自用时没有违法所得"),
    ("SL-014", "取土自用时没有违法所得"),
    ("HJ-011", "乱倒生活垃圾多无违法所得"),
    ("HJ-012", "未清运施工固体废物多无违法所得"),
    ("HJ-013", "擅自倾倒建筑垃圾未必有违法所得"),
    ("HJ-014", "沿途遗撒生活垃圾多无违法所得"),
];

fn laws_dir() -> Option<PathBuf> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    laws_dir_at(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/laws"),
        ci,
    )
}

/// The statute folder, or None to skip — except under CI, where a missing folder fails.
fn laws_dir_at(dir: &Path, ci: bool) -> Option<PathBuf> {
    if dir.is_dir() {
        return Some(dir.to_path_buf());
    }
    assert!(
        !ci,
        "{} is missing under CI: the statute check cannot run, and skipping it would pass an unchecked catalog",
        dir.display()
    );
    eprintln!("skipped: {} not found beside the project", dir.display());
    None
}

/// One statute text: its articles (number → lines), its title and its in-force date.
struct Statute {
    title: String,
    articles: HashMap<u32, Vec<String>>,
    in_force: Option<NaiveDate>,
}

fn parse_statute(text: &str) -> Statute {
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or_default()
        .trim()
        .to_string();
    Statute {
        title,
        articles: articles(text),
        in_force: stated_in_force(text),
    }
}

/// `本法自2022年6月5日起施行` (last article) or a header line `2014年1月1日 施行`.
fn stated_in_force(text: &str) -> Option<NaiveDate> {
    let header = text.split("<!-- INFO END -->").next().unwrap_or("");
    let from_header = header.lines().find_map(|l| {
        let l = l.trim();
        l.strip_suffix("施行")
            .map(str::trim)
            .and_then(parse_digit_date)
    });
    let from_article = text.lines().rev().find_map(|l| {
        let start = l.find("自")?;
        let rest = &l[start + "自".len()..];
        let end = rest.find("起施行")?;
        parse_digit_date(&rest[..end])
    });
    from_article.or(from_header)
}

/// `2022年6月5日` → date; anything else (公布之日, Chinese numerals) → None.
fn parse_digit_date(s: &str) -> Option<NaiveDate> {
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    NaiveDate::from_ymd_opt(y.trim().parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Articles of one statute: article number → its lines (heading line first).
fn articles(text: &str) -> HashMap<u32, Vec<String>> {
    let mut out: HashMap<u32, Vec<String>> = HashMap::new();
    let mut current: Option<u32> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(n) = article_heading(t) {
            current = Some(n);
            out.entry(n).or_default().push(t.to_string());
            continue;
        }
        if t.starts_with('第') && (t.contains('章') || t.contains('节')) && t.chars().count() < 40
        {
            current = None;
            continue;
        }
        if t.starts_with('#') {
            current = None;
            continue;
        }
        if let (Some(n), false) = (current, t.is_empty()) {
            out.entry(n).or_default().push(t.to_string());
        }
    }
    out
}

fn article_heading(line: &str) -> Option<u32> {
    let rest = line.strip_prefix('第')?;
    let end = rest.find('条')?;
    let num = &rest[..end];
    let after = &rest[end + '条'.len_utf8()..];
    if !(after.is_empty() || after.starts_with(' ') || after.starts_with('\u{3000}')) {
        return None;
    }
    parse_cn(num)
}

fn parse_cn(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    (1..=1000).find(|n| numeral(*n) == s)
}

fn is_item_line(line: &str) -> bool {
    line.starts_with('（') || line.starts_with('(')
}

/// Paragraphs (款) of an article, each with the item lines that follow it.
fn paragraphs(lines: &[String]) -> Vec<Vec<&String>> {
    let mut out: Vec<Vec<&String>> = Vec::new();
    for l in lines {
        match out.last_mut() {
            Some(p) if is_item_line(l) => p.push(l),
            _ => out.push(vec![l]),
        }
    }
    out
}

fn item_line<'a>(lines: &[&'a String], item: u32) -> Option<&'a String> {
    let n = numeral(item);
    lines
        .iter()
        .copied()
        .find(|l| l.starts_with(&format!("（{n}）")) || l.starts_with(&format!("({n})")))
}

/// The ways a statute writes one amount: `2000元`, `二千元`, `2万元`, `五倍`, `百分之五`, `5%`.
fn amount_forms(kind: StatutoryKind, v: Dec4) -> Vec<String> {
    let whole = v.0 / Dec4::SCALE;
    let exact = v.0 % Dec4::SCALE == 0;
    match kind {
        StatutoryKind::Multiple => {
            let mut forms = Vec::new();
            if exact && whole > 0 {
                forms.push(format!("{}倍", numeral(whole as u32)));
                forms.push(format!("{whole}倍"));
            }
            if v.0 % 100 == 0 && v.0 < Dec4::SCALE * 10 {
                let pct = (v.0 / 100) as u32;
                forms.push(format!("百分之{}", numeral(pct)));
                forms.push(format!("{pct}%"));
            }
            forms
        }
        _ if exact => {
            let n = whole as u32;
            let mut forms = vec![format!("{n}元"), format!("{}元", numeral(n))];
            if n.is_multiple_of(10_000) {
                let w = n / 10_000;
                forms.push(format!("{w}万元"));
                forms.push(format!("{}万元", numeral(w)));
                forms.push(format!("{w}万"));
                forms.push(format!("{}万", numeral(w)));
            }
            forms
        }
        _ => vec![v.to_string()],
    }
}

/// The phrases that state a band: `{min}以上{max}以下`, or `{max}以下` for a band from 0.
fn band_phrases(kind: StatutoryKind, min: Dec4, max: Dec4) -> Vec<String> {
    let maxes = amount_forms(kind, max);
    if min == max {
        return maxes; // a fixed amount (历史文化名城名镇名村保护条例 Art 42: 50元)
    }
    if min.0 == 0 {
        return maxes.into_iter().map(|m| format!("{m}以下")).collect();
    }
    amount_forms(kind, min)
        .iter()
        .flat_map(|lo| maxes.iter().map(move |hi| format!("{lo}以上{hi}以下")))
        .collect()
}

/// Whether `phrase` occurs in `text` as a band of its own: a band from 0 (`五万元以下`) must
/// not be the upper end of an `…以上…以下` band.
fn states_band(text: &str, phrase: &str, from_zero: bool) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        if !from_zero {
            return true;
        }
        let before: String = text[..at].chars().rev().take(2).collect();
        before != "上以" // the two characters before, reversed: not "以上"
    })
}

/// Where in `text` a phrase occurs, with the party the clause names: the statute writes
/// `单位……，处…罚款；个人……，处…罚款` or `对个人…，对单位…`, so a comma clause inherits the
/// party named earlier in its sentence (up to `；` or `。`).
fn party_of_occurrences(text: &str, phrase: &str) -> Vec<Option<PartyType>> {
    let mut out = Vec::new();
    for sentence in text.split(['；', '。']) {
        let mut party = None;
        for clause in sentence.split('，') {
            // `个人有…` / `对个人处…`; not `建设单位…`, a role rather than a party type.
            let names = |who: &str| clause.starts_with(who) || clause.contains(&format!("对{who}"));
            let ind = names("个人");
            let org = names("单位");
            if ind != org {
                party = Some(if ind {
                    PartyType::Individual
                } else {
                    PartyType::Organisation
                });
            }
            for _ in clause.matches(phrase) {
                out.push(party);
            }
        }
    }
    out
}

/// The clauses of a penalty text that confiscate for the conduct itself: `没收…` not after
/// `可以` (optional) or `或者` (an alternative to another measure, e.g. 限期拆除或者没收), not
/// in a clause after a condition of its own (`不能拆除的，没收实物`), and not in a sentence
/// for another item of the article (`有前款第二项规定的行为的，…还应当没收`).
fn mandatory_confiscations(text: &str, item: Option<u32>) -> Vec<String> {
    let mut out = Vec::new();
    for sentence in text.split(['；', '。']) {
        if let (Some(item), Some(at)) = (item, sentence.find("前款第")) {
            let rest = &sentence[at + "前款第".len()..];
            if rest
                .find('项')
                .is_some_and(|end| &rest[..end] != numeral(item).as_str())
            {
                continue;
            }
        }
        let clauses: Vec<&str> = sentence.split(['，', '：', ':']).collect();
        for (i, clause) in clauses.iter().enumerate() {
            let Some(at) = clause.find("没收") else {
                continue;
            };
            let before = &clause[..at];
            if before.contains("可以") || before.ends_with("或者") {
                continue;
            }
            // `…的，由…没收` names the conduct and who confiscates; a `…的，没收` later in
            // the sentence (`不能拆除的，没收实物`) is a situation of its own.
            if i > 1 && clauses[i - 1].ends_with('的') && !clause.starts_with('由') {
                continue;
            }
            out.push(clause.to_string());
        }
    }
    out
}

/// Longest run of characters the two texts share.
fn longest_common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in &a {
        let mut cur = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best
}

struct Checker {
    dir: PathBuf,
    cache: HashMap<String, Option<Statute>>,
}

impl Checker {
    fn new(dir: PathBuf) -> Self {
        Checker {
            dir,
            cache: HashMap::new(),
        }
    }

    fn statute(&mut self, p: &Provision) -> Option<&Statute> {
        let file = format!("{}({}).md", p.law, p.version);
        let dir = self.dir.clone();
        self.cache
            .entry(file.clone())
            .or_insert_with(|| {
                std::fs::read_to_string(dir.join(&file))
                    .ok()
                    .map(|t| parse_statute(&t))
            })
            .as_ref()
    }

    fn check_provision(&mut self, code: &str, role: &str, p: &Provision, errs: &mut Vec<String>) {
        let Some(statute) = self.statute(p) else {
            errs.push(format!(
                "{code}: {role}: no statute file {}({}).md",
                p.law, p.version
            ));
            return;
        };
        let printed = law_title(&p.law);
        let own = format!("《{}》", statute.title);
        if printed != own {
            errs.push(format!(
                "{code}: {role}: documents would print {printed}, the statute's title is {own}"
            ));
        }
        let Some(lines) = statute.articles.get(&p.article) else {
            errs.push(format!(
                "{code}: {role}: {} has no article {}",
                p.law, p.article
            ));
            return;
        };
        let paras = paragraphs(lines);
        if let Some(para) = p.paragraph {
            if paras.len() < para as usize {
                errs.push(format!(
                    "{code}: {role}: {} Art {} has {} paragraphs, cited {para}",
                    p.law,
                    p.article,
                    paras.len()
                ));
                return;
            }
        }
        if let Some(item) = p.item {
            let scope: Vec<&String> = match p.paragraph {
                Some(para) => paras[para as usize - 1].clone(),
                None => lines.iter().collect(),
            };
            if item_line(&scope, item).is_none() {
                errs.push(format!(
                    "{code}: {role}: {} Art {} has no item {item}",
                    p.law, p.article
                ));
            }
        }
    }

    /// The text where the penalty provision states its amounts: the cited paragraph with its
    /// items and the paragraphs after it (statutes list the conduct first and the amounts
    /// after, `单位有前款第一项…处…`); the whole article when the cited paragraph refers back
    /// (`依照前款`, `依照《土地管理法》第七十六条的规定处罚`) or none is cited.
    fn penalty_text(&mut self, power: &Power) -> Option<String> {
        let p = &power.penalty;
        let lines = self.statute(p)?.articles.get(&p.article)?.clone();
        let paras = paragraphs(&lines);
        let Some(para) = p.paragraph else {
            return Some(lines.concat());
        };
        let cited = paras.get(para as usize - 1)?;
        if ["前款", "第一款", "依照"]
            .iter()
            .any(|w| cited[0].contains(w))
        {
            return Some(lines.concat());
        }
        Some(
            paras[para as usize - 1..]
                .iter()
                .flatten()
                .map(|l| l.as_str())
                .collect(),
        )
    }

    fn check_amounts(&mut self, power: &Power, errs: &mut Vec<String>) {
        let st = &power.statutory;
        if !st.kind.has_amounts() {
            return;
        }
        let Some(text) = self.penalty_text(power) else {
            return; // reported by check_provision
        };
        let where_ = format!(
            "{} Art {}{}",
            power.penalty.law,
            power.penalty.article,
            power
                .penalty
                .paragraph
                .map(|p| format!("({p})"))
                .unwrap_or_default()
        );
        let bands =
            std::iter::once(st.clone()).chain(st.alternative.as_ref().map(|a| a.as_statutory()));
        for band in bands {
            for party in PartyType::ALL {
                let Some(b) = band.bounds(party) else {
                    continue;
                };
                for v in [b.min, b.max] {
                    if v.0 == 0 {
                        continue;
                    }
                    let forms = amount_forms(band.kind, v);
                    if !forms.iter().any(|f| text.contains(f.as_str())) {
                        errs.push(format!(
                            "{}: {} amount {v} ({:?}) not found in {where_} (looked for {forms:?})",
                            power.code,
                            party.name(),
                            band.kind,
                        ));
                    }
                }
                let phrases = band_phrases(band.kind, b.min, b.max);
                let from_zero = b.min.0 == 0;
                let stated: Vec<&String> = phrases
                    .iter()
                    .filter(|ph| states_band(&text, ph, from_zero))
                    .collect();
                if stated.is_empty() {
                    errs.push(format!(
                        "{}: {} band {}–{} ({:?}) is not a band {where_} states (looked for {:?})",
                        power.code,
                        party.name(),
                        b.min,
                        b.max,
                        band.kind,
                        phrases
                    ));
                    continue;
                }
                let parties: Vec<Option<PartyType>> = stated
                    .iter()
                    .flat_map(|ph| party_of_occurrences(&text, ph))
                    .collect();
                if !parties.is_empty() && parties.iter().all(|p| p.is_some_and(|p| p != party)) {
                    errs.push(format!(
                        "{}: {} band {}–{} is stated in {where_} only for the other party type",
                        power.code,
                        party.name(),
                        b.min,
                        b.max
                    ));
                }
            }
        }
    }

    /// A cited item describes the power's conduct better than any sibling item the power
    /// does not cite: a wrong item number that exists (动物防疫法 Art 92 item 4 for the dogs'
    /// shots of item 3) reads as another conduct.
    fn check_item_matches(&mut self, power: &Power, errs: &mut Vec<String>) {
        let conduct = power
            .name
            .trim_start_matches('对')
            .trim_end_matches("的处罚")
            .to_string();
        let provisions: Vec<(&str, &Provision)> = power
            .violated
            .iter()
            .map(|v| ("violated", v))
            .chain(std::iter::once(("penalty", &power.penalty)))
            .collect();
        for (role, p) in &provisions {
            let Some(item) = p.item else { continue };
            let Some(lines) = self
                .statute(p)
                .and_then(|s| s.articles.get(&p.article))
                .cloned()
            else {
                continue;
            };
            let paras = paragraphs(&lines);
            let scope: Vec<&String> = match p.paragraph {
                Some(para) => match paras.get(para as usize - 1) {
                    Some(lines) => lines.clone(),
                    None => continue,
                },
                None => lines.iter().collect(),
            };
            let Some(cited) = item_line(&scope, item) else {
                continue;
            };
            let cited_items: Vec<u32> = provisions
                .iter()
                .filter(|(_, q)| q.law == p.law && q.article == p.article)
                .filter_map(|(_, q)| q.item)
                .collect();
            let score = longest_common_run(&conduct, cited);
            let better = scope.iter().find(|l| {
                is_item_line(l)
                    && !cited_items.iter().any(|n| item_line(&[*l], *n).is_some())
                    && longest_common_run(&conduct, l) > score
            });
            if let Some(other) = better {
                errs.push(format!(
                    "{}: {role}: {} Art {} item {item} (“{}”) does not describe “{conduct}”; “{}” does better",
                    power.code,
                    p.law,
                    p.article,
                    cited.chars().take(30).collect::<String>(),
                    other.chars().take(30).collect::<String>()
                ));
            }
        }
    }

    /// The penalty provision's own words on what the penalty contains: the cited paragraph,
    /// and the paragraphs right after it that refer back to it (`有前款第二项规定的行为的，…
    /// 还应当没收禁用的农药`); the whole article when the cited paragraph refers back or none
    /// is cited.
    fn mandatory_text(&mut self, power: &Power) -> Option<String> {
        let p = &power.penalty;
        let lines = self.statute(p)?.articles.get(&p.article)?.clone();
        let paras = paragraphs(&lines);
        let Some(para) = p.paragraph else {
            return Some(lines.concat());
        };
        let cited = paras.get(para as usize - 1)?;
        if ["前款", "第一款", "依照"]
            .iter()
            .any(|w| cited[0].contains(w))
        {
            return Some(lines.concat());
        }
        let referring = paras[para as usize..]
            .iter()
            .take_while(|q| q[0].starts_with("有前款"));
        Some(
            std::iter::once(cited)
                .chain(referring)
                .flatten()
                .map(|l| l.as_str())
                .collect(),
        )
    }

    /// A confiscation the penalty provision makes mandatory is listed as such.
    fn check_mandatory_confiscation(&mut self, power: &Power, errs: &mut Vec<String>) {
        if CONFISCATION_ONLY_IF_PRESENT
            .iter()
            .any(|(code, _)| *code == power.code)
        {
            return;
        }
        let Some(text) = self.mandatory_text(power) else {
            return; // reported by check_provision
        };
        let found = mandatory_confiscations(&text, power.penalty.item);
        let listed = power.mandatory.iter().any(|m| {
            m.any_of.iter().any(|k| {
                matches!(
                    k,
                    PenaltyKind::ConfiscateGains | PenaltyKind::ConfiscateProperty
                )
            })
        });
        if let (Some(clause), false) = (found.first(), listed) {
            errs.push(format!(
                "{}: {} Art {} confiscates for the conduct (“{clause}”), but the catalog lists no mandatory confiscation",
                power.code, power.penalty.law, power.penalty.article
            ));
        }
    }

    /// The power does not apply before each cited text came into force.
    fn check_in_force(&mut self, power: &Power, errs: &mut Vec<String>) {
        let Some(from) = power.effective_from else {
            errs.push(format!("{}: no resolved effective date", power.code));
            return;
        };
        for p in power.violated.iter().chain(std::iter::once(&power.penalty)) {
            let amended = AMENDMENTS_IN_FORCE
                .iter()
                .find(|(law, version, _)| *law == p.law && *version == p.version.to_string())
                .and_then(|(_, _, d)| d.parse::<NaiveDate>().ok());
            let stated = self.statute(p).and_then(|s| s.in_force);
            let required = [Some(p.version), stated, amended]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(p.version);
            if from < required {
                errs.push(format!(
                    "{}: applies from {from}, but {}({}) is in force only from {required}",
                    power.code, p.law, p.version
                ));
            }
            if required > p.version && p.in_force != Some(required) {
                errs.push(format!(
                    "{}: {}({}) came into force {required}; the catalog says in_force = {:?}",
                    power.code, p.law, p.version, p.in_force
                ));
            }
        }
    }

    fn check_power(&mut self, p: &Power, errs: &mut Vec<String>) {
        for v in &p.violated {
            self.check_provision(&p.code, "violated", v, errs);
        }
        self.check_provision(&p.code, "penalty", &p.penalty, errs);
        self.check_amounts(p, errs);
        self.check_item_matches(p, errs);
        self.check_in_force(p, errs);
        self.check_mandatory_confiscation(p, errs);
        self.check_conditions_and_grants(p, errs);
    }

    /// The text of a cited provision: its paragraph if one is cited, else the article.
    fn provision_text(&mut self, p: &Provision) -> Option<String> {
        let lines = self.statute(p)?.articles.get(&p.article)?.clone();
        let paras = paragraphs(&lines);
        let chosen: Vec<&String> = match p.paragraph {
            Some(n) => paras.get(n as usize - 1)?.clone(),
            None => lines.iter().collect(),
        };
        Some(
            chosen
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(""),
        )
    }

    /// A statutory condition (`[[power.triggered]]`) is cited to a provision that exists and
    /// names it; a 查封扣押 grant (`[[power.coercive]]`) to one that exists and says 查封 or
    /// 扣押 (行政强制法第十条: only a law or regulation sets the measure).
    fn check_conditions_and_grants(&mut self, p: &Power, errs: &mut Vec<String>) {
        for t in &p.triggered {
            self.check_provision(&p.code, "condition", &t.basis, errs);
            if let Some(text) = self.provision_text(&t.basis) {
                if !text.contains(t.trigger.trim()) {
                    errs.push(format!(
                        "{}: condition “{}”: {} Art {} does not name it",
                        p.code, t.trigger, t.basis.law, t.basis.article
                    ));
                }
            }
        }
        for c in &p.coercive {
            self.check_provision(&p.code, "coercive", &c.basis, errs);
            if let Some(text) = self.provision_text(&c.basis) {
                if !text.contains("查封") && !text.contains("扣押") {
                    errs.push(format!(
                        "{}: coercive grant: {} Art {} says neither 查封 nor 扣押",
                        p.code, c.basis.law, c.basis.article
                    ));
                }
            }
        }
    }
}

#[test]
fn catalog_citations_and_amounts_match_the_statute_texts() {
    let Some(dir) = laws_dir() else { return };
    let catalog = zhifa::assets::catalog_template().unwrap();
    let mut checker = Checker::new(dir);
    let mut errs = Vec::new();
    for p in &catalog.powers {
        checker.check_power(p, &mut errs);
    }
    assert!(
        errs.is_empty(),
        "{} problems:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

fn template_power(code: &str) -> Power {
    zhifa::assets::catalog_template()
        .unwrap()
        .powers
        .into_iter()
        .find(|p| p.code == code)
        .unwrap()
}

fn problems(checker: &mut Checker, p: &Power) -> Vec<String> {
    let mut errs = Vec::new();
    checker.check_power(p, &mut errs);
    errs
}

#[test]
fn the_checker_catches_a_wrong_range_and_a_wrong_article() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    let mut straw = template_power("HJ-001");
    assert!(problems(&mut checker, &straw).is_empty());
    // The bad-data example of legal-rules.md: 5000 is not in Art 119.
    straw.statutory.individual.as_mut().unwrap().max = Dec4::from_int(5000);
    assert!(!problems(&mut checker, &straw).is_empty());
    let mut wrong = template_power("HJ-001");
    wrong.penalty.article = 999;
    assert!(!problems(&mut checker, &wrong).is_empty());
}

#[test]
fn the_checker_catches_an_amount_in_the_wrong_party_band() {
    // 固体废物污染环境防治法 Art 111(2): units 5万–50万, individuals 100–500.
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    let mut rubbish = template_power("HJ-011");
    assert!(problems(&mut checker, &rubbish).is_empty());
    let st = &mut rubbish.statutory;
    std::mem::swap(&mut st.individual, &mut st.organisation);
    let errs = problems(&mut checker, &rubbish);
    assert!(
        errs.iter()
            .any(|e| e.contains("only for the other party type")),
        "{errs:?}"
    );
}

#[test]
fn the_checker_catches_a_wrong_paragraph_or_item_that_exists() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    // 大气污染防治法 Art 119 has three paragraphs; the straw fine is in the first, and the
    // third (fireworks) states no amount.
    let mut straw = template_power("HJ-001");
    straw.penalty.paragraph = Some(3);
    let errs = problems(&mut checker, &straw);
    assert!(errs.iter().any(|e| e.contains("not found")), "{errs:?}");
    // 动物防疫法 Art 92 item 3 is the dogs' rabies shots; item 4 exists but is transport.
    let mut dogs = template_power("NY-013");
    assert!(problems(&mut checker, &dogs).is_empty());
    dogs.penalty.item = Some(4);
    let errs = problems(&mut checker, &dogs);
    assert!(
        errs.iter().any(|e| e.contains("does not describe")),
        "{errs:?}"
    );
}

#[test]
fn the_checker_catches_a_wrong_multiple_and_a_merged_band() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    // 森林法 Art 76(2): 滥伐 3–5 × the timber's value; "5–10" is the 盗伐 paragraph.
    let mut felling = template_power("LY-005");
    assert!(problems(&mut checker, &felling).is_empty());
    felling.statutory.individual.as_mut().unwrap().min = Dec4::from_int(1);
    let errs = problems(&mut checker, &felling);
    assert!(errs.iter().any(|e| e.contains("not a band")), "{errs:?}");
    // The old NY-012: ≤1000 and the 逾期不改正 band 1000–5000 merged into "5000元以下".
    let mut shots = template_power("NY-012");
    shots.statutory.alternative = None;
    shots.statutory.individual.as_mut().unwrap().max = Dec4::from_int(5000);
    let errs = problems(&mut checker, &shots);
    assert!(errs.iter().any(|e| e.contains("not a band")), "{errs:?}");
}

#[test]
fn the_checker_catches_a_start_before_the_text_was_in_force() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    // 土地管理法实施条例 (2021-07-02) is in force from 2021-09-01 (its Art 67).
    let mut land = template_power("ZR-001");
    assert!(problems(&mut checker, &land).is_empty());
    land.effective_from = Some(NaiveDate::from_ymd_opt(2021, 7, 15).unwrap());
    let errs = problems(&mut checker, &land);
    assert!(
        errs.iter()
            .any(|e| e.contains("in force only from 2021-09-01")),
        "{errs:?}"
    );
    // An amended text whose consolidated version prints the original date: 安全生产法.
    let mut signs = template_power("YJ-001");
    assert!(problems(&mut checker, &signs).is_empty());
    signs.effective_from = Some(NaiveDate::from_ymd_opt(2021, 7, 15).unwrap());
    assert!(!problems(&mut checker, &signs).is_empty());
}

#[test]
fn in_force_dates_are_read_from_the_texts() {
    assert_eq!(
        stated_in_force("# 某法\n<!-- INFO END -->\n第九十条 本法自2022年6月5日起施行。"),
        NaiveDate::from_ymd_opt(2022, 6, 5)
    );
    assert_eq!(
        stated_in_force(
            "# 某条例\n2014年1月1日 施行\n<!-- INFO END -->\n第五十九条 本条例自公布之日起施行。"
        ),
        NaiveDate::from_ymd_opt(2014, 1, 1)
    );
}

#[test]
fn missing_statute_texts_fail_under_ci() {
    let nowhere = Path::new(env!("CARGO_MANIFEST_DIR")).join("no-such-laws-folder");
    assert_eq!(laws_dir_at(&nowhere, false), None);
    let under_ci = std::panic::catch_unwind(|| laws_dir_at(&nowhere, true));
    assert!(under_ci.is_err(), "a missing folder must fail under CI");
}

#[test]
fn the_checker_catches_a_mandatory_confiscation_the_catalog_leaves_out() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    // 大气污染防治法 Art 118(3): 没收烧烤工具和违法所得，并处罚款.
    let mut barbecue = template_power("HJ-004");
    assert!(problems(&mut checker, &barbecue).is_empty());
    barbecue.mandatory.clear();
    let errs = problems(&mut checker, &barbecue);
    assert!(
        errs.iter().any(|e| e.contains("no mandatory confiscation")),
        "{errs:?}"
    );
    // 农药管理条例 Art 60(2) confiscates for item 2 only: NY-002 must list it, NY-001 not.
    let mut banned = template_power("NY-002");
    banned.mandatory.clear();
    assert!(!problems(&mut checker, &banned).is_empty());
    assert!(problems(&mut checker, &template_power("NY-001")).is_empty());
}

#[test]
fn optional_alternative_and_conditional_confiscations_are_not_mandatory() {
    // 河道管理条例 Art 44: 可以并处警告、罚款、没收非法所得.
    assert!(mandatory_confiscations(
        "县级以上地方人民政府河道主管机关除责令其纠正违法行为、采取补救措施外，可以并处警告、罚款、没收非法所得；",
        Some(2)
    )
    .is_empty());
    // 城乡规划法 Art 64: 不能拆除的，没收实物或者违法收入 (the heavier situation).
    assert!(mandatory_confiscations(
        "由县级以上地方人民政府城乡规划主管部门责令停止建设；无法采取改正措施消除影响的，限期拆除，不能拆除的，没收实物或者违法收入，可以并处建设工程造价百分之十以下的罚款。",
        None
    )
    .is_empty());
    // 村庄和集镇规划建设管理条例 Art 37: 限期拆除或者没收 (one or the other).
    assert!(mandatory_confiscations(
        "责令停止建设，限期拆除或者没收违法建筑物、构筑物和其他设施；",
        None
    )
    .is_empty());
    // 农药管理条例 Art 60(2) for item 2, read for item 1 and item 2.
    let para2 = "有前款第二项规定的行为的，县级人民政府农业主管部门还应当没收禁用的农药。";
    assert!(mandatory_confiscations(para2, Some(1)).is_empty());
    assert_eq!(mandatory_confiscations(para2, Some(2)).len(), 1);
}

/// A 查封扣押 grant or a statutory condition cited to the wrong article is caught.
#[test]
fn the_checker_catches_a_grant_or_a_condition_cited_to_the_wrong_article() {
    let Some(dir) = laws_dir() else { return };
    let mut checker = Checker::new(dir);
    let straw = template_power("HJ-001");
    assert!(!straw.coercive.is_empty());
    assert!(problems(&mut checker, &straw).is_empty());
    let mut wrong = straw.clone();
    // 大气污染防治法第一百一十九条 is the straw-burning penalty, not a grant.
    wrong.coercive[0].basis = wrong.penalty.clone();
    let found = problems(&mut checker, &wrong);
    assert!(
        found.iter().any(|e| e.contains("neither 查封 nor 扣押")),
        "{found:?}"
    );
    let mut boiler = template_power("HJ-005");
    assert!(problems(&mut checker, &boiler).is_empty());
    boiler.triggered[0].trigger = "情节特别严重".into();
    let found = problems(&mut checker, &boiler);
    assert!(
        found.iter().any(|e| e.contains("does not name it")),
        "{found:?}"
    );
}
