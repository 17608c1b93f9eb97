//! How provisions and ranges read in Chinese, for lists, documents and messages.

use std::fmt;

use super::{Bounds, Provision, Statutory, StatutoryKind};
use crate::chinese::{self, numeral};
use crate::money::Dec4;

/// 行政法规 whose own title carries the 中华人民共和国 prefix though they are not a law's
/// 实施条例 (title as promulgated, e.g. 国务院令第3号).
const PREFIXED_REGULATIONS: [&str; 1] = ["河道管理条例"];

/// The full title of a statute as promulgated: national laws (titles ending in 法, not 办法)
/// and their 实施条例 carry the 中华人民共和国 prefix, as do the few regulations of
/// [`PREFIXED_REGULATIONS`]; other 条例, 办法 and interpretations do not.
pub fn law_title(short: &str) -> String {
    let prefixed = !short.starts_with("中华人民共和国")
        && !short.contains('《')
        && (is_law(short)
            || short.ends_with("法实施条例")
            || PREFIXED_REGULATIONS.contains(&short));
    if prefixed {
        format!("《中华人民共和国{short}》")
    } else {
        format!("《{short}》")
    }
}

/// Whether a short title names a law of the NPC or its Standing Committee (《…法》), not a
/// 行政法规 (《…条例》, 《…办法》, a law's 实施条例) — only a law may set 行政强制执行
/// (行政强制法第十三条).
pub fn is_law(short: &str) -> bool {
    let short = short.trim();
    short.ends_with('法') && !short.ends_with("办法")
}

/// Several provisions as one citation, each statute's title printed once:
/// `《中华人民共和国土地管理法》第二条第三款、第四十四条第一款`.
pub fn cite_provisions<'a>(provisions: impl IntoIterator<Item = &'a Provision>) -> String {
    let mut out = String::new();
    let mut last_law: Option<&str> = None;
    for p in provisions {
        if !out.is_empty() {
            out.push('、');
        }
        if last_law != Some(p.law.as_str()) {
            out.push_str(&law_title(&p.law));
        }
        out.push_str(&p.article_text());
        last_law = Some(&p.law);
    }
    out
}

impl Provision {
    /// `第一百一十九条第一款第（二）项`.
    pub fn article_text(&self) -> String {
        let mut s = format!("第{}条", numeral(self.article));
        if let Some(p) = self.paragraph {
            s.push_str(&format!("第{}款", numeral(p)));
        }
        if let Some(i) = self.item {
            s.push_str(&format!("第（{}）项", numeral(i)));
        }
        s
    }
}

impl Provision {
    /// `土地管理法第77条第1款`, the short form of messages and the written audits.
    pub fn short_citation(&self) -> String {
        let mut s = format!("{}第{}条", self.law, self.article);
        if let Some(n) = self.paragraph {
            s.push_str(&format!("第{n}款"));
        }
        if let Some(n) = self.item {
            s.push_str(&format!("第{n}项"));
        }
        s
    }

    /// `《中华人民共和国大气污染防治法》第一百一十九条第一款` (no version date).
    pub fn citation(&self) -> String {
        format!("{}{}", law_title(&self.law), self.article_text())
    }
}

impl fmt::Display for Provision {
    /// `《中华人民共和国大气污染防治法》（2018年10月26日）第一百一十九条第一款`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（{}）{}",
            law_title(&self.law),
            chinese::date(self.version),
            self.article_text()
        )
    }
}

fn multiple_text(v: Dec4) -> String {
    format!("{v}倍")
}

fn percent_text(v: Dec4) -> String {
    // 0.05 → 5%; Dec4 has four decimals, so percentages keep two.
    format!("{}%", Dec4(v.0 * 100))
}

/// A range as it reads in a list or a document, in the unit of the statutory kind:
/// `500元至2000元`, `2万元以下`, `工程造价5%至10%`, `货值金额5倍至10倍`, `每平方米100元至1000元`.
pub fn describe_bounds(statutory: &Statutory, b: &Bounds) -> String {
    let base = statutory.base.as_deref().unwrap_or("");
    match statutory.kind {
        // A tier inside a "…以下" band may start above 0: say so.
        StatutoryKind::Range | StatutoryKind::MaxOnly if b.min == Dec4(0) => {
            format!("{}元以下", b.max)
        }
        StatutoryKind::Range | StatutoryKind::MaxOnly => format!("{}元至{}元", b.min, b.max),
        StatutoryKind::PerUnit => format!("每{base}{}元至{}元", b.min, b.max),
        StatutoryKind::Multiple => {
            let as_percent = b.max <= Dec4::from_int(1);
            let show = if as_percent {
                percent_text
            } else {
                multiple_text
            };
            if b.min == Dec4(0) {
                format!("{base}{}以下", show(b.max))
            } else {
                format!("{base}{}至{}", show(b.min), show(b.max))
            }
        }
        StatutoryKind::Local => "可处罚款（数额依地方性法规、规章）".to_string(),
        StatutoryKind::None => "不罚款".to_string(),
    }
}

impl super::Power {
    /// A tier's ranges in its band, per party type: `个人 500元至1000元；单位 …`
    /// (empty for tiers without amounts).
    pub fn tier_ranges(&self, tier: &super::Tier) -> String {
        let band = self
            .statutory
            .band_for(tier)
            .unwrap_or_else(|| self.statutory.clone());
        super::PartyType::ALL
            .into_iter()
            .filter_map(|party| {
                tier.bounds(party)
                    .map(|b| format!("{} {}", party.name(), describe_bounds(&band, b)))
            })
            .collect::<Vec<_>>()
            .join("；")
    }
}

/// The rule for one act under several items, as the lists and forms state it.
pub const ONE_FINE_RULE: &str =
    "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚；同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚（行政处罚法第二十九条）";

impl super::Power {
    /// One line per related item (`HJ-011（同一行为可能同时违反（择一处罚））：……`), for
    /// `powers show` and the filing output; empty when the item has none.
    pub fn related_lines(&self) -> Vec<String> {
        self.related
            .iter()
            .map(|r| format!("{}（{}）：{}", r.code, r.relation.name(), r.note))
            .collect()
    }

    /// What the township may not decide under this item, in one sentence, if anything.
    pub fn reserved_line(&self) -> Option<String> {
        self.reserved.as_ref().map(|r| {
            let what = if r.whole_item() {
                "本事项的全部处罚".to_string()
            } else {
                r.kinds
                    .iter()
                    .map(|k| k.name())
                    .collect::<Vec<_>>()
                    .join("、")
            };
            format!(
                "{what}不能由本机关决定，应移送{}（{}）",
                r.authority, r.reason
            )
        })
    }
}

impl Statutory {
    /// One line per party type: `个人：500元至2000元；单位：1万元至10万元`.
    pub fn summary(&self) -> String {
        let main = self.band_summary();
        match &self.alternative {
            Some(alt) => format!(
                "{main}（{}的：{}）",
                alt.condition,
                alt.as_statutory().band_summary()
            ),
            None => main,
        }
    }

    fn band_summary(&self) -> String {
        match self.kind {
            StatutoryKind::Local | StatutoryKind::None => describe_bounds(
                self,
                &Bounds {
                    min: Dec4(0),
                    max: Dec4(0),
                },
            ),
            _ => super::PartyType::ALL
                .into_iter()
                .filter_map(|p| {
                    self.bounds(p)
                        .map(|b| format!("{}：{}", p.name(), describe_bounds(self, b)))
                })
                .collect::<Vec<_>>()
                .join("；"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prov(law: &str, article: u32, paragraph: Option<u32>, item: Option<u32>) -> Provision {
        Provision {
            law: law.into(),
            version: "2018-10-26".parse().unwrap(),
            in_force: None,
            article,
            paragraph,
            item,
        }
    }

    #[test]
    fn titles() {
        assert_eq!(
            law_title("大气污染防治法"),
            "《中华人民共和国大气污染防治法》"
        );
        assert_eq!(law_title("城市道路管理条例"), "《城市道路管理条例》");
        assert_eq!(
            law_title("无证无照经营查处办法"),
            "《无证无照经营查处办法》"
        );
    }

    #[test]
    fn regulations_keep_their_own_titles() {
        // 国务院令第743号 and 第3号 promulgate these with the prefix (issue 15 item 16).
        assert_eq!(
            law_title("土地管理法实施条例"),
            "《中华人民共和国土地管理法实施条例》"
        );
        assert_eq!(law_title("河道管理条例"), "《中华人民共和国河道管理条例》");
        assert_eq!(law_title("城镇燃气管理条例"), "《城镇燃气管理条例》");
    }

    #[test]
    fn one_citation_names_each_statute_once() {
        let provs = [
            prov("土地管理法", 2, Some(3), None),
            prov("土地管理法", 44, Some(1), None),
            prov("土地管理法实施条例", 57, Some(1), None),
        ];
        assert_eq!(
            cite_provisions(&provs),
            "《中华人民共和国土地管理法》第二条第三款、第四十四条第一款、\
             《中华人民共和国土地管理法实施条例》第五十七条第一款"
        );
    }

    #[test]
    fn citations() {
        assert_eq!(
            prov("大气污染防治法", 119, Some(1), None).to_string(),
            "《中华人民共和国大气污染防治法》（2018年10月26日）第一百一十九条第一款"
        );
        assert_eq!(
            prov("城市道路管理条例", 42, None, Some(2)).article_text(),
            "第四十二条第（二）项"
        );
    }

    #[test]
    fn ranges_read_naturally() {
        let st = |kind, base: Option<&str>| Statutory {
            kind,
            base: base.map(Into::into),
            individual: None,
            organisation: None,
            note: None,
            alternative: None,
            mandatory: Vec::new(),
        };
        let b = |min: i64, max: i64| Bounds {
            min: Dec4::from_int(min),
            max: Dec4::from_int(max),
        };
        assert_eq!(
            describe_bounds(&st(StatutoryKind::Range, None), &b(500, 2000)),
            "500元至2000元"
        );
        assert_eq!(
            describe_bounds(&st(StatutoryKind::MaxOnly, None), &b(0, 20000)),
            "20000元以下"
        );
        // A tier of a "…以下" band that starts above 0 (YJ-002 一般: 10000–50000).
        assert_eq!(
            describe_bounds(&st(StatutoryKind::MaxOnly, None), &b(10000, 50000)),
            "10000元至50000元"
        );
        assert_eq!(
            describe_bounds(
                &st(StatutoryKind::Multiple, Some("工程造价")),
                &Bounds {
                    min: Dec4(500),
                    max: Dec4(1000)
                }
            ),
            "工程造价5%至10%"
        );
        assert_eq!(
            describe_bounds(&st(StatutoryKind::Multiple, Some("木材价值")), &b(5, 10)),
            "木材价值5倍至10倍"
        );
        assert_eq!(
            describe_bounds(&st(StatutoryKind::PerUnit, Some("平方米")), &b(100, 1000)),
            "每平方米100元至1000元"
        );
    }
}
