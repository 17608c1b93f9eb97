//! The case list: what to list (`CaseFilter`), in which order (`CaseSort`), from where
//! (`PageAt`: keyset pages), through the search index when searching, and how many.
//! Cases themselves are written in `cases.rs`.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::codes::{code, Code};
use super::{Result, Store, StoreError};
use crate::domain::case::deadlines::{DeadlineKind, DeadlineState};
use crate::domain::case::{Case, Stage};
use crate::domain::field::Field;
use crate::domain::search;

/// One line of the case list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CaseRow {
    pub id: i64,
    pub case_no: String,
    pub procedure: String,
    pub stage: Stage,
    pub outcome: Option<String>,
    pub power_code: String,
    pub power_name: String,
    pub field: String,
    pub party_names: String,
    pub squad: String,
    pub proposed_on: String,
    pub fine: crate::domain::money::Fen,
    pub next_due: Option<String>,
    pub next_due_kind: Option<DeadlineKind>,
    pub next_due_state: Option<DeadlineState>,
}

/// What to list.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    pub stage: Option<Stage>,
    /// Any of these stages (empty: no condition).
    pub any_stage: Vec<Stage>,
    pub field: Option<Field>,
    pub handler: Option<i64>,
    pub squad: Option<String>,
    pub overdue_only: bool,
    /// Instant search over case number, parties, ID numbers, place, power, facts and the
    /// pinyin initials of names and places.
    pub text: Option<String>,
    /// Exactly this case (a reference the search box resolved: `#183`, `2026-183`, any of
    /// its document numbers); replaces `text`.
    pub case_id: Option<i64>,
    /// Proposed (filed) on or after / on or before.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub sort: CaseSort,
    pub limit: Option<u32>,
    pub offset: Option<u32>,
    /// Where the page starts (with `limit`).
    pub page: PageAt,
}

/// Where a page of the case list starts. Scrolling uses the keyset forms, which seek
/// straight to the neighbour of a row the screen already has instead of counting past
/// every row before it (`OFFSET`), so scrolling costs the same at row 10 and row 100,000.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PageAt {
    /// At `offset` (0 or none: the top).
    #[default]
    Offset,
    /// The rows right after the case with this id, in list order.
    After(i64),
    /// The rows right before the case with this id, in list order.
    Before(i64),
    /// The last `limit` rows.
    End,
}

/// The column the case list is ordered by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CaseSort {
    /// Newest case number first.
    #[default]
    Number,
    /// Earliest open deadline first (cases without one last).
    NextDue,
    Stage,
    Party,
    Power,
}

impl CaseSort {
    pub const ALL: [CaseSort; 5] = [
        CaseSort::Number,
        CaseSort::NextDue,
        CaseSort::Stage,
        CaseSort::Party,
        CaseSort::Power,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CaseSort::Number => "案号",
            CaseSort::NextDue => "下一期限",
            CaseSort::Stage => "阶段",
            CaseSort::Party => "当事人",
            CaseSort::Power => "案由",
        }
    }

    /// The list order as (expression, descending) keys, ending in the case number so that
    /// the order is total. Through the search index, the index's rowid is the case number
    /// order itself, which lets the index hand out matches already sorted.
    fn keys(self, indexed: bool) -> Vec<SortKey> {
        let number = if indexed {
            vec![SortKey::new(
                "case_search.rowid",
                "c.year * 10000000 + c.serial",
                true,
            )]
        } else {
            vec![
                SortKey::new("c.year", "c.year", true),
                SortKey::new("c.serial", "c.serial", true),
            ]
        };
        let first = match self {
            CaseSort::Number => return number,
            CaseSort::NextDue => "coalesce(c.next_due, '9999-12-31')",
            CaseSort::Stage => stage_order(),
            CaseSort::Party => "c.party_names",
            CaseSort::Power => "c.power_code",
        };
        let mut keys = vec![SortKey::new(first, first, false)];
        keys.extend(number);
        keys
    }
}

/// One key of the list order: the expression to order by, the same value computed from a
/// `case_file c` row (to find where an anchor row sits), and the direction.
/// The stage column as its place in the procedure (立案审批 → … → 归档), so sorting by stage
/// follows the procedure, not the characters' code points. Made once from `Stage::ALL`.
fn stage_order() -> &'static str {
    static ORDER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ORDER.get_or_init(|| {
        let arms: String = Stage::ALL
            .iter()
            .enumerate()
            .map(|(i, s)| format!(" WHEN '{}' THEN {i}", code(s)))
            .collect();
        format!("(CASE c.stage{arms} ELSE 99 END)")
    })
}

struct SortKey {
    order: &'static str,
    of_row: &'static str,
    desc: bool,
}

impl SortKey {
    fn new(order: &'static str, of_row: &'static str, desc: bool) -> SortKey {
        SortKey {
            order,
            of_row,
            desc,
        }
    }
}

impl Store {
    /// The case list in the filter's order (a page of it when `limit` is set; see
    /// `PageAt` for where the page starts).
    pub fn list_cases(&self, f: &CaseFilter) -> Result<Vec<CaseRow>> {
        Ok(self
            .list_rows(f, false)?
            .into_iter()
            .map(|(row, _)| row)
            .collect())
    }

    /// The same page with each case's data, in one query: for screens that ask the domain
    /// about every listed case (the 工作台 queue) without loading them one by one.
    pub fn list_cases_with_data(&self, f: &CaseFilter) -> Result<Vec<(CaseRow, Case)>> {
        self.list_rows(f, true)?
            .into_iter()
            .map(|(row, data)| {
                let case: Case = serde_json::from_str(&data.unwrap_or_default())
                    .map_err(|e| StoreError::Rule(format!("案件 {} 数据损坏：{e}", row.case_no)))?;
                Ok((row, case))
            })
            .collect()
    }

    fn list_rows(&self, f: &CaseFilter, with_data: bool) -> Result<Vec<(CaseRow, Option<String>)>> {
        let q = filter_query(f);
        let keys = f.sort.keys(q.indexed);
        let mut where_sql = q.where_sql;
        let mut args = q.args;
        let (anchor, backwards) = match f.page {
            PageAt::After(id) => (Some(id), false),
            PageAt::Before(id) => (Some(id), true),
            PageAt::End => (None, true),
            PageAt::Offset => (None, false),
        };
        if let Some(id) = anchor {
            if let Some((sql, values)) = self.after_anchor(&keys, id, backwards)? {
                where_sql.push_str(&format!(" AND ({sql})"));
                args.extend(values);
            }
        }
        let order = keys
            .iter()
            .map(|k| {
                let desc = k.desc != backwards;
                format!("{} {}", k.order, if desc { "DESC" } else { "ASC" })
            })
            .collect::<Vec<_>>()
            .join(", ");
        let mut sql = format!(
            "SELECT c.id, c.case_no, c.procedure, c.stage, c.outcome, c.power_code, c.power_name, c.field,
                    c.party_names, c.squad, c.proposed_on, c.fine, c.next_due, c.next_due_kind, c.next_due_state{}
             FROM {} WHERE {where_sql} ORDER BY {order}",
            if with_data { ", c.data" } else { "" },
            q.from
        );
        if let Some(limit) = f.limit {
            let offset = match f.page {
                PageAt::Offset => f.offset.unwrap_or(0),
                _ => 0,
            };
            sql.push_str(&format!(" LIMIT {limit} OFFSET {offset}"));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            let row = CaseRow {
                id: r.get(0)?,
                case_no: r.get(1)?,
                procedure: r.get(2)?,
                stage: r.get::<_, Code<Stage>>(3)?.0,
                outcome: r.get(4)?,
                power_code: r.get(5)?,
                power_name: r.get(6)?,
                field: r.get(7)?,
                party_names: r.get(8)?,
                squad: r.get(9)?,
                proposed_on: r.get(10)?,
                fine: crate::domain::money::Fen(r.get(11)?),
                next_due: r.get(12)?,
                next_due_kind: r.get::<_, Option<Code<DeadlineKind>>>(13)?.map(|c| c.0),
                next_due_state: r.get::<_, Option<Code<DeadlineState>>>(14)?.map(|c| c.0),
            };
            let data: Option<String> = if with_data { Some(r.get(15)?) } else { None };
            Ok((row, data))
        })?;
        let mut out: Vec<_> = rows.collect::<rusqlite::Result<_>>()?;
        if backwards {
            out.reverse();
        }
        Ok(out)
    }

    /// The condition "comes after (or, backwards, before) case `id` in this order", with
    /// its arguments; None when the case is gone (the page then starts at the top).
    fn after_anchor(
        &self,
        keys: &[SortKey],
        id: i64,
        backwards: bool,
    ) -> Result<Option<(String, Vec<rusqlite::types::Value>)>> {
        let select = keys.iter().map(|k| k.of_row).collect::<Vec<_>>().join(", ");
        let values: Option<Vec<rusqlite::types::Value>> = self
            .conn
            .prepare_cached(&format!("SELECT {select} FROM case_file c WHERE c.id = ?1"))?
            .query_row([id], |r| {
                (0..keys.len())
                    .map(|i| r.get::<_, rusqlite::types::Value>(i))
                    .collect()
            })
            .optional()?;
        let Some(values) = values else {
            return Ok(None);
        };
        // "After" in a descending key means smaller; backwards flips it.
        let op = |k: &SortKey| if k.desc != backwards { "<" } else { ">" };
        if keys.iter().all(|k| k.desc == keys[0].desc) {
            // One direction: a row-value comparison, which SQLite answers from the index.
            let cols = keys.iter().map(|k| k.order).collect::<Vec<_>>().join(", ");
            let marks = vec!["?"; keys.len()].join(", ");
            return Ok(Some((
                format!("({cols}) {} ({marks})", op(&keys[0])),
                values,
            )));
        }
        let mut ors = Vec::new();
        let mut args = Vec::new();
        for i in 0..keys.len() {
            let mut ands = Vec::new();
            for (k, v) in keys.iter().zip(&values).take(i) {
                ands.push(format!("{} = ?", k.order));
                args.push(v.clone());
            }
            ands.push(format!("{} {} ?", keys[i].order, op(&keys[i])));
            args.push(values[i].clone());
            ors.push(format!("({})", ands.join(" AND ")));
        }
        Ok(Some((ors.join(" OR "), args)))
    }

    /// How many cases there are. Every case takes the next serial of its year in the
    /// transaction that inserts it, and cases are never deleted: the serials add up to the
    /// count, without reading a million rows to open the list.
    fn case_total(&self) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached("SELECT coalesce(sum(last), 0) FROM case_serial")?
            .query_row([], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// How many cases the filter matches, counting no further than `cap`: the count and
    /// whether it is exact. A one-character search matches most of a large file, and
    /// counting a million matches takes longer than a keystroke may; the list shows
    /// "10000+" until the clerk goes that far.
    pub fn count_cases_upto(&self, f: &CaseFilter, cap: usize) -> Result<(usize, bool)> {
        let q = filter_query(f);
        if q.conditions == 0 {
            return Ok((self.case_total()?, true));
        }
        let (sql, args) = match &q.index_alone {
            Some(fts) => (
                "SELECT 1 FROM case_search WHERE case_search MATCH ?".to_string(),
                vec![rusqlite::types::Value::from(fts.clone())],
            ),
            None => (
                format!("SELECT 1 FROM {} WHERE {}", q.from, q.where_sql),
                q.args,
            ),
        };
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM ({sql} LIMIT {})", cap + 1))?
            .query_row(rusqlite::params_from_iter(args), |r| r.get(0))?;
        let n = n as usize;
        Ok((n.min(cap), n <= cap))
    }

    /// How many cases the filter matches (ignoring limit and offset).
    pub fn count_cases(&self, f: &CaseFilter) -> Result<usize> {
        let q = filter_query(f);
        if q.conditions == 0 {
            return self.case_total();
        }
        if let Some(fts) = &q.index_alone {
            // The index alone answers an exact search: no need to visit the cases.
            let n: i64 = self
                .conn
                .prepare_cached("SELECT count(*) FROM case_search WHERE case_search MATCH ?1")?
                .query_row([fts], |r| r.get(0))?;
            return Ok(n as usize);
        }
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM {} WHERE {}",
                q.from, q.where_sql
            ))?
            .query_row(rusqlite::params_from_iter(q.args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Refills the search index from every case's search text (after the migration that
    /// added it, or to repair it). One transaction; returns how many cases it indexed.
    pub fn rebuild_search_index(&mut self) -> Result<usize> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO case_search (case_search) VALUES ('delete-all')",
            [],
        )?;
        let mut n = 0;
        {
            let mut read =
                tx.prepare("SELECT year * 10000000 + serial, search_text FROM case_file")?;
            let mut ins = tx.prepare("INSERT INTO case_search (rowid, terms) VALUES (?1, ?2)")?;
            let mut rows = read.query([])?;
            while let Some(r) = rows.next()? {
                let key: i64 = r.get(0)?;
                let text: String = r.get(1)?;
                ins.execute(params![key, search::index_terms(&text)])?;
                n += 1;
            }
        }
        tx.execute("DELETE FROM setting WHERE key = 'search.rebuild'", [])?;
        tx.commit()?;
        Ok(n)
    }
}

/// What a filter reads and its condition.
struct FilterQuery {
    /// The FROM clause: the case table, joined to the search index when searching.
    from: &'static str,
    where_sql: String,
    args: Vec<rusqlite::types::Value>,
    /// Whether the search index drives the query (and its rowid gives the number order).
    indexed: bool,
    /// The MATCH expression when the index lookup is the whole condition.
    index_alone: Option<String>,
    /// How many conditions `where_sql` holds (0: every case).
    conditions: usize,
}

/// Cases joined to their search-index entry (rowid = year * 10^7 + serial).
const INDEXED_FROM: &str = "case_search JOIN case_file c
    ON c.year = case_search.rowid / 10000000 AND c.serial = case_search.rowid % 10000000";

fn filter_query(f: &CaseFilter) -> FilterQuery {
    let mut q = FilterQuery {
        from: "case_file c",
        where_sql: String::from("1 = 1"),
        args: Vec::new(),
        indexed: false,
        index_alone: None,
        conditions: 0,
    };
    let mut cond = |sql: &str, arg: Option<rusqlite::types::Value>| {
        q.conditions += 1;
        q.where_sql.push_str(" AND ");
        q.where_sql.push_str(sql);
        q.args.extend(arg);
    };
    let terms = f
        .text
        .as_deref()
        .map(search::normalise_query)
        .as_deref()
        .and_then(search::query_terms);
    if let Some(terms) = &terms {
        cond("case_search MATCH ?", Some(terms.clone().into()));
    }
    if let Some(id) = f.case_id {
        cond("c.id = ?", Some(id.into()));
    }
    if let Some(s) = f.stage {
        cond("c.stage = ?", Some(code(&s).into()));
    }
    if !f.any_stage.is_empty() {
        let codes: Vec<String> = f.any_stage.iter().map(code).collect();
        cond(
            "c.stage IN (SELECT value FROM json_each(?))",
            Some(serde_json::to_string(&codes).unwrap_or_default().into()),
        );
    }
    if let Some(field) = f.field {
        cond("c.field = ?", Some(field.name().to_string().into()));
    }
    if let Some(h) = f.handler {
        cond(
            "EXISTS (SELECT 1 FROM case_handler x WHERE x.case_id = c.id AND x.user_id = ?)",
            Some(h.into()),
        );
    }
    if let Some(sq) = &f.squad {
        cond("c.squad = ?", Some(sq.clone().into()));
    }
    if f.overdue_only {
        cond(
            "c.next_due_state = ?",
            Some(code(&DeadlineState::Overdue).into()),
        );
    }
    if let Some(d) = f.from {
        cond("c.proposed_on >= ?", Some(d.to_string().into()));
    }
    if let Some(d) = f.to {
        cond("c.proposed_on <= ?", Some(d.to_string().into()));
    }
    if let Some(terms) = terms {
        q.from = INDEXED_FROM;
        q.indexed = true;
        if q.conditions == 1 {
            q.index_alone = Some(terms);
        }
    }
    q
}
