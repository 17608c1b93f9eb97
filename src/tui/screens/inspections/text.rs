//! What a record, an object's history and a 公示 say, as lines of text: the detail shows
//! them and the 公示 is exported as them.

use chrono::Datelike;

use super::State;
use crate::domain::inspection::{
    self, Draw, InspectionPlan, InspectionReason, InspectionRecord, InspectionResult, PublishedDraw,
};

impl State {
    /// The open record, every field, as the detail shows it.
    pub(super) fn record_lines(&self, r: &InspectionRecord) -> Vec<String> {
        let mut out = Vec::new();
        let time = match (r.start.as_str(), r.end.as_str()) {
            ("", "") => String::new(),
            (s, e) => format!(" {s}—{e}"),
        };
        out.push(format!("检查时间：{}{time}", r.date));
        out.push(format!("检查地点：{}", r.place));
        out.push(format!(
            "检查对象：{}",
            r.object.map_or("无（街面、区域巡查）".into(), |id| self
                .object_name(id))
        ));
        let officers: Vec<String> = r.officers.iter().map(|i| self.name(i)).collect();
        out.push(format!("检查人员：{}", officers.join("、")));
        out.push(format!("检查原因：{}", reason_text(&r.reason, &self.plans)));
        for item in &r.items {
            let verdict = if r.failed_items.contains(item) {
                "不合格"
            } else {
                "合格"
            };
            out.push(format!("检查事项：{item}  {verdict}"));
        }
        out.push(format!("检查情况：{}", r.findings));
        out.push(format!("检查结果：{}", result_text(&r.result)));
        if let InspectionResult::CorrectionOrdered {
            content,
            deadline,
            recheck_on,
            recheck,
        } = &r.result
        {
            out.push(format!("责令改正内容：{content}"));
            out.push(format!("改正期限：{deadline}，复查日期：{recheck_on}"));
            match recheck {
                Some(c) => out.push(format!(
                    "复查（{}，{}）：{}；{}",
                    c.date,
                    self.name(&c.by),
                    if c.corrected {
                        "已按要求改正"
                    } else {
                        "未按要求改正"
                    },
                    c.note
                )),
                None if self.due(r) => out.push(format!(
                    "复查：已到复查日期，尚未复查（按 {} 登记）",
                    self.keys.recheck
                )),
                None => out.push(format!(
                    "复查：尚未到复查日期（到期后按 {} 登记）",
                    self.keys.recheck
                )),
            }
        }
        if !r.measures.is_empty() {
            let m: Vec<String> = r
                .measures
                .iter()
                .map(|(k, n)| format!("{}{n}{}", k.name(), k.unit()))
                .collect();
            out.push(format!("当场成果：{}", m.join("，")));
        }
        for p in &r.photos {
            out.push(format!(
                "照片：{}（{}，SHA-256 {}…）",
                p.file_name,
                crate::tui::file_picker::size_text(p.size),
                p.sha256.get(..16).unwrap_or(&p.sha256)
            ));
        }
        out
    }

    /// The object and its inspections, newest first, with this year's count.
    pub(super) fn object_lines(&self, id: i64) -> Vec<String> {
        let Some(o) = self.objects.iter().find(|o| o.id == id) else {
            return vec!["这个检查对象已不在列表中".into()];
        };
        let history = self.history.get(&id).map(Vec::as_slice).unwrap_or(&[]);
        let mut out = vec![
            format!(
                "统一社会信用代码：{}",
                o.credit_code.as_ref().map_or("无", |c| c.as_str())
            ),
            format!("地址：{}", o.address),
            format!("领域：{}  风险等级：{}", o.field.name(), o.risk.name()),
            format!(
                "{}年检查 {} 次，累计 {} 次",
                self.today.year(),
                inspection::annual_count(id, history, self.today.year()),
                history.len()
            ),
            String::new(),
            "检查记录：".into(),
        ];
        for r in history.iter().rev() {
            out.push(format!(
                "  {} {}  {}：{}",
                r.date,
                result_text(&r.result),
                reason_text(&r.reason, &self.plans),
                r.findings.replace('\n', " ")
            ));
        }
        if history.is_empty() {
            out.push("  暂无检查记录".into());
        }
        out.push(String::new());
        out.push("回避（不参加对该对象的检查和抽取）：".into());
        let conflicts: Vec<_> = self.conflicts.iter().filter(|c| c.object == id).collect();
        for c in &conflicts {
            out.push(format!(
                "  {}  {}  {}",
                self.name(&c.officer),
                c.recorded_on
                    .map_or_else(|| "日期未记".to_string(), |d| d.to_string()),
                c.reason.replace('\n', " ")
            ));
        }
        if conflicts.is_empty() {
            out.push("  无".into());
        }
        out
    }
}

pub(super) fn reason_text(
    reason: &InspectionReason,
    plans: &[(InspectionPlan, Option<Draw>)],
) -> String {
    let label = reason.label();
    match reason {
        InspectionReason::Routine => label.into(),
        InspectionReason::Drawn { plan } => {
            let name = plans
                .iter()
                .find(|(p, _)| p.id == *plan)
                .map_or_else(|| format!("#{plan}"), |(p, _)| p.name.clone());
            format!("{label}（{name}）")
        }
        InspectionReason::Complaint { reason, .. } | InspectionReason::Risk { reason } => {
            format!("{label}（{reason}）")
        }
    }
}

pub(super) fn result_text(result: &InspectionResult) -> String {
    match result {
        InspectionResult::Passed => "合格".into(),
        InspectionResult::CorrectionOrdered { deadline, .. } => {
            format!("责令改正（期限 {deadline}）")
        }
        InspectionResult::ToLead { .. } => "转为线索".into(),
        InspectionResult::Filed { .. } => "立案".into(),
    }
}

/// The 公示 as lines of text: on screen and in the exported file alike (the domain's
/// wording, as the CLI prints it).
pub fn publication_lines(p: &PublishedDraw) -> Vec<String> {
    p.lines()
}
