//! Inspections (行政检查) at the desk: objects, conflicts, plans and their one draw, records
//! with the re-inspection warning, the 复查, statistics. The CLI calls these.

use chrono::NaiveDate;

use super::{Desk, DeskError, DeskResult};
use crate::domain::case::{Recheck, RuleError};
use crate::domain::inspection::{
    self, Conflict, Draw, InspectionObject, InspectionPlan, InspectionReason, InspectionRecord,
    ObjectInput, PublishedDraw, ReinspectionWarning,
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

    /// Records a conflict of interest (回避, 行政处罚法第四十三条第一款), checked in the domain.
    pub fn add_conflict(&mut self, c: Conflict, actor: &User, today: NaiveDate) -> DeskResult<()> {
        may_plan(actor)?;
        let c = inspection::check_conflict(&c, today)?;
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

    /// Removes a recorded conflict with the reason why it no longer applies (audited).
    pub fn remove_conflict(
        &mut self,
        officer: i64,
        object: i64,
        why: &str,
        actor: &User,
    ) -> DeskResult<()> {
        may_plan(actor)?;
        let why = crate::domain::text::checked("撤销回避的原因", why, crate::domain::text::NOTE)
            .map_err(RuleError::from)?;
        Ok(self
            .store
            .delete_conflict(officer, object, &why, &Who::user(actor))?)
    }

    /// The conflicts recorded for `object`.
    pub fn conflicts_of(&self, object: i64) -> DeskResult<Vec<Conflict>> {
        Ok(self
            .store
            .conflicts()?
            .into_iter()
            .filter(|c| c.object == object)
            .collect())
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

    /// A 现场检查记录 with its photos: each copied beside the database with its SHA-256 (as
    /// evidence files are), recorded in the record, and removed again if the record is
    /// refused (unless a saved record names the same file).
    pub fn add_inspection_with_photos(
        &mut self,
        mut record: InspectionRecord,
        photos: &[std::path::PathBuf],
        actor: &User,
        today: NaiveDate,
    ) -> DeskResult<(InspectionRecord, Option<ReinspectionWarning>)> {
        if photos.is_empty() {
            return self.add_inspection(record, actor, today);
        }
        may_inspect(actor)?;
        let mut staging = crate::store::attachments::Staging::begin_inspection(&self.store)?;
        for p in photos {
            if let Err(e) = staging.add(p) {
                staging.abandon(&self.store);
                return Err(e.into());
            }
        }
        record.photos.extend(staging.attachments().iter().cloned());
        let saved = self.add_inspection(record, actor, today);
        if saved.is_err() {
            staging.abandon(&self.store);
        }
        saved
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::inspection::InspectionResult;
    use crate::store::attachments::inspections_dir;

    fn user(desk: &Desk, username: &str) -> User {
        desk.store()
            .users()
            .unwrap()
            .into_values()
            .find(|u| u.username == username)
            .unwrap()
    }

    fn record(officers: Vec<i64>, result: InspectionResult) -> InspectionRecord {
        InspectionRecord {
            id: 0,
            date: "2026-11-10".parse().unwrap(),
            start: "09:00".into(),
            end: "09:30".into(),
            place: "合隆镇南街".into(),
            object: None,
            officers,
            reason: InspectionReason::Routine,
            items: vec!["占道经营".into(), "店外堆放".into()],
            failed_items: vec!["店外堆放".into()],
            findings: "店外堆放纸箱".into(),
            photos: Vec::new(),
            result,
            measures: Default::default(),
        }
    }

    /// Photos are copied with their SHA-256 into the record; a refused record leaves none
    /// behind, and `check` names a photo changed afterwards.
    #[test]
    fn photos_are_stored_with_their_hash_and_removed_when_the_record_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        crate::workload::setup(&path).unwrap();
        let mut desk = Desk::open(&path).unwrap();
        let (o1, o2) = (user(&desk, "o1"), user(&desk, "o2"));
        let photo = dir.path().join("现场1.jpg");
        std::fs::write(&photo, b"jpeg bytes").unwrap();
        let today = "2026-11-20".parse().unwrap();
        // 不合格 with a result of 合格: refused, and the copied photo removed again.
        let refused = desk.add_inspection_with_photos(
            record(vec![o1.id, o2.id], InspectionResult::Passed),
            std::slice::from_ref(&photo),
            &o1,
            today,
        );
        assert!(refused.unwrap_err().to_string().contains("不合格"));
        let stored = |desk: &Desk| -> Vec<String> {
            std::fs::read_dir(inspections_dir(desk.store().path()))
                .map(|d| {
                    d.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|n| !n.starts_with('.'))
                        .collect()
                })
                .unwrap_or_default()
        };
        assert!(stored(&desk).is_empty(), "{:?}", stored(&desk));
        let ordered = InspectionResult::ToLead { lead: None };
        let (saved, _) = desk
            .add_inspection_with_photos(
                record(vec![o1.id, o2.id], ordered),
                std::slice::from_ref(&photo),
                &o1,
                today,
            )
            .unwrap();
        let p = &saved.photos[0];
        assert_eq!(p.size, 10);
        assert_eq!(
            p.sha256,
            format!(
                "{:x}",
                <sha2::Sha256 as sha2::Digest>::digest(b"jpeg bytes")
            )
        );
        assert_eq!(stored(&desk), std::slice::from_ref(&p.file_name));
        assert_eq!(
            desk.store().inspection(saved.id).unwrap().photos,
            saved.photos
        );
        let files_ok = |desk: &Desk| {
            let checked = desk.store().check().unwrap();
            checked
                .into_iter()
                .find(|c| c.name.contains("附件"))
                .unwrap()
        };
        assert!(files_ok(&desk).ok, "{:?}", files_ok(&desk));
        std::fs::write(inspections_dir(&path).join(&p.file_name), b"changed").unwrap();
        let files = files_ok(&desk);
        assert!(
            !files.ok
                && files
                    .detail
                    .contains(&format!("检查记录 #{} 的照片", saved.id)),
            "{files:?}"
        );
    }
}
