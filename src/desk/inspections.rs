//! Inspections (行政检查) at the desk: objects, conflicts, plans and their one draw, records
//! with the re-inspection warning, the 复查, statistics. The CLI calls these.

use chrono::NaiveDate;

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::{Recheck, RuleError};
use crate::domain::inspection::{
    self, Conflict, Draw, InspectionObject, InspectionPlan, InspectionReason, InspectionRecord,
    InspectionStats, ObjectInput, PublishedDraw, ReinspectionWarning,
};
use crate::domain::people::{Role, User};
use crate::store::Who;

/// Who registers objects, plans and inspections: those who inspect and lead.
pub fn may_inspect(actor: &User) -> DeskResult<()> {
    if [Role::Handler, Role::SquadLeader, Role::Head]
        .iter()
        .any(|r| actor.has(*r))
    {
        Ok(())
    } else {
        Err(DeskError::Refused(format!(
            "{} 不是承办人、中队长或负责人，不能登记检查事项",
            actor.name
        )))
    }
}

/// Who draws and records conflicts: the head or a squad leader, not the officers drawn.
pub fn may_plan(actor: &User) -> DeskResult<()> {
    if actor.has(Role::Head) || actor.has(Role::SquadLeader) {
        Ok(())
    } else {
        Err(DeskError::Refused(format!(
            "{} 不是负责人或中队长，不能制定抽查计划、抽取或登记回避",
            actor.name
        )))
    }
}

impl Desk {
    pub fn add_object(&mut self, input: ObjectInput, actor: &User) -> DeskResult<InspectionObject> {
        may_inspect(actor)?;
        let object = input.into_object()?;
        Ok(self.store.insert_object(&object, &Who::user(actor))?)
    }

    pub fn add_conflict(&mut self, c: Conflict, actor: &User) -> DeskResult<()> {
        may_plan(actor)?;
        crate::domain::text::checked("回避理由", &c.reason, crate::domain::text::NOTE)
            .map_err(RuleError::from)?;
        if !self.store.objects()?.iter().any(|o| o.id == c.object) {
            return Err(DeskError::Refused(format!(
                "没有编号为 {} 的检查对象",
                c.object
            )));
        }
        if !self.store.users()?.contains_key(&c.officer) {
            return Err(DeskError::Refused(format!(
                "没有编号为 {} 的人员",
                c.officer
            )));
        }
        Ok(self.store.insert_conflict(&c, &Who::user(actor))?)
    }

    pub fn add_plan(&mut self, plan: InspectionPlan, actor: &User) -> DeskResult<InspectionPlan> {
        may_plan(actor)?;
        plan.check()?;
        Ok(self.store.insert_plan(&plan, &Who::user(actor))?)
    }

    /// The plan's draw (双随机), made once and recorded with its seed. Without a seed one is
    /// taken from the clock; either way the recorded seed reproduces the draw.
    pub fn draw_plan(
        &mut self,
        plan_id: i64,
        seed: Option<u64>,
        drawn_on: NaiveDate,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<Draw> {
        may_plan(actor)?;
        if drawn_on > today {
            return Err(RuleError::input(format!("抽取日期 {drawn_on} 晚于今天，请核对")).into());
        }
        let (plan, drawn) = self.plan(plan_id)?;
        if drawn.is_some() {
            return Err(DeskError::Refused(format!(
                "抽查计划 #{plan_id} 已经抽取过，结果已记录；同一计划不能重新抽取"
            )));
        }
        let seed = seed.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64)
        });
        let objects = self.store.objects()?;
        let conflicts = self.store.conflicts()?;
        let users = self.store.users()?;
        let officers = inspection::officers_pool(users.values());
        let d = inspection::draw(&plan, &objects, &officers, &conflicts, seed, drawn_on)?;
        self.store.save_draw(&d, &Who::user(actor))?;
        Ok(d)
    }

    fn plan(&self, id: i64) -> DeskResult<(InspectionPlan, Option<Draw>)> {
        self.store
            .plans()?
            .into_iter()
            .find(|(p, _)| p.id == id)
            .ok_or_else(|| DeskError::Refused(format!("没有编号为 {id} 的抽查计划")))
    }

    /// The 公示 of a plan's draw.
    pub fn publication(&self, plan_id: i64) -> DeskResult<PublishedDraw> {
        let (plan, drawn) = self.plan(plan_id)?;
        let d = drawn.ok_or_else(|| {
            DeskError::Refused(format!("抽查计划 #{plan_id} 尚未抽取，没有可公示的结果"))
        })?;
        let users = self.store.users()?;
        let officers: Vec<&User> = users.values().collect();
        Ok(inspection::publication(
            &d,
            &plan,
            &self.store.objects()?,
            &officers,
        )?)
    }

    /// A 现场检查记录, checked and saved; the warning if the object was inspected recently and
    /// the inspection is not complaint- or risk-driven with its reason (saved all the same:
    /// the warning is for the record and the leader, not a bar).
    pub fn add_inspection(
        &mut self,
        record: InspectionRecord,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<(InspectionRecord, Option<ReinspectionWarning>)> {
        may_inspect(actor)?;
        self.rule_ctx(today, |ctx| inspection::check_record(&record, ctx))??;
        if !record.officers.contains(&actor.id) && !actor.has(Role::Head) {
            return Err(RuleError::input("登记现场检查的应是参加检查的执法人员之一").into());
        }
        if let InspectionReason::Drawn { plan } = record.reason {
            self.drawn_for(plan, &record)?;
        }
        let warning = match record.object {
            Some(id) => {
                let object = self
                    .store
                    .objects()?
                    .into_iter()
                    .find(|o| o.id == id)
                    .ok_or_else(|| DeskError::Refused(format!("没有编号为 {id} 的检查对象")))?;
                let history = self.store.inspections_of(id)?;
                let settings = self.store.procedure_settings()?;
                inspection::reinspection_warning(
                    &object,
                    &history,
                    record.date,
                    &record.reason,
                    &settings,
                )
            }
            None => None,
        };
        let saved = self.store.insert_inspection(&record, &Who::user(actor))?;
        Ok((saved, warning))
    }

    /// A 双随机 inspection is of an object the plan drew, by the officers drawn for it, on or
    /// after the draw: otherwise the record would claim a randomness it did not have.
    fn drawn_for(&self, plan: i64, record: &InspectionRecord) -> DeskResult<()> {
        let (_, drawn) = self.plan(plan)?;
        let d = drawn.ok_or_else(|| {
            DeskError::Refused(format!("抽查计划 #{plan} 尚未抽取，不能登记为双随机抽查"))
        })?;
        let Some(pick) = d.objects.iter().find(|o| Some(o.object) == record.object) else {
            return Err(DeskError::Refused(format!(
                "该对象不在抽查计划 #{plan} 的抽取结果中，不能登记为双随机抽查"
            )));
        };
        if record.date < d.drawn_on {
            return Err(DeskError::Refused(format!(
                "检查日期 {} 早于抽取日期 {}",
                record.date, d.drawn_on
            )));
        }
        if !pick.officers.iter().all(|o| record.officers.contains(o)) {
            return Err(DeskError::Refused(
                "双随机抽查应由抽取的两名执法人员实施；人员有变动的请登记为日常巡查并说明".into(),
            ));
        }
        Ok(())
    }

    /// The 复查 of a correction ordered on inspection.
    pub fn recheck_inspection(
        &mut self,
        id: i64,
        recheck: Recheck,
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<InspectionRecord> {
        if recheck.date > today {
            return Err(
                RuleError::input(format!("复查日期 {} 晚于今天，请核对", recheck.date)).into(),
            );
        }
        let record = self.store.inspection(id)?;
        let next = inspection::record_recheck(
            &record,
            Recheck {
                by: actor.id,
                ..recheck
            },
        )?;
        self.store
            .update_inspection(&next, "复查", &Who::user(actor))?;
        Ok(next)
    }

    /// Inspections in a period with the patrol log's hand-typed tallies added in.
    pub fn inspection_stats(&self, from: NaiveDate, to: NaiveDate) -> DeskResult<InspectionStats> {
        let records = self.store.inspections_between(from, to)?;
        let mut stats = inspection::inspection_stats(&records, from, to);
        let typed = crate::domain::patrol::tally(&self.store.patrols_between(from, to)?);
        stats.tally.merge(&typed);
        Ok(stats)
    }
}
