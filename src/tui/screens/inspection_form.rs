//! The forms of the 检查 screen: a 现场检查记录 (`n` on the records), its 复查 (`r` on a
//! record), a 检查对象 (`n` on the objects), a 回避 recorded or removed on an object's page,
//! and a 抽查计划 (`n` on the plans). Each field is
//! read by its kind's reader (dates, times, people by name, counts), never as JSON; the
//! rules are the domain's, reached through the desk as `zhifa inspect …` reaches them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use serde_json::Value;

use crate::domain::case::Recheck;
use crate::domain::field::Field;
use crate::domain::identity::CreditCode;
use crate::domain::inspection::{
    Conflict, InspectionObject, InspectionPlan, InspectionReason, InspectionRecord,
    InspectionResult, ObjectInput, RiskLevel,
};
use crate::domain::patrol::PatrolOutcome;
use crate::domain::people::User;
use crate::step_input::{FieldKind as K, FieldSpec, ReadCtx};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::file_picker::{self, FilePicker};
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::screens::fields;
use crate::tui::ui;
use crate::tui::view::View;
use crate::tui::widgets::Widget;

const fn f(key: &'static str, label: &'static str, kind: K, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        kind,
    }
}

/// The reasons as the picker offers them (the domain's `InspectionReason` names).
pub const REASONS: &[&str] = &["日常巡查", "双随机抽查", "投诉举报", "风险监测"];
/// The results as the picker offers them (the domain's `ResultKind` names).
pub const RESULTS: &[&str] = &["合格", "责令改正", "转为线索", "立案"];
/// The photos field: paths, with the folder listed under it (the evidence form's picker).
const PHOTOS: &str = "photos";
/// The object field's choice for a street or an area (the old patrol log).
pub const NO_OBJECT: &str = "无（街面、区域巡查）";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 登记现场检查.
    Record,
    /// 登记复查 of the record.
    Recheck(i64),
    /// 登记检查对象.
    Object,
    /// 制定抽查计划.
    Plan,
    /// 登记回避 of an officer with the object.
    Conflict(i64),
    /// 撤销回避 of an officer with the object.
    RemoveConflict(i64),
}

impl Kind {
    fn what(self) -> &'static str {
        match self {
            Kind::Record => "登记现场检查",
            Kind::Recheck(_) => "登记复查",
            Kind::Object => "登记检查对象",
            Kind::Plan => "制定抽查计划",
            Kind::Conflict(_) => "登记回避",
            Kind::RemoveConflict(_) => "撤销回避",
        }
    }
}

pub struct State {
    pub kind: Kind,
    pub specs: Vec<FieldSpec>,
    pub form: FormCore,
    pub checks: Vec<Option<String>>,
    pub error: Option<String>,
    users: BTreeMap<i64, User>,
    /// The objects and plans the pickers name, in their order (`#id` is in each option).
    objects: Vec<InspectionObject>,
    plans: Vec<InspectionPlan>,
    today: NaiveDate,
    submit_key: String,
    /// What the form acts on, shown under the title (the record rechecked).
    pub context: String,
}

fn object_option(o: &InspectionObject) -> String {
    format!("{} #{}", ui::clean(&o.name), o.id)
}

fn plan_option(p: &InspectionPlan) -> String {
    format!("{} #{}", ui::clean(&p.name), p.id)
}

/// The id an option ends with (`… #12`).
fn option_id(option: &str) -> Option<i64> {
    option
        .rsplit_once('#')
        .and_then(|(_, n)| n.trim().parse().ok())
}

fn field_names() -> &'static [&'static str] {
    choices::interned(Field::ALL.iter().map(|f| f.name().to_string()).collect())
}

fn risk_names() -> &'static [&'static str] {
    choices::interned(RiskLevel::ALL.iter().map(|r| r.name()).collect())
}

/// The measures the form counts: all but 责令整改, which the result counts.
fn measures() -> Vec<PatrolOutcome> {
    crate::domain::patrol::typed_outcomes()
}

fn record_specs(objects: &[InspectionObject], plans: &[InspectionPlan]) -> Vec<FieldSpec> {
    let mut object_options = vec![NO_OBJECT.to_string()];
    object_options.extend(objects.iter().map(object_option));
    let mut plan_options = vec!["无".to_string()];
    plan_options.extend(plans.iter().map(plan_option));
    let mut specs = vec![
        f("date", "检查日期", K::Date, "不填为今天"),
        f("start", "开始时间", K::Time, ""),
        f("end", "结束时间", K::Time, ""),
        f(
            "object",
            "检查对象",
            K::Choice(choices::interned(object_options)),
            "输入名称或拼音首字母选取；街面巡查选“无”",
        ),
        f("place", "检查地点", K::Text, "不填为检查对象的地址"),
        f("officers", "检查人员", K::Persons, "两名持证执法人员"),
        f("reason", "检查原因", K::Choice(REASONS), ""),
        f(
            "why",
            "具体原因",
            K::Text,
            "投诉举报、风险监测须写明原因（近期检查过的对象可再次检查）",
        ),
        f(
            "plan",
            "抽查计划",
            K::Choice(choices::interned(plan_options)),
            "双随机抽查选所属计划",
        ),
        f(
            "items",
            "检查事项（合格）",
            K::Texts,
            "每行一项或用；分隔（权限清单未列检查事项，按实际填写）",
        ),
        f(
            "failed_items",
            "检查事项（不合格）",
            K::Texts,
            "每行一项或用；分隔",
        ),
        f("findings", "检查情况", K::MultiLine, ""),
        f(
            PHOTOS,
            "现场照片",
            K::Text,
            "照片文件路径（~ 表示主目录），多个用逗号分隔；保存时记录 SHA-256",
        ),
        f("result", "检查结果", K::Choice(RESULTS), ""),
        f("content", "责令改正内容", K::MultiLine, "责令改正时填写"),
        f("deadline", "改正期限", K::Date, "责令改正时填写"),
        f("recheck_on", "复查日期", K::Date, "不早于改正期限"),
        f(
            "case",
            "立案的案件",
            K::Text,
            "立案时填写：案号、2026-12 或 #编号",
        ),
    ];
    let labels = choices::interned(
        measures()
            .iter()
            .map(|o| format!("{}（{}）", o.name(), o.unit()))
            .collect(),
    );
    specs.extend(
        labels
            .iter()
            .map(|l| f("measure", l, K::Count, "当场成果，空则为 0")),
    );
    specs
}

fn recheck_specs() -> Vec<FieldSpec> {
    vec![
        f("date", "复查日期", K::Date, "不填为今天"),
        f("corrected", "已按要求改正", K::Bool, "是 / 否"),
        f("note", "复查情况", K::MultiLine, ""),
    ]
}

fn object_specs() -> Vec<FieldSpec> {
    vec![
        f("name", "名称", K::Text, "企业或场所名称"),
        f(
            "credit_code",
            "统一社会信用代码",
            K::Text,
            "场所没有的可不填",
        ),
        f("address", "地址", K::Text, ""),
        f("field", "领域", K::Choice(field_names()), ""),
        f("risk", "风险等级", K::Choice(risk_names()), ""),
    ]
}

fn plan_specs() -> Vec<FieldSpec> {
    vec![
        f("name", "计划名称", K::Text, ""),
        f(
            "field",
            "领域",
            K::Choice(field_names()),
            "该领域的检查对象组成抽取对象库",
        ),
        f("from", "计划期间自", K::Date, ""),
        f("to", "至", K::Date, ""),
        f(
            "scope",
            "抽查事项和范围",
            K::MultiLine,
            "如 占道经营、户外广告设置",
        ),
        f("count", "抽取对象数量", K::Count, ""),
    ]
}

fn conflict_specs() -> Vec<FieldSpec> {
    vec![
        f("officer", "回避的执法人员", K::Person, "登录名或姓名"),
        f(
            "reason",
            "回避理由",
            K::MultiLine,
            "与该对象的利害关系，如 系经营者近亲属",
        ),
        f("date", "登记日期", K::Date, "不填为今天"),
    ]
}

fn remove_conflict_specs(officers: &'static [&'static str]) -> Vec<FieldSpec> {
    vec![
        f("officer", "回避的执法人员", K::Choice(officers), ""),
        f("reason", "撤销原因", K::MultiLine, "如 利害关系已消除"),
    ]
}

/// 登记回避 on the page of object `object` (`context` names it).
pub fn conflict(object: i64, context: String, env: &mut Env) -> Screen {
    let today = env.today.to_string();
    let defaults = ["", "", today.as_str()];
    Screen::InspectionForm(Box::new(State::with(
        Kind::Conflict(object),
        conflict_specs(),
        &defaults,
        context,
        env,
    )))
}

/// 撤销回避 on the page of object `object`: the officers recorded for it offered by name.
pub fn remove_conflict(
    object: i64,
    recorded: &[(String, i64)],
    context: String,
    env: &mut Env,
) -> Screen {
    let options = choices::interned(
        recorded
            .iter()
            .map(|(name, id)| format!("{} #{id}", ui::clean(name)))
            .collect(),
    );
    let first = options.first().copied().unwrap_or("");
    let defaults = [first, ""];
    Screen::InspectionForm(Box::new(State::with(
        Kind::RemoveConflict(object),
        remove_conflict_specs(options),
        &defaults,
        context,
        env,
    )))
}

/// 登记现场检查: today, a routine inspection that passed, unless the officer says otherwise.
pub fn new_record(env: &mut Env) -> Screen {
    let mut error = None;
    let objects = super::or_note(env.desk.store().objects(), "检查对象", &mut error);
    let plans: Vec<InspectionPlan> =
        super::or_note(env.desk.store().plans(), "抽查计划", &mut error)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
    let specs = record_specs(&objects, &plans);
    let today = env.today.to_string();
    let me = env.user.map(|u| u.username.clone()).unwrap_or_default();
    let defaults: Vec<&str> = specs
        .iter()
        .map(|s| match s.key {
            "date" => today.as_str(),
            "object" => NO_OBJECT,
            "officers" => me.as_str(),
            "reason" => "日常巡查",
            "plan" => "无",
            "result" => "合格",
            _ => "",
        })
        .collect();
    let mut s = State::with(Kind::Record, specs, &defaults, String::new(), env);
    if let Some(i) = s.at(PHOTOS) {
        s.form.widgets[i] = Widget::Files(Box::new(FilePicker::new(&s.form.raw(i))));
    }
    s.objects = objects;
    s.plans = plans;
    s.error = s.error.or(error);
    Screen::InspectionForm(Box::new(s))
}

/// 登记复查 of record `id`, whose line `context` describes.
pub fn recheck(id: i64, context: String, env: &mut Env) -> Screen {
    let today = env.today.to_string();
    let specs = recheck_specs();
    let defaults = [today.as_str(), "是", ""];
    Screen::InspectionForm(Box::new(State::with(
        Kind::Recheck(id),
        specs,
        &defaults,
        context,
        env,
    )))
}

pub fn new_object(env: &mut Env) -> Screen {
    let defaults = ["", "", "", "城市管理", "一般风险"];
    Screen::InspectionForm(Box::new(State::with(
        Kind::Object,
        object_specs(),
        &defaults,
        String::new(),
        env,
    )))
}

pub fn new_plan(env: &mut Env) -> Screen {
    let defaults = ["", "城市管理", "", "", "", "5"];
    Screen::InspectionForm(Box::new(State::with(
        Kind::Plan,
        plan_specs(),
        &defaults,
        String::new(),
        env,
    )))
}

impl State {
    fn with(
        kind: Kind,
        specs: Vec<FieldSpec>,
        defaults: &[&str],
        context: String,
        env: &mut Env,
    ) -> State {
        let mut error = None;
        let users = super::or_note(env.desk.store().users(), "人员", &mut error);
        let form = FormCore::typed(&specs, defaults.iter().copied(), &users, env);
        let mut s = State {
            kind,
            specs,
            form,
            checks: Vec::new(),
            error,
            users,
            objects: Vec::new(),
            plans: Vec::new(),
            today: env.today,
            submit_key: env.keymap.key_label(form_core::SECTION, UiAction::Submit),
            context,
        };
        s.check();
        s
    }

    fn at(&self, key: &str) -> Option<usize> {
        self.specs.iter().position(|s| s.key == key)
    }

    /// Each field's check as typed; the credit code checked (GB 32100) as it is typed.
    fn check(&mut self) {
        self.checks = choices::checks(&self.specs, &self.form, &self.users, self.today);
        if let Some(i) = self.at("credit_code") {
            let code = self.form.value(i);
            if !code.is_empty() {
                self.checks[i] = CreditCode::parse(&code).err().map(|e| e.to_string());
            }
        }
    }

    /// Field `key` read by its kind (None when empty), with the field named in the error.
    fn read(&self, key: &str) -> Result<Option<Value>, String> {
        let Some(i) = self.at(key) else {
            return Ok(None);
        };
        let v = self.form.value(i);
        if v.is_empty() {
            return Ok(None);
        }
        let ctx = ReadCtx {
            users: &self.users,
            today: self.today,
        };
        self.specs[i]
            .read(&v, ctx)
            .map(Some)
            .map_err(|e| format!("{}：{e}", self.specs[i].label))
    }

    fn text(&self, key: &str) -> Result<String, String> {
        Ok(self
            .read(key)?
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default())
    }

    fn date(&self, key: &str) -> Result<Option<NaiveDate>, String> {
        let Some(s) = self.read(key)?.and_then(|v| v.as_str().map(str::to_string)) else {
            return Ok(None);
        };
        s.parse()
            .map(Some)
            .map_err(|_| format!("日期“{s}”无法识别"))
    }

    fn required_date(&self, key: &str) -> Result<NaiveDate, String> {
        let label = self.at(key).map_or(key, |i| self.specs[i].label);
        self.date(key)?.ok_or_else(|| format!("请填写{label}"))
    }

    fn count(&self, i: usize) -> Result<u32, String> {
        let v = self.form.value(i);
        if v.is_empty() {
            return Ok(0);
        }
        let ctx = ReadCtx {
            users: &self.users,
            today: self.today,
        };
        let n = self.specs[i]
            .read(&v, ctx)
            .map_err(|e| format!("{}：{e}", self.specs[i].label))?;
        n.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| format!("{}：数量过大", self.specs[i].label))
    }

    fn record(&self, env: &Env) -> Result<InspectionRecord, String> {
        let object = option_id(&self.text("object")?);
        let found = object.and_then(|id| self.objects.iter().find(|o| o.id == id));
        let mut place = self.text("place")?;
        if place.is_empty() {
            place = found.map(|o| o.address.clone()).unwrap_or_default();
        }
        let officers: Vec<i64> = self
            .read("officers")?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let why = self.text("why")?;
        let reason = match self.text("reason")?.as_str() {
            "双随机抽查" => InspectionReason::Drawn {
                plan: option_id(&self.text("plan")?).ok_or("双随机抽查请在“抽查计划”选所属计划")?,
            },
            "投诉举报" => InspectionReason::Complaint {
                lead: None,
                reason: why,
            },
            "风险监测" => InspectionReason::Risk { reason: why },
            _ => InspectionReason::Routine,
        };
        let texts = |key: &str| -> Result<Vec<String>, String> {
            Ok(self
                .read(key)?
                .and_then(|v| serde_json::from_value(v).ok())
                .unwrap_or_default())
        };
        let failed_items = texts("failed_items")?;
        let mut items = texts("items")?;
        items.extend(failed_items.iter().cloned());
        let result = match self.text("result")?.as_str() {
            "责令改正" => InspectionResult::CorrectionOrdered {
                content: self.text("content")?,
                deadline: self.required_date("deadline")?,
                recheck_on: self.required_date("recheck_on")?,
                recheck: None,
            },
            "转为线索" => InspectionResult::ToLead { lead: None },
            "立案" => {
                let typed = self.text("case")?;
                if typed.is_empty() {
                    return Err("检查结果为立案的，请在“立案的案件”填写案号".into());
                }
                let case_id = env
                    .desk
                    .store()
                    .find_case(&typed)
                    .map_err(|e| e.to_string())?
                    .ok_or_else(|| {
                        format!(
                            "找不到案件“{}”：请填案号、2026-12 或 #编号",
                            ui::clean(&typed)
                        )
                    })?;
                InspectionResult::Filed { case_id }
            }
            _ => InspectionResult::Passed,
        };
        let outcomes = measures();
        let mut tally = BTreeMap::new();
        for (i, spec) in self.specs.iter().enumerate() {
            if spec.key != "measure" {
                continue;
            }
            let n = self.count(i)?;
            let at = i - self
                .specs
                .iter()
                .position(|s| s.key == "measure")
                .unwrap_or(i);
            if let (Some(o), true) = (outcomes.get(at), n > 0) {
                tally.insert(*o, n);
            }
        }
        Ok(InspectionRecord {
            id: 0,
            date: self.date("date")?.unwrap_or(self.today),
            start: self.text("start")?,
            end: self.text("end")?,
            place,
            object,
            officers,
            reason,
            items,
            failed_items,
            findings: self.text("findings")?,
            photos: Vec::new(),
            result,
            measures: tally,
        })
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match self.form.handle(a) {
            FormStep::Done(o) => *o,
            FormStep::Edited => {
                self.check();
                Outcome::Stay
            }
            FormStep::Other(_) => Outcome::Stay,
            FormStep::Submit => {
                let outcome = match self.submit(env) {
                    Ok(msg) => {
                        self.form.saved();
                        Outcome::Pop(Some(msg))
                    }
                    Err(e) => Outcome::Error(e),
                };
                if let Outcome::Error(e) = &outcome {
                    self.error = Some(e.clone());
                }
                outcome
            }
            FormStep::Leave => Outcome::Pop(None),
        }
    }

    fn submit(&mut self, env: &mut Env) -> Result<String, String> {
        let user = env.user.ok_or("请先登录")?;
        let today = env.today;
        match self.kind {
            Kind::Record => {
                let record = self.record(env)?;
                let photos = self
                    .at(PHOTOS)
                    .map(|i| file_picker::paths(&self.form.raw(i)))
                    .unwrap_or_default();
                let (saved, warning) = env
                    .desk
                    .add_inspection_with_photos(record, &photos, user, today)
                    .map_err(|e| e.to_string())?;
                let photos = match saved.photos.len() {
                    0 => String::new(),
                    n => format!("（照片 {n} 张）"),
                };
                let done = format!(
                    "已登记现场检查 #{}：{} {}{photos}",
                    saved.id,
                    saved.date,
                    ui::clean(&saved.place)
                );
                Ok(match warning {
                    Some(w) => format!("{done}。提示：{}", ui::clean(&w.message)),
                    None => done,
                })
            }
            Kind::Recheck(id) => {
                let corrected = self
                    .read("corrected")?
                    .and_then(|v| v.as_bool())
                    .ok_or("请填写是否已按要求改正（是 / 否）")?;
                let recheck = Recheck {
                    date: self.date("date")?.unwrap_or(today),
                    corrected,
                    note: self.text("note")?,
                    by: user.id,
                };
                env.desk
                    .recheck_inspection(id, recheck, user, today)
                    .map_err(|e| e.to_string())?;
                Ok(format!("已登记检查记录 #{id} 的复查"))
            }
            Kind::Object => {
                let field = Field::parse(&self.text("field")?).ok_or("请选择领域")?;
                let risk = RiskLevel::parse(&self.text("risk")?).ok_or("请选择风险等级")?;
                let o = env
                    .desk
                    .add_object(
                        ObjectInput {
                            name: self.text("name")?,
                            credit_code: self.text("credit_code")?,
                            address: self.text("address")?,
                            field,
                            risk,
                        },
                        user,
                    )
                    .map_err(|e| e.to_string())?;
                Ok(format!("已登记检查对象 #{}：{}", o.id, ui::clean(&o.name)))
            }
            Kind::Conflict(object) => {
                let officer = self
                    .read("officer")?
                    .and_then(|v| v.as_i64())
                    .ok_or("请填写回避的执法人员")?;
                let name = self.users.get(&officer).map_or("", |u| u.name.as_str());
                let done = format!("已登记回避：{} 不参加对该对象的检查和抽取", ui::clean(name));
                env.desk
                    .add_conflict(
                        Conflict {
                            officer,
                            object,
                            reason: self.text("reason")?,
                            recorded_on: Some(self.date("date")?.unwrap_or(today)),
                        },
                        user,
                        today,
                    )
                    .map_err(|e| e.to_string())?;
                Ok(done)
            }
            Kind::RemoveConflict(object) => {
                let officer =
                    option_id(&self.text("officer")?).ok_or("请选择要撤销回避的执法人员")?;
                env.desk
                    .remove_conflict(officer, object, &self.text("reason")?, user)
                    .map_err(|e| e.to_string())?;
                Ok("已撤销回避".into())
            }
            Kind::Plan => {
                let field = Field::parse(&self.text("field")?).ok_or("请选择领域")?;
                let count = match self.at("count") {
                    Some(i) => self.count(i)?,
                    None => 0,
                };
                let p = env
                    .desk
                    .add_plan(
                        InspectionPlan {
                            id: 0,
                            name: self.text("name")?,
                            field,
                            period_from: self.required_date("from")?,
                            period_to: self.required_date("to")?,
                            scope: self.text("scope")?,
                            object_count: count,
                        },
                        user,
                    )
                    .map_err(|e| e.to_string())?;
                Ok(format!("已登记抽查计划 #{}：{}", p.id, ui::clean(&p.name)))
            }
        }
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let error_h = if s.error.is_some() { 2 } else { 0 };
    let context_h = if s.context.is_empty() { 0 } else { 2 };
    let [head, context, body, error] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(context_h),
        Constraint::Min(1),
        Constraint::Length(error_h),
    ])
    .areas(area);
    let title = format!("{}（{} 提交）", s.kind.what(), s.submit_key);
    f.render_widget(Paragraph::new(Span::styled(title, ui::title_style())), head);
    f.render_widget(
        Paragraph::new(ui::clean(&s.context.replace('\n', " ")))
            .style(ui::dim())
            .wrap(Wrap { trim: true }),
        context,
    );
    fields::draw(f, body, &s.specs, &s.form, &s.checks);
    if let Some(e) = &s.error {
        f.render_widget(
            Paragraph::new(Span::styled(ui::clean(e), ui::bad())).wrap(Wrap { trim: true }),
            error,
        );
    }
}

impl View for State {
    fn title(&self) -> String {
        self.kind.what().into()
    }
    fn section(&self) -> &'static str {
        form_core::SECTION
    }
    fn takes_text(&self) -> bool {
        true
    }
    fn acts(&self, a: UiAction) -> bool {
        a != UiAction::FillAmount
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let FormStep::Edited = self.form.paste(text) {
            self.check();
        }
        Outcome::Stay
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
