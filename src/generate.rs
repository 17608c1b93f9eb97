//! Large, realistic databases for the benchmarks (`zhifa bench gen --cases N --db PATH`).
//!
//! The 300 demo cases are first taken through the real workflow (`demo::build`, every gate
//! passed), at every stage from 立案审批 to 归档. The rest are copies of those prototypes
//! with their own party (name, ID or credit code), place and dates, written through the
//! store's bulk path (`Store::bulk_insert`), which uses the same projection, deadline and
//! audit-chain code as a clerk's save, only in large transactions.
//!
//! - Archived prototypes are moved back by whole weeks (weekday kept) anywhere from
//!   2025-01 on, so the closed bulk of the file spreads over both years the holiday tables
//!   cover. Open prototypes move back by at most two weeks, so open cases stay current.
//! - Each copy gets the prototype's audit entries (who, action, summary with its own case
//!   number); the entry's detail names the prototype instead of repeating its before/after
//!   diff, which keeps a 1,000,000-case file within a few GB.

use std::path::Path;
use std::time::Instant;

use chrono::{Days, NaiveDate};

use crate::domain::case::{Case, Stage};
use crate::store::{BulkCase, Store, Who, CASE_NO_MARK};
use crate::workload::Rng;

/// The date the generated office "is" at: the workload's fixed working day.
pub fn as_of() -> NaiveDate {
    let (y, m, d) = crate::workload::WORK_DAY;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The earliest date a copy may move to (the first Monday the holiday tables cover).
fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 1, 6).unwrap_or_default()
}

/// Cases per transaction in the bulk path.
const BATCH: usize = 5_000;

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰春梅海波宁红志新东林建国成立庆福祥德文斌浩宇鹏飞凤云雪峰亮";
const VILLAGES: &str =
    "合隆 陈家店 双山子 四家子 榆树沟 大房身 石头城 小城子 前岗 后岗 靠山 太平 永安 兴隆 长胜 新立";
const TRADES: &str = "商店 超市 饭店 修理部 建材商店 养殖场 农资店 粮库 木材加工厂 洗车行";

/// What the generator made.
#[derive(Debug, Clone, serde::Serialize)]
pub struct GenReport {
    pub cases: u64,
    pub open: u64,
    pub archived: u64,
    pub deadlines: u64,
    pub audit_entries: u64,
    pub file_bytes: u64,
    pub seconds: f64,
}

struct Prototype {
    /// The case as JSON, serialised once and copied with substitutions for every copy.
    json: String,
    case_no: String,
    /// The party's name and identity number as they appear in the case's JSON.
    name: String,
    id_no: String,
    kind: PartyKind,
    audit: Vec<(Who, String, String)>,
    /// Whole weeks the case may move back without leaving the calendar's years.
    max_weeks: u64,
    open: bool,
}

#[derive(Clone, Copy)]
enum PartyKind {
    Person,
    Organisation,
    Business,
}

fn pick_char(rng: &mut Rng, s: &str) -> char {
    let n = s.chars().count() as u64;
    s.chars().nth(rng.below(n) as usize).unwrap_or('王')
}

fn pick_word<'a>(rng: &mut Rng, s: &'a str) -> &'a str {
    let words: Vec<&str> = s.split(' ').collect();
    words[rng.below(words.len() as u64) as usize]
}

fn person_name(rng: &mut Rng) -> String {
    let mut name = String::new();
    name.push(pick_char(rng, SURNAMES));
    name.push(pick_char(rng, GIVEN));
    if rng.below(3) > 0 {
        name.push(pick_char(rng, GIVEN));
    }
    name
}

/// Every `"YYYY-MM-DD` date in a JSON text, moved back by `days`.
fn shift_dates(json: &str, days: u64) -> String {
    if days == 0 {
        return json.to_string();
    }
    let b = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut last = 0;
    let mut i = 0;
    while i + 11 <= b.len() {
        let d = &b[i + 1..i + 11];
        let looks = b[i] == b'"'
            && d[4] == b'-'
            && d[7] == b'-'
            && d.iter()
                .enumerate()
                .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit());
        if looks {
            if let Some(date) = std::str::from_utf8(d)
                .ok()
                .and_then(|t| t.parse::<NaiveDate>().ok())
                .and_then(|x| x.checked_sub_days(Days::new(days)))
            {
                out.push_str(&json[last..i + 1]);
                out.push_str(&date.to_string());
                last = i + 11;
                i += 11;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&json[last..]);
    out
}

/// The earliest date in a JSON text.
fn earliest_date(json: &str) -> Option<NaiveDate> {
    json.split('"')
        .filter(|t| t.len() == 10)
        .filter_map(|t| t.parse::<NaiveDate>().ok())
        .min()
}

fn prototypes(store: &Store) -> Result<Vec<Prototype>, String> {
    let ids: Vec<i64> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM case_file ORDER BY id")
            .map_err(|e| e.to_string())?;
        let rows = stmt
            .query_map([], |r| r.get(0))
            .map_err(|e| e.to_string())?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| e.to_string())?
    };
    let mut out = Vec::new();
    for id in ids {
        let case = store.load_case(id).map_err(|e| e.to_string())?;
        let case_no = store.case_no(id).map_err(|e| e.to_string())?;
        let Some(party) = case.parties.first() else {
            continue;
        };
        let (name, kind) = match party {
            crate::domain::case::Party::Person(p) => (p.name.clone(), PartyKind::Person),
            crate::domain::case::Party::Organisation(o) => {
                (o.name.clone(), PartyKind::Organisation)
            }
            crate::domain::case::Party::Business(b) => (b.trade_name.clone(), PartyKind::Business),
        };
        let id_no = party.id_number().to_string();
        let audit = store
            .case_audit(id)
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|e| {
                let who = Who {
                    user_id: e.user_id,
                    name: e.user_name,
                };
                (who, e.action, e.summary.replace(&case_no, CASE_NO_MARK))
            })
            .collect();
        let json = serde_json::to_string(&case).map_err(|e| e.to_string())?;
        let max_weeks = earliest_date(&json)
            .map(|d| (d - earliest()).num_days().max(0) as u64 / 7)
            .unwrap_or(0);
        out.push(Prototype {
            open: case.stage != Stage::Archived,
            json,
            case_no,
            name,
            id_no,
            kind,
            audit,
            max_weeks,
        });
    }
    Ok(out)
}

/// One copy of a prototype with its own party, place and dates.
fn copy_of(p: &Prototype, n: u64, rng: &mut Rng) -> Result<BulkCase, String> {
    let village = pick_word(rng, VILLAGES);
    let name = match p.kind {
        PartyKind::Person => person_name(rng),
        PartyKind::Organisation => format!(
            "农安县{village}{}{}有限公司",
            pick_char(rng, GIVEN),
            pick_word(rng, TRADES)
        ),
        PartyKind::Business => {
            format!("{village}{}{}", person_name(rng), pick_word(rng, TRADES))
        }
    };
    // The same kind of number as the prototype's: an operator without a credit code is
    // known by the resident ID.
    let resident = p.id_no.len() == 18
        && p.id_no
            .get(..17)
            .is_some_and(|h| h.bytes().all(|b| b.is_ascii_digit()));
    let id_no = if resident {
        crate::demo::ids::resident_id(n as u32, rng.below(2) == 0)
    } else {
        crate::demo::ids::credit_code(n as u32)
    };
    let weeks = if p.open {
        rng.below(p.max_weeks.min(2) + 1)
    } else {
        rng.below(p.max_weeks + 1)
    };
    let mut json = p.json.clone();
    if !p.name.is_empty() {
        json = json.replace(&p.name, &name);
    }
    if !p.id_no.is_empty() {
        json = json.replace(&p.id_no, &id_no);
    }
    let json = shift_dates(&json, weeks * 7);
    let mut case: Case = serde_json::from_str(&json).map_err(|e| e.to_string())?;
    case.id = 0;
    case.year = None;
    case.serial = None;
    case.place = format!("合隆镇{village}村{}组", 1 + rng.below(9));
    let detail = serde_json::json!({ "generated_from": p.case_no });
    Ok(BulkCase {
        case,
        audit: p.audit.clone(),
        detail,
    })
}

/// Builds a database of `cases` cases at `path` (which must not exist). `progress` is told
/// how many cases are written so far.
pub fn generate(
    path: &Path,
    cases: u64,
    seed: u64,
    mut progress: impl FnMut(u64),
) -> Result<GenReport, String> {
    let started = Instant::now();
    let demo = crate::demo::case_count().map_err(|e| e.to_string())? as u64;
    if cases < demo {
        return Err(format!(
            "压测库以演示库的 {demo} 件案件为原型，案件数不能少于 {demo}（--cases {cases}）"
        ));
    }
    crate::demo::build(path, as_of()).map_err(|e| e.to_string())?;
    let mut store = Store::open(path).map_err(|e| e.to_string())?;
    let protos = prototypes(&store)?;
    if protos.is_empty() {
        return Err("演示数据中没有案件，无法生成".into());
    }
    let mut made = protos.len() as u64;
    progress(made);
    let calendar = store.calendar().map_err(|e| e.to_string())?;
    let settings = store.procedure_settings().map_err(|e| e.to_string())?;
    let dl = crate::store::DeadlineCtx {
        calendar: &calendar,
        settings: &settings,
        today: as_of(),
    };
    let mut rng = Rng::new(seed);
    store.bulk_mode(true).map_err(|e| e.to_string())?;
    while made < cases {
        let n = (cases - made).min(BATCH as u64);
        let mut batch = Vec::with_capacity(n as usize);
        for k in 0..n {
            let p = &protos[rng.below(protos.len() as u64) as usize];
            batch.push(copy_of(p, made + k, &mut rng)?);
        }
        store.bulk_insert(batch, &dl).map_err(|e| e.to_string())?;
        made += n;
        progress(made);
    }
    store.bulk_mode(false).map_err(|e| e.to_string())?;
    // Deadline states as of today, as the day's job leaves a file that is in use, and the
    // file says so: `check` compares each stored state with the day the file records for it
    // (the copies were projected as of the generator's fixed day, for repeatable files).
    let today = crate::store::DeadlineCtx {
        today: chrono::Local::now().date_naive(),
        ..dl
    };
    store
        .recompute_deadlines(&today)
        .map_err(|e| e.to_string())?;
    store
        .mark_deadlines_refreshed(today.today)
        .map_err(|e| e.to_string())?;
    let count = |sql: &str| -> Result<u64, String> {
        store
            .conn()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(|e| e.to_string())
    };
    let total = count("SELECT count(*) FROM case_file")?;
    let archived = count("SELECT count(*) FROM case_file WHERE stage = '归档'")?;
    let report = GenReport {
        cases: total,
        open: total - archived,
        archived,
        deadlines: count("SELECT count(*) FROM deadline")?,
        audit_entries: count("SELECT count(*) FROM audit")?,
        file_bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        seconds: started.elapsed().as_secs_f64(),
    };
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_back_by_whole_weeks_and_nothing_else_changes() {
        let json = r#"{"a":"2026-03-09","b":"2026-03-09T10:00:00","c":"09:00","d":"12345678901"}"#;
        let out = shift_dates(json, 14);
        assert_eq!(
            out,
            r#"{"a":"2026-02-23","b":"2026-02-23T10:00:00","c":"09:00","d":"12345678901"}"#
        );
        assert_eq!(shift_dates(json, 0), json);
        assert_eq!(
            earliest_date(r#"["2026-03-09","2025-12-31","x"]"#),
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
    }

    #[test]
    fn a_small_generated_file_is_consistent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.sqlite3");
        let mut seen = Vec::new();
        let r = generate(&path, 420, 7, |n| seen.push(n)).unwrap();
        assert_eq!(r.cases, 420);
        assert_eq!(seen.last(), Some(&420));
        assert!(r.open > 0 && r.archived > 0, "{r:?}");
        let store = Store::open(&path).unwrap();
        // Every case loads, numbers are unique per year, and the audit chain holds.
        let ids: Vec<i64> = store
            .list_cases(&Default::default())
            .unwrap()
            .iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids.len(), 420);
        for id in ids.iter().step_by(37) {
            let c = store.load_case(*id).unwrap();
            assert!(c.year.is_some() && c.serial.is_some());
            assert!(c.proposed_on >= earliest() - Days::new(366));
        }
        assert!(store.verify_audit().unwrap().first_broken.is_none());
        assert!(r.audit_entries > r.cases * 3);
    }
}
