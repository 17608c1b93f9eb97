//! Cross-checks the shipped catalog against the statute texts in `../shared/laws/` (present
//! beside the project in development and CI; the test says so and passes when they are not
//! there, e.g. on a clone elsewhere). For every power:
//! - the cited law file `title(version).md` exists;
//! - each cited article exists, and the cited paragraph (款) and item (项) exist within it;
//! - every non-zero amount of the statutory range appears in the penalty article's text
//!   (as `2000元`, `二千元`, `2万元`, `二万元`, `五倍`, `百分之五` …), so a mistyped range fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use zhifa::domain::catalog::{PartyType, Power, Provision, StatutoryKind};
use zhifa::domain::chinese::numeral;
use zhifa::domain::money::Dec4;

fn laws_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/laws");
    dir.is_dir().then_some(dir)
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

/// Paragraphs (款) of an article: its lines that are not numbered items.
fn paragraphs(lines: &[String]) -> Vec<&String> {
    lines.iter().filter(|l| !is_item_line(l)).collect()
}

fn item_exists(lines: &[String], item: u32) -> bool {
    let n = numeral(item);
    lines
        .iter()
        .any(|l| l.starts_with(&format!("（{n}）")) || l.starts_with(&format!("({n})")))
}

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
            // "一千" is also written "1千" nowhere, but "一百元" / "100元" both occur.
            forms
        }
        _ => vec![v.to_string()],
    }
}

struct Checker {
    dir: PathBuf,
    cache: HashMap<String, Option<HashMap<u32, Vec<String>>>>,
}

impl Checker {
    fn statute(&mut self, p: &Provision) -> Option<&HashMap<u32, Vec<String>>> {
        let file = format!("{}({}).md", p.law, p.version);
        let dir = self.dir.clone();
        self.cache
            .entry(file.clone())
            .or_insert_with(|| {
                std::fs::read_to_string(dir.join(&file))
                    .ok()
                    .map(|t| articles(&t))
            })
            .as_ref()
    }

    fn check_provision(&mut self, code: &str, role: &str, p: &Provision, errs: &mut Vec<String>) {
        let Some(arts) = self.statute(p) else {
            errs.push(format!(
                "{code}: {role}: no statute file {}({}).md",
                p.law, p.version
            ));
            return;
        };
        let Some(lines) = arts.get(&p.article) else {
            errs.push(format!(
                "{code}: {role}: {} has no article {}",
                p.law, p.article
            ));
            return;
        };
        if let Some(para) = p.paragraph {
            if paragraphs(lines).len() < para as usize {
                errs.push(format!(
                    "{code}: {role}: {} Art {} has {} paragraphs, cited {para}",
                    p.law,
                    p.article,
                    paragraphs(lines).len()
                ));
            }
        }
        if let Some(item) = p.item {
            if !item_exists(lines, item) {
                errs.push(format!(
                    "{code}: {role}: {} Art {} has no item {item}",
                    p.law, p.article
                ));
            }
        }
    }

    fn check_amounts(&mut self, power: &Power, errs: &mut Vec<String>) {
        let st = &power.statutory;
        if !st.kind.has_amounts() {
            return;
        }
        let Some(lines) = self
            .statute(&power.penalty)
            .and_then(|a| a.get(&power.penalty.article))
            .cloned()
        else {
            return; // reported by check_provision
        };
        let text = lines.concat();
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
                        "{}: {} amount {v} ({:?}) not found in {} Art {} (looked for {forms:?})",
                        power.code,
                        party.name(),
                        band.kind,
                        power.penalty.law,
                        power.penalty.article
                    ));
                    }
                }
            }
        }
    }
}

#[test]
fn catalog_citations_and_amounts_match_the_statute_texts() {
    let Some(dir) = laws_dir() else {
        eprintln!("skipped: ../shared/laws not found beside the project");
        return;
    };
    let catalog = zhifa::assets::catalog_template().unwrap();
    let mut checker = Checker {
        dir,
        cache: HashMap::new(),
    };
    let mut errs = Vec::new();
    for p in &catalog.powers {
        for v in &p.violated {
            checker.check_provision(&p.code, "violated", v, &mut errs);
        }
        checker.check_provision(&p.code, "penalty", &p.penalty, &mut errs);
        checker.check_amounts(p, &mut errs);
    }
    assert!(
        errs.is_empty(),
        "{} problems:\n{}",
        errs.len(),
        errs.join("\n")
    );
}

#[test]
fn the_checker_catches_a_wrong_range_and_a_wrong_article() {
    let Some(dir) = laws_dir() else {
        eprintln!("skipped: ../shared/laws not found beside the project");
        return;
    };
    let catalog = zhifa::assets::catalog_template().unwrap();
    let mut straw = catalog
        .powers
        .iter()
        .find(|p| p.code == "HJ-001")
        .unwrap()
        .clone();
    let mut checker = Checker {
        dir,
        cache: HashMap::new(),
    };
    let mut errs = Vec::new();
    checker.check_amounts(&straw, &mut errs);
    assert!(errs.is_empty(), "{errs:?}");
    // The bad-data example of legal-rules.md: 5000 is not in Art 119.
    straw.statutory.individual.as_mut().unwrap().max = Dec4::from_int(5000);
    checker.check_amounts(&straw, &mut errs);
    assert_eq!(errs.len(), 1, "{errs:?}");
    let mut wrong = straw.penalty.clone();
    wrong.article = 999;
    checker.check_provision("HJ-001", "penalty", &wrong, &mut errs);
    assert_eq!(errs.len(), 2, "{errs:?}");
}
