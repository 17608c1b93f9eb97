//! 双随机、一公开: for a plan, objects drawn at random from the pool of its field and, for
//! each, a pair of certified officers drawn from the staff, with the seed recorded so anyone
//! can re-run the draw and get the same result. An officer with a recorded conflict with an
//! object (行政处罚法第四十三条, 回避) is never drawn for it; one without a valid certificate
//! on the day (第四十二条) is never drawn at all.
//!
//! The randomness: ChaCha8 (`rand_chacha` 0.3) seeded with `seed_from_u64(seed)`, and the
//! Fisher–Yates partial shuffle of `rand` 0.8 (`SliceRandom::partial_shuffle`), both
//! value-stable within those versions. Pools are put in ascending id order first, so the
//! result depends only on the pools, the conflicts, the date and the seed.

use chrono::NaiveDate;
use rand::seq::SliceRandom;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use super::conflict::Conflict;
use super::object::InspectionObject;
use super::plan::InspectionPlan;
use crate::case::rule::{RuleError, RuleResult};
use crate::field::Field;
use crate::identity::CreditCode;
use crate::people::User;

/// How the draw is made, printed on the 公示 so it can be checked.
pub const DRAW_METHOD: &str = "ChaCha8 随机数（rand_chacha 0.3，seed_from_u64）与 Fisher–Yates 部分洗牌（rand 0.8 partial_shuffle）；对象池、人员池均按编号升序排列后抽取";

/// One object drawn and the two officers drawn for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrawnObject {
    pub object: i64,
    pub officers: [i64; 2],
    /// The certified officers left out of its pair by a recorded conflict (回避): shown with
    /// the result, and what the seed needs besides the pools to reproduce the pair.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded: Vec<i64>,
}

/// The result of a draw, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draw {
    pub plan: i64,
    pub drawn_on: NaiveDate,
    pub seed: u64,
    /// Objects in the pool (the plan's field) when drawn.
    pub pool_size: usize,
    /// In the order drawn.
    pub objects: Vec<DrawnObject>,
}

/// Draws `plan.object_count` objects of the plan's field from `objects`, and for each a pair
/// of officers certified on `date` with no conflict with it, from `officers`.
pub fn draw(
    plan: &InspectionPlan,
    objects: &[InspectionObject],
    officers: &[&User],
    conflicts: &[Conflict],
    seed: u64,
    date: NaiveDate,
) -> RuleResult<Draw> {
    plan.check()?;
    let mut pool: Vec<&InspectionObject> =
        objects.iter().filter(|o| o.field == plan.field).collect();
    pool.sort_by_key(|o| o.id);
    pool.dedup_by_key(|o| o.id);
    let wanted = plan.object_count as usize;
    if pool.len() < wanted {
        return Err(RuleError::input(format!(
            "{}领域的检查对象只有 {} 个，不够抽取 {wanted} 个；请减少抽取数量或先补充检查对象",
            plan.field.name(),
            pool.len()
        )));
    }
    let mut staff: Vec<&User> = officers
        .iter()
        .copied()
        .filter(|u| drawable_on(u, date))
        .collect();
    staff.sort_by_key(|u| u.id);
    staff.dedup_by_key(|u| u.id);

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let pool_size = pool.len();
    let (chosen, _) = pool.partial_shuffle(&mut rng, wanted);
    let mut drawn = Vec::with_capacity(wanted);
    for object in chosen.iter() {
        let (excluded, mut eligible): (Vec<i64>, Vec<i64>) = staff
            .iter()
            .map(|u| u.id)
            .partition(|id| conflict_of(conflicts, *id, object.id).is_some());
        if eligible.len() < 2 {
            return Err(RuleError::new(
                "行政处罚法第四十二条",
                format!(
                    "可为“{}”抽取的持证且无回避情形的执法人员不足两名（现有 {} 名），请补充执法人员名录",
                    object.name,
                    eligible.len()
                ),
            ));
        }
        let (pair, _) = eligible.partial_shuffle(&mut rng, 2);
        drawn.push(DrawnObject {
            object: object.id,
            officers: [pair[0], pair[1]],
            excluded,
        });
    }
    Ok(Draw {
        plan: plan.id,
        drawn_on: date,
        seed,
        pool_size,
        objects: drawn,
    })
}

/// The staff a draw takes its officers from: the active 承办人 (handlers); who of them may be
/// drawn on the day is [`drawable_on`]'s question.
pub fn officers_pool<'a>(staff: impl IntoIterator<Item = &'a User>) -> Vec<&'a User> {
    staff
        .into_iter()
        .filter(|u| u.active && u.has(crate::people::Role::Handler))
        .collect()
}

/// 行政处罚法第四十二条: only an officer certified on the day of the draw is drawn.
pub fn drawable_on(officer: &User, date: NaiveDate) -> bool {
    officer.certified_on(date)
}

/// 行政处罚法第四十三条: the recorded conflict that keeps `officer` from `object`, if any.
pub fn conflict_of(conflicts: &[Conflict], officer: i64, object: i64) -> Option<&Conflict> {
    conflicts
        .iter()
        .find(|c| c.officer == officer && c.object == object)
}

/// Why an officer of the pool was not drawn for (some of) the draw's objects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Exclusion {
    /// Not certified on the day of the draw (第四十二条): never drawn.
    Uncertified,
    /// A recorded conflict with a drawn object (第四十三条): never drawn for it.
    Conflict { object: i64, reason: String },
}

/// The officers' pool of a recorded draw: how many there were, how many could be drawn, and
/// each officer left out with the reason — by the same two rules the draw applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OfficerPool {
    pub size: usize,
    pub certified: usize,
    pub excluded: Vec<(i64, Exclusion)>,
}

/// The pool `officers` (the staff the draw took its officers from) as the draw saw it.
pub fn officer_pool(draw: &Draw, officers: &[&User], conflicts: &[Conflict]) -> OfficerPool {
    let mut staff: Vec<&User> = officers.to_vec();
    staff.sort_by_key(|u| u.id);
    staff.dedup_by_key(|u| u.id);
    let mut excluded = Vec::new();
    for u in &staff {
        if !drawable_on(u, draw.drawn_on) {
            excluded.push((u.id, Exclusion::Uncertified));
            continue;
        }
        for d in &draw.objects {
            if let Some(c) = conflict_of(conflicts, u.id, d.object) {
                excluded.push((
                    u.id,
                    Exclusion::Conflict {
                        object: d.object,
                        reason: c.reason.clone(),
                    },
                ));
            }
        }
    }
    OfficerPool {
        size: staff.len(),
        certified: staff
            .iter()
            .filter(|u| drawable_on(u, draw.drawn_on))
            .count(),
        excluded,
    }
}

/// 行政处罚法第四十三条: no officer inspects an object they have a recorded conflict with.
/// For a draw recorded earlier (or edited behind the program's back): which pairing breaks it.
pub fn no_conflicted_officer(draw: &Draw, conflicts: &[Conflict]) -> RuleResult {
    for d in &draw.objects {
        if let Some(c) = conflicts
            .iter()
            .find(|c| c.object == d.object && d.officers.contains(&c.officer))
        {
            return Err(RuleError::new(
                "行政处罚法第四十三条",
                format!(
                    "执法人员 #{} 与检查对象 #{} 有回避情形（{}），不能参加对它的检查",
                    c.officer, c.object, c.reason
                ),
            ));
        }
    }
    Ok(())
}

/// The draw as published (公示): the plan, the date, the seed and method, and each object with
/// its officers (names and certificate numbers are public, as on every inspection).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedDraw {
    pub plan: String,
    pub field: Field,
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub scope: String,
    pub drawn_on: NaiveDate,
    /// As decimal text, so no reader rounds it (JSON numbers above 2^53 lose digits).
    pub seed: String,
    pub method: &'static str,
    pub pool_size: usize,
    pub objects: Vec<PublishedObject>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublishedObject {
    pub name: String,
    pub credit_code: Option<CreditCode>,
    pub address: String,
    /// `张三（执法证号 …）`.
    pub officers: Vec<String>,
    /// How many officers a recorded conflict (回避) kept out of its draw; who and why stay
    /// internal (the object's page).
    pub excluded: usize,
}

impl PublishedDraw {
    /// The 公示 as lines of text: what the screen shows, the CLI prints and the export holds.
    pub fn lines(&self) -> Vec<String> {
        let mut out = vec![format!("双随机抽查结果公示：{}", self.plan)];
        out.extend(self.particulars());
        out.extend(self.object_lines());
        out
    }

    /// The field, period, scope, date, pool, seed and method, one line each.
    pub fn particulars(&self) -> Vec<String> {
        let p = self;
        vec![
            format!(
                "领域 {}，期间 {} 至 {}，事项：{}",
                p.field.name(),
                p.period_from,
                p.period_to,
                p.scope
            ),
            format!(
                "抽取日期 {}，对象库 {} 个，随机数种子 {}",
                p.drawn_on, p.pool_size, p.seed
            ),
            format!("抽取方法：{}", p.method),
        ]
    }

    /// Each object drawn with its officers, in the order drawn, and how many a 回避 kept out.
    pub fn object_lines(&self) -> Vec<String> {
        self.objects
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let excluded = match o.excluded {
                    0 => String::new(),
                    n => format!("（{n} 名执法人员因回避未参加抽取）"),
                };
                format!(
                    "{}. {}（{}）{} —— {}{excluded}",
                    i + 1,
                    o.name,
                    o.credit_code.as_ref().map_or("无代码", |c| c.as_str()),
                    o.address,
                    o.officers.join("、")
                )
            })
            .collect()
    }
}

/// The 公示 record of `draw`; refuses if an object or officer it names is not given.
pub fn publication(
    draw: &Draw,
    plan: &InspectionPlan,
    objects: &[InspectionObject],
    officers: &[&User],
) -> RuleResult<PublishedDraw> {
    let object = |id: i64| {
        objects
            .iter()
            .find(|o| o.id == id)
            .ok_or_else(|| RuleError::input(format!("没有编号为 {id} 的检查对象")))
    };
    let officer = |id: i64| {
        officers
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.label())
            .ok_or_else(|| RuleError::input(format!("没有编号为 {id} 的人员")))
    };
    let mut published = Vec::with_capacity(draw.objects.len());
    for d in &draw.objects {
        let o = object(d.object)?;
        published.push(PublishedObject {
            name: o.name.clone(),
            credit_code: o.credit_code.clone(),
            address: o.address.clone(),
            officers: vec![officer(d.officers[0])?, officer(d.officers[1])?],
            excluded: d.excluded.len(),
        });
    }
    Ok(PublishedDraw {
        plan: plan.name.clone(),
        field: plan.field,
        period_from: plan.period_from,
        period_to: plan.period_to,
        scope: plan.scope.clone(),
        drawn_on: draw.drawn_on,
        seed: draw.seed.to_string(),
        method: DRAW_METHOD,
        pool_size: draw.pool_size,
        objects: published,
    })
}

#[cfg(test)]
mod tests;
