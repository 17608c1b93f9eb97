//! 更正/补正: the 负责人 approves the correction of a clerical error in recorded data — a
//! date or a name recorded wrongly — so that a typo does not leave a case stuck. The
//! correction is a step like any other (audited, bound to the chain) and is kept in the case
//! for the file's 备考表. It never changes what was decided, and it may not make the case
//! fail a 评查 veto it passed before: a correction fixes the record, it does not launder it.

use super::*;
use crate::review;

/// The correction as asked for (the step's fields).
pub(super) struct Asked<'a> {
    pub date: NaiveDate,
    pub target: CorrectionTarget,
    pub item: usize,
    pub new_date: Option<NaiveDate>,
    pub new_text: &'a str,
    pub reason: &'a str,
}

/// 更正补正.
pub(super) fn correct(step: &Step, c: &mut Case, a: Asked) -> RuleResult<StepOutcome> {
    let Step { case, actor, ctx } = *step;
    not_in_future(a.date, ctx.today, "更正")?;
    require_text("更正理由", a.reason, text::NOTE)?;
    if a.target.is_numbered() && a.item == 0 {
        return Err(RuleError::input("第几项从 1 数起"));
    }
    let before = current_value(case, a.target, a.item)?;
    let after = match (a.target.is_date(), a.new_date) {
        (true, Some(d)) => {
            not_in_future(d, ctx.today, a.target.label().trim_end_matches("日期"))?;
            d.to_string()
        }
        (true, None) => {
            return Err(RuleError::input(format!(
                "请填“更正后的日期”（{}是日期）",
                a.target.label()
            )))
        }
        (false, _) => {
            let kind = if a.target == CorrectionTarget::ReceiptNo {
                text::CODE
            } else {
                text::PLACE
            };
            require_text("更正后的内容", a.new_text, kind)?;
            a.new_text.trim().to_string()
        }
    };
    if after == before {
        return Err(RuleError::input(format!(
            "{}已是“{before}”，无需更正",
            a.target.label()
        )));
    }
    write_value(c, a.target, a.item, &before, &after)?;
    no_new_veto(case, c, ctx)?;
    let record = Correction {
        date: a.date,
        target: a.target,
        item: if a.target.is_numbered() { a.item } else { 1 },
        before,
        after,
        reason: a.reason.trim().into(),
        approved_by: actor.id,
    };
    let summary = format!("{} 批准更正 {}", actor.name, record.describe());
    c.corrections.push(record);
    done(summary, [])
}

/// A correction may not bring in a veto (否决项) the case did not have: the record after it
/// must pass every rule it passed before (行政处罚法第三十八条 — a decision on wrong facts or
/// wrong procedure is void or revocable, so a "correction" that creates one is refused).
fn no_new_veto(before: &Case, after: &Case, ctx: &Ctx) -> RuleResult {
    let had: Vec<&str> = review::vetoes(before, ctx).iter().map(|f| f.code).collect();
    match review::vetoes(after, ctx)
        .into_iter()
        .find(|f| !had.contains(&f.code))
    {
        None => Ok(()),
        Some(f) => Err(RuleError::new(
            "行政处罚法第三十八条",
            format!(
                "更正后本案将出现评查否决项 {} {}（{}）：{}，不能这样更正；\
                 如原记录无误，请勿更正",
                f.code, f.name, f.source, f.message
            ),
        )),
    }
}

/// The `item`-th (1-based, as the clerk counts) of `items`; `nth` is its writing twin.
fn numbered<'a, T>(items: &'a [T], item: usize, what: &str) -> RuleResult<&'a T> {
    items
        .get(item.wrapping_sub(1))
        .ok_or_else(|| RuleError::input(format!("没有第 {item} 项{what}（共 {} 项）", items.len())))
}

fn missing(what: &str) -> RuleError {
    RuleError::input(format!("本案尚无{what}，无可更正"))
}

/// The recorded value as text (dates as YYYY-MM-DD).
fn current_value(case: &Case, target: CorrectionTarget, item: usize) -> RuleResult<String> {
    use CorrectionTarget as T;
    Ok(match target {
        T::ActDate => case.act_date.to_string(),
        T::DiscoveredOn => case.discovered_on.to_string(),
        T::Place => case.place.clone(),
        T::PartyName => party_name(numbered(&case.parties, item, "当事人")?).to_string(),
        T::PartyAddress => numbered(&case.parties, item, "当事人")?
            .address()
            .to_string(),
        T::NoticeDate => case
            .notice
            .as_ref()
            .ok_or_else(|| missing("事先告知"))?
            .date
            .to_string(),
        T::StatementDate => numbered(&case.statements, item, "陈述申辩")?
            .date
            .to_string(),
        T::WaiverDate => case
            .waived_on
            .ok_or_else(|| missing("放弃陈述申辩听证的记录"))?
            .to_string(),
        T::DecisionDate => case
            .decision
            .as_ref()
            .ok_or_else(|| missing("决定"))?
            .date
            .to_string(),
        T::ServiceDate => numbered(&case.services, item, "送达")?.date.to_string(),
        T::PaymentDate => numbered(&case.payments, item, "缴款")?.date.to_string(),
        T::ReceiptNo => numbered(&case.payments, item, "缴款")?.receipt_no.clone(),
    })
}

/// The party's own name as recorded (the 字号 of an individual business).
fn party_name(p: &Party) -> &str {
    match p {
        Party::Person(p) => &p.name,
        Party::Organisation(o) => &o.name,
        Party::Business(b) => &b.trade_name,
    }
}

/// Writes the corrected value. A corrected event date also moves the stage the event
/// entered (the timeline is dated by events, not by typing), and a corrected service date
/// moves the deemed service date with it.
fn write_value(
    c: &mut Case,
    target: CorrectionTarget,
    item: usize,
    before: &str,
    after: &str,
) -> RuleResult {
    use CorrectionTarget as T;
    // `nth` counts from 0; `current_value` has already found the 1-based `item`.
    let at = item.saturating_sub(1);
    let date = || {
        after
            .parse::<NaiveDate>()
            .map_err(|_| RuleError::input("日期无效"))
    };
    match target {
        T::ActDate => c.act_date = date()?,
        T::DiscoveredOn => c.discovered_on = date()?,
        T::Place => c.place = after.into(),
        T::PartyName => match nth(&mut c.parties, at, "当事人")? {
            Party::Person(p) => p.name = after.into(),
            Party::Organisation(o) => o.name = after.into(),
            Party::Business(b) => b.trade_name = after.into(),
        },
        T::PartyAddress => match nth(&mut c.parties, at, "当事人")? {
            Party::Person(p) => p.address = after.into(),
            Party::Organisation(o) => o.address = after.into(),
            Party::Business(b) => b.operator.address = after.into(),
        },
        T::NoticeDate => {
            let d = date()?;
            if let Some(n) = c.notice.as_mut() {
                n.date = d;
            }
            move_stage(c, Stage::Notifying, before, d);
        }
        T::StatementDate => nth(&mut c.statements, at, "陈述申辩")?.date = date()?,
        T::WaiverDate => {
            let d = date()?;
            c.waived_on = Some(d);
            move_stage(c, Stage::Deciding, before, d);
        }
        T::DecisionDate => {
            let d = date()?;
            if let Some(dec) = c.decision.as_mut() {
                dec.date = d;
            }
            move_stage(c, Stage::Serving, before, d);
        }
        T::ServiceDate => {
            let d = date()?;
            let s = nth(&mut c.services, at, "送达")?;
            s.date = d;
            s.served_on = execution::deemed_served_on(s.method, d);
            move_stage(c, Stage::Executing, before, d);
        }
        T::PaymentDate => nth(&mut c.payments, at, "缴款")?.date = date()?,
        T::ReceiptNo => nth(&mut c.payments, at, "缴款")?.receipt_no = after.into(),
    }
    Ok(())
}

/// Moves the timeline's entry of `stage` dated `before` (the event's old date) to `to`.
fn move_stage(c: &mut Case, stage: Stage, before: &str, to: NaiveDate) {
    for (s, d) in c.timeline.iter_mut() {
        if *s == stage && d.to_string() == before {
            *d = to;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::fixtures::*;

    fn correct(target: CorrectionTarget, item: usize, new_date: Option<&str>) -> Action {
        Action::Correct {
            date: d("2026-07-20"),
            target,
            item,
            new_date: new_date.map(d),
            new_text: String::new(),
            reason: "送达回证载明的签收日期为7月6日，录入时误录".into(),
        }
    }

    /// Notified, waived and decided on the same day (lawful, 行政处罚法第六十二条), then the
    /// decision's service typed as 07-16 instead of 07-06.
    fn served_with_a_typo(w: &World) -> Case {
        let c = notified(w, 1000);
        let c = w.step(
            &c,
            ZHANG,
            Action::Waive {
                date: d("2026-06-15"),
            },
        );
        let c = w.step(&c, SUN, decide("2026-06-16", 1000));
        let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-07-16"));
        assert_eq!(
            c.timeline.last(),
            Some(&(Stage::Executing, d("2026-07-16")))
        );
        c
    }

    fn pay_on(date: &str) -> Action {
        Action::Pay {
            date: d(date),
            amount: Fen::from_yuan(1000),
            method: PaymentMethod::Bank,
            receipt_no: "NO.7".into(),
            cash_ground: None,
        }
    }

    #[test]
    fn a_mistyped_service_date_is_corrected_by_the_head_and_no_longer_blocks_the_case() {
        let w = World::new();
        let c = served_with_a_typo(&w);
        // The real payment of 07-10 is refused while the record says service was on 07-16.
        w.refuse(&c, ZHANG, pay_on("2026-07-10"));
        let fix = correct(CorrectionTarget::ServiceDate, 2, Some("2026-07-06"));
        // A handler alone may not change the record.
        let e = w.refuse(&c, ZHANG, fix.clone());
        assert_eq!(e.kind, crate::case::rule::RuleKind::Role, "{e}");
        let c = w.step(&c, SUN, fix);
        let s = &c.services[1];
        assert_eq!((s.date, s.served_on), (d("2026-07-06"), d("2026-07-06")));
        assert_eq!(
            c.timeline.last(),
            Some(&(Stage::Executing, d("2026-07-06")))
        );
        let k = &c.corrections[0];
        assert_eq!(
            (k.before.as_str(), k.after.as_str()),
            ("2026-07-16", "2026-07-06")
        );
        assert_eq!(k.approved_by, SUN);
        assert!(
            k.describe().contains("送达日期（第2项）"),
            "{}",
            k.describe()
        );
        let c = w.step(&c, ZHANG, pay_on("2026-07-10"));
        assert_eq!(c.paid(), Fen::from_yuan(1000));
    }

    #[test]
    fn art_38_a_correction_may_not_bring_in_a_veto_the_case_did_not_have() {
        let w = World::new();
        let c = served_with_a_typo(&w);
        // Moving the decision before the prior notice would make it unlawful (R08).
        let e = w.refuse(
            &c,
            SUN,
            correct(CorrectionTarget::DecisionDate, 1, Some("2026-06-14")),
        );
        assert_eq!(e.rule, "行政处罚法第三十八条", "{e}");
        assert!(e.message.contains("R08"), "{e}");
    }

    #[test]
    fn a_correction_names_a_real_change_of_a_recorded_fact() {
        let w = World::new();
        let c = served_with_a_typo(&w);
        let same = w.refuse(
            &c,
            SUN,
            correct(CorrectionTarget::DecisionDate, 1, Some("2026-06-16")),
        );
        assert!(same.message.contains("无需更正"), "{same}");
        let none = w.refuse(
            &c,
            SUN,
            correct(CorrectionTarget::ServiceDate, 3, Some("2026-07-06")),
        );
        assert!(
            none.message.contains("没有第 3 项送达（共 2 项）"),
            "{none}"
        );
        let no_date = w.refuse(&c, SUN, correct(CorrectionTarget::WaiverDate, 1, None));
        assert!(no_date.message.contains("更正后的日期"), "{no_date}");
        let future = w.refuse(
            &c,
            SUN,
            correct(CorrectionTarget::WaiverDate, 1, Some("2027-01-05")),
        );
        assert!(
            future
                .message
                .contains("放弃陈述申辩听证日期 2027-01-05 晚于今天"),
            "{future}"
        );
        let mut name = correct(CorrectionTarget::PartyName, 1, None);
        if let Action::Correct { new_text, .. } = &mut name {
            *new_text = "刘长海".into();
        }
        let c = w.step(&c, SUN, name);
        assert_eq!(c.parties[0].display_name(), "刘长海");
        assert!(c.corrections[0].describe().contains("更正为“刘长海”"));
    }

    #[test]
    fn the_file_s_notes_sheet_states_each_correction_who_approved_it_and_why() {
        let w = World::new();
        let c = served_with_a_typo(&w);
        let mut c = w.step(
            &c,
            SUN,
            correct(CorrectionTarget::ServiceDate, 2, Some("2026-07-06")),
        );
        // The store numbers a filed case when it saves it; the fixtures never save.
        (c.year, c.serial) = (Some(2026), Some(1));
        let agency = crate::agency::Agency::new("合隆镇", "合").unwrap();
        let ctx = crate::documents::DocCtx {
            case: &c,
            agency: &agency,
            users: &w.users,
            today: w.today,
            statement_days: 5,
            chain_head: None,
            calendar: &w.calendar,
        };
        let papers = crate::documents::build(crate::documents::DocKind::Notes, &ctx).unwrap();
        let text: String = papers
            .iter()
            .flat_map(|p| p.texts().into_iter().map(|(_, t)| t.to_string()))
            .collect();
        assert!(text.contains("本案记录经负责人批准更正1处"), "{text}");
        assert!(
            text.contains("1. 2026年7月20日，孙"),
            "the approver and the date: {text}"
        );
        assert!(
            text.contains("送达日期（第2项）：“2026-07-16”更正为“2026-07-06”。理由：送达回证载明"),
            "{text}"
        );
    }
}
