//! 检查: the inspections (行政检查) as `zhifa inspect …` reaches them, in three views the tab
//! key cycles through — the 现场检查记录 of this year (newest first, searched, filtered to
//! the corrections whose 复查 is due), the 检查对象 with their risk and this year's count, and
//! the 抽查计划 with their draw. Enter opens a record (every field, the officers by name, the
//! 复查), an object's history or a plan's 公示; the forms are `inspection_form`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::domain::inspection::{
    self, Draw, InspectionObject, InspectionPlan, InspectionReason, InspectionRecord,
    InspectionResult, PublishedDraw,
};
use crate::domain::people::User;
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::text::fit;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::choices;
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::input::TextInput;
use crate::tui::screens::fields;
use crate::tui::screens::inspection_form;
use crate::tui::ui;
use crate::tui::view::View;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Records,
    Objects,
    Plans,
}

impl Tab {
    const ALL: [Tab; 3] = [Tab::Records, Tab::Objects, Tab::Plans];

    fn name(self) -> &'static str {
        match self {
            Tab::Records => "检查记录",
            Tab::Objects => "检查对象",
            Tab::Plans => "抽查计划",
        }
    }
}

/// What Enter opened over the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    Record(i64),
    Object(i64),
    /// A drawn plan's 公示.
    Publication(i64, Box<PublishedDraw>),
}

pub struct Detail {
    pub open: Open,
    pub scroll: u16,
}

pub struct State {
    keys: Keys,
    pub tab: Tab,
    /// The period the records cover: this year to today.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The records of the period, newest first.
    pub records: Vec<InspectionRecord>,
    pub objects: Vec<InspectionObject>,
    /// Every inspection of each object, for its count and history.
    pub history: BTreeMap<i64, Vec<InspectionRecord>>,
    pub plans: Vec<(InspectionPlan, Option<Draw>)>,
    pub users: BTreeMap<i64, User>,
    /// The selection in each view.
    pub sel: [usize; 3],
    pub due_only: bool,
    pub query: TextInput,
    pub searching: bool,
    pub detail: Option<Detail>,
    /// The period's form while it is being changed (`f`).
    pub period: Option<Box<FormCore>>,
    pub error: Option<String>,
    today: NaiveDate,
}

const PERIOD: [FieldSpec; 2] = [
    FieldSpec {
        key: "from",
        label: "检查日期自",
        hint: "",
        kind: FieldKind::Date,
    },
    FieldSpec {
        key: "to",
        label: "至",
        hint: "",
        kind: FieldKind::Date,
    },
];

/// Opens the screen (everyone may read it; the desk says who may record).
pub fn open(env: &mut Env) -> Outcome {
    if env.user.is_none() {
        return Outcome::Error("请先登录".into());
    }
    Outcome::Push(Screen::Inspections(Box::new(State::load(env))))
}

/// The corrections ordered on inspection this year whose 复查 is due and not recorded, for
/// the 工作台 (None when there are none).
pub fn rechecks_due_line(env: &Env, key: &str) -> Option<String> {
    let today = env.today;
    let from = NaiveDate::from_ymd_opt(today.year(), 1, 1)?;
    match env.desk.store().inspections_between(from, today) {
        Ok(records) => {
            let n = inspection::rechecks_due(&records, today).len();
            (n > 0).then(|| format!("检查：{n} 项责令改正已到复查日期未复查（按 {key} 查看）"))
        }
        Err(e) => Some(format!("无法读取检查记录：{e}")),
    }
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let today = env.today;
        let mut s = State {
            keys: Keys::new(env),
            tab: Tab::Records,
            from: NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
            to: today,
            records: Vec::new(),
            objects: Vec::new(),
            history: BTreeMap::new(),
            plans: Vec::new(),
            users: BTreeMap::new(),
            sel: [0; 3],
            due_only: false,
            query: TextInput::default(),
            searching: false,
            detail: None,
            period: None,
            error: None,
            today,
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        self.error = None;
        self.today = env.today;
        let store = env.desk.store();
        self.users = super::or_note(store.users(), "人员", &mut self.error);
        let mut records = super::or_note(
            store.inspections_between(self.from, self.to),
            "检查记录",
            &mut self.error,
        );
        records.sort_by(|a, b| (b.date, &b.start, b.id).cmp(&(a.date, &a.start, a.id)));
        self.records = records;
        self.objects = super::or_note(store.objects(), "检查对象", &mut self.error);
        self.history.clear();
        for o in &self.objects {
            let h = super::or_note(
                store.inspections_of(o.id),
                "检查对象的检查记录",
                &mut self.error,
            );
            self.history.insert(o.id, h);
        }
        self.plans = super::or_note(store.plans(), "抽查计划", &mut self.error);
        for t in Tab::ALL {
            let n = self.len(t);
            let i = self.index(t);
            self.sel[i] = self.sel[i].min(n.saturating_sub(1));
        }
    }

    fn index(&self, t: Tab) -> usize {
        Tab::ALL.iter().position(|x| *x == t).unwrap_or(0)
    }

    fn len(&self, t: Tab) -> usize {
        match t {
            Tab::Records => self.shown().len(),
            Tab::Objects => self.objects.len(),
            Tab::Plans => self.plans.len(),
        }
    }

    fn sel(&self) -> usize {
        self.sel[self.index(self.tab)]
    }

    fn object_name(&self, id: i64) -> String {
        self.objects
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| format!("#{id}"), |o| o.name.clone())
    }

    fn name(&self, id: &i64) -> String {
        self.users
            .get(id)
            .map_or_else(|| format!("#{id}"), |u| u.name.clone())
    }

    /// Whether the record's 复查 is due by today and not recorded.
    fn due(&self, r: &InspectionRecord) -> bool {
        !inspection::rechecks_due(std::slice::from_ref(r), self.today).is_empty()
    }

    /// The records the filter and the search let through, newest first.
    pub fn shown(&self) -> Vec<&InspectionRecord> {
        let q = self.query.value.trim().to_lowercase();
        self.records
            .iter()
            .filter(|r| !self.due_only || self.due(r))
            .filter(|r| {
                q.is_empty()
                    || [
                        &r.place,
                        &r.findings,
                        &r.object.map(|id| self.object_name(id)).unwrap_or_default(),
                    ]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&q))
            })
            .collect()
    }

    fn open_record(&self) -> Option<&InspectionRecord> {
        match &self.detail.as_ref()?.open {
            Open::Record(id) => self.records.iter().find(|r| r.id == *id),
            _ => None,
        }
    }

    fn cycle(&mut self, forward: bool) -> Outcome {
        let i = self.index(self.tab);
        let n = Tab::ALL.len();
        self.tab = Tab::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        Outcome::Status(String::new())
    }

    /// The period's form: Ctrl-S sets it, Esc leaves it unchanged.
    fn handle_period(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        let Some(form) = self.period.as_mut() else {
            return Outcome::Stay;
        };
        match form.handle(a) {
            FormStep::Done(o) => *o,
            FormStep::Edited | FormStep::Other(_) => Outcome::Stay,
            FormStep::Leave => {
                self.period = None;
                Outcome::Stay
            }
            FormStep::Submit => {
                let read = |i: usize| {
                    step_input::read_date(&form.value(i), env.today)
                        .map_err(|e| format!("“{}”：{e}", PERIOD[i].label))
                };
                match (read(0), read(1)) {
                    (Ok(f), Ok(t)) if f <= t => {
                        self.from = f;
                        self.to = t;
                        self.period = None;
                        self.sel[0] = 0;
                        self.reload(env);
                        Outcome::Status(format!("期间：{f} 至 {t}"))
                    }
                    (Ok(f), Ok(t)) => Outcome::Error(format!("起日 {f} 晚于止日 {t}，请改正")),
                    (Err(e), _) | (_, Err(e)) => Outcome::Error(e),
                }
            }
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if self.period.is_some() {
            return self.handle_period(a, env);
        }
        if self.searching {
            match a {
                UiAction::Input(c) => self.query.push(c),
                UiAction::DeleteBack => self.query.backspace(),
                UiAction::Submit => self.searching = false,
                UiAction::Back => {
                    self.searching = false;
                    self.query = TextInput::default();
                }
                _ => {}
            }
            self.sel[0] = 0;
            return Outcome::Stay;
        }
        if self.detail.is_some() {
            return self.handle_detail(a, env);
        }
        let i = self.index(self.tab);
        match a {
            UiAction::Down => {
                self.sel[i] = (self.sel[i] + 1).min(self.len(self.tab).saturating_sub(1))
            }
            UiAction::Up => self.sel[i] = self.sel[i].saturating_sub(1),
            UiAction::NextTab => return self.cycle(true),
            UiAction::PrevTab => return self.cycle(false),
            UiAction::Search if self.tab == Tab::Records => self.searching = true,
            UiAction::EditPeriod if self.tab == Tab::Records => {
                let values = [self.from.to_string(), self.to.to_string()];
                self.period = Some(Box::new(FormCore::typed(&PERIOD, values, &self.users, env)));
            }
            UiAction::ToggleOverdue if self.tab == Tab::Records => {
                self.due_only = !self.due_only;
                self.sel[0] = 0;
                return Outcome::Status(
                    if self.due_only {
                        "只看已到复查日期未复查的责令改正"
                    } else {
                        "显示全部检查记录"
                    }
                    .into(),
                );
            }
            UiAction::New => {
                // Who may is the desk's rule, asked before the form is filled.
                let Some(user) = env.user else {
                    return Outcome::Error("请先登录".into());
                };
                let allowed = match self.tab {
                    Tab::Plans => crate::desk::inspections::may_plan(user),
                    Tab::Records | Tab::Objects => crate::desk::inspections::may_inspect(user),
                };
                if let Err(e) = allowed {
                    return Outcome::Error(e.to_string());
                }
                return Outcome::Push(match self.tab {
                    Tab::Records => inspection_form::new_record(env),
                    Tab::Objects => inspection_form::new_object(env),
                    Tab::Plans => inspection_form::new_plan(env),
                });
            }
            UiAction::Draw if self.tab == Tab::Plans => return self.draw_plan(env),
            UiAction::Open => return self.open(env),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    fn open(&mut self, env: &mut Env) -> Outcome {
        let open = match self.tab {
            Tab::Records => self.shown().get(self.sel()).map(|r| Open::Record(r.id)),
            Tab::Objects => self.objects.get(self.sel()).map(|o| Open::Object(o.id)),
            Tab::Plans => {
                let Some((p, d)) = self.plans.get(self.sel()) else {
                    return Outcome::Stay;
                };
                if d.is_none() {
                    return Outcome::Error(format!(
                        "抽查计划 #{} 尚未抽取；按 {} 抽取后可查看公示",
                        p.id, self.keys.draw
                    ));
                }
                match env.desk.publication(p.id) {
                    Ok(pubd) => Some(Open::Publication(p.id, Box::new(pubd))),
                    Err(e) => return Outcome::Error(e.to_string()),
                }
            }
        };
        if let Some(open) = open {
            self.detail = Some(Detail { open, scroll: 0 });
        }
        Outcome::Status(String::new())
    }

    /// The selected plan's one draw, today, with a seed from the clock (recorded, so the
    /// draw can be reproduced); its 公示 is shown at once.
    fn draw_plan(&mut self, env: &mut Env) -> Outcome {
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        if let Err(e) = crate::desk::inspections::may_plan(user) {
            return Outcome::Error(e.to_string());
        }
        let Some((p, _)) = self.plans.get(self.sel()) else {
            return Outcome::Stay;
        };
        let id = p.id;
        let today = env.today;
        if let Err(e) = env.desk.draw_plan(id, None, today, user, today) {
            return Outcome::Error(e.to_string());
        }
        self.reload(env);
        match env.desk.publication(id) {
            Ok(pubd) => {
                let n = pubd.objects.len();
                self.detail = Some(Detail {
                    open: Open::Publication(id, Box::new(pubd)),
                    scroll: 0,
                });
                Outcome::Status(format!(
                    "已抽取抽查计划 #{id}：{n} 个对象；按 {} 导出公示",
                    self.keys.export
                ))
            }
            Err(e) => Outcome::Error(e.to_string()),
        }
    }

    fn handle_detail(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        let Some(d) = self.detail.as_mut() else {
            return Outcome::Stay;
        };
        match a {
            UiAction::Down => d.scroll = d.scroll.saturating_add(1),
            UiAction::Up => d.scroll = d.scroll.saturating_sub(1),
            UiAction::Recheck => {
                let Some(r) = self.open_record() else {
                    return Outcome::Stay;
                };
                if !matches!(
                    r.result,
                    InspectionResult::CorrectionOrdered { recheck: None, .. }
                ) {
                    return Outcome::Error(
                        "该次检查没有待复查的责令改正（未责令改正或已复查）".into(),
                    );
                }
                let context = format!(
                    "#{} {} {}：{}",
                    r.id,
                    r.date,
                    ui::clean(&r.place),
                    result_text(&r.result)
                );
                return Outcome::Push(inspection_form::recheck(r.id, context, env));
            }
            UiAction::ExportDoc => return self.export(env),
            UiAction::Back => self.detail = None,
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// Writes the open 公示 as text into the export folder under a new name (never over an
    /// earlier file) and says where.
    fn export(&self, env: &Env) -> Outcome {
        let Some(Detail {
            open: Open::Publication(id, p),
            ..
        }) = &self.detail
        else {
            return Outcome::Stay;
        };
        let Some(dir) = env.export_dir.map(std::path::Path::to_path_buf) else {
            return Outcome::Error("无法确定导出目录（没有 HOME？）".into());
        };
        let mut text = publication_lines(p).join("\n");
        text.push('\n');
        match crate::output::write_new_name(
            &dir,
            &format!("双随机抽查结果公示-计划{id}"),
            "txt",
            text.as_bytes(),
            env.desk.store().path(),
        ) {
            Ok(path) => Outcome::Status(format!("已导出公示：{}", path.display())),
            Err(e) => Outcome::Error(format!("不能导出公示：{e}")),
        }
    }

    /// The open record, every field, as the detail shows it.
    fn record_lines(&self, r: &InspectionRecord) -> Vec<String> {
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
        if !r.items.is_empty() {
            out.push(format!("检查事项：{}", r.items.join("；")));
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
            out.push(format!("照片：{}", p.file_name));
        }
        out
    }

    /// The object and its inspections, newest first, with this year's count.
    fn object_lines(&self, id: i64) -> Vec<String> {
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
        out
    }
}

fn reason_text(reason: &InspectionReason, plans: &[(InspectionPlan, Option<Draw>)]) -> String {
    match reason {
        InspectionReason::Routine => "日常巡查".into(),
        InspectionReason::Drawn { plan } => {
            let name = plans
                .iter()
                .find(|(p, _)| p.id == *plan)
                .map_or_else(|| format!("#{plan}"), |(p, _)| p.name.clone());
            format!("双随机抽查（{name}）")
        }
        InspectionReason::Complaint { reason, .. } => format!("投诉举报（{reason}）"),
        InspectionReason::Risk { reason } => format!("风险监测（{reason}）"),
    }
}

fn result_text(result: &InspectionResult) -> String {
    match result {
        InspectionResult::Passed => "合格".into(),
        InspectionResult::CorrectionOrdered { deadline, .. } => {
            format!("责令改正（期限 {deadline}）")
        }
        InspectionResult::ToLead { .. } => "转为线索".into(),
        InspectionResult::Filed { .. } => "立案".into(),
    }
}

/// The 公示 as lines of text: on screen and in the exported file alike.
pub fn publication_lines(p: &PublishedDraw) -> Vec<String> {
    let mut out = vec![
        format!("双随机抽查结果公示：{}", p.plan),
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
    ];
    for (i, o) in p.objects.iter().enumerate() {
        out.push(format!(
            "{}. {}（{}）{} —— {}",
            i + 1,
            o.name,
            o.credit_code.as_ref().map_or("无代码", |c| c.as_str()),
            o.address,
            o.officers.join("、")
        ));
    }
    out
}

fn draw_tabs(f: &mut Frame, area: Rect, s: &State) {
    let mut spans = Vec::new();
    for t in Tab::ALL {
        let style = if t == s.tab {
            ui::selected()
        } else {
            ui::dim()
        };
        spans.push(Span::styled(format!(" {} ", t.name()), style));
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(format!("（{} 切换）", s.keys.tab), ui::dim()));
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Items of `per` rows each, the selected item's rows highlighted and kept in sight.
fn draw_rows(f: &mut Frame, area: Rect, rows: Vec<(String, Style)>, sel: usize, per: usize) {
    let height = area.height as usize;
    let first = sel * per;
    let start = (first + per).saturating_sub(height);
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(i, (t, st))| {
            let style = if i / per == sel { ui::selected() } else { st };
            Line::from(Span::styled(t, style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_records(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let shown = s.shown();
    let mut filters = vec![
        format!(
            "{} 至 {}（{} 换期间） {}/{} 次",
            s.from,
            s.to,
            s.keys.period,
            shown.len(),
            s.records.len()
        ),
        format!(
            "只看待复查：{}（{}）",
            if s.due_only { "是" } else { "否" },
            s.keys.due
        ),
    ];
    if s.searching || !s.query.value.is_empty() {
        filters.push(format!(
            "搜索：{}{}",
            ui::clean(&s.query.value),
            if s.searching { "_" } else { "" }
        ));
    } else {
        filters.push(format!("搜索（{}）", s.keys.search));
    }
    f.render_widget(
        Paragraph::new(Span::styled(filters.join("  "), ui::title_style())),
        head,
    );
    if shown.is_empty() {
        let msg = if s.records.is_empty() {
            format!("本期间暂无检查记录。按 {} 登记现场检查。", s.keys.new)
        } else {
            "没有符合条件的检查记录".to_string()
        };
        f.render_widget(Paragraph::new(msg).style(ui::dim()), body);
        return;
    }
    // Date, result (with the 复查 due marked), then the object or the place in what is left.
    let rest = (body.width as usize).saturating_sub(11 + 12 + 1);
    let rows = shown
        .iter()
        .map(|r| {
            let due = s.due(r);
            let result = if due {
                "待复查".to_string()
            } else {
                crate::domain::serde_name(&r.result.kind())
            };
            let what = match r.object {
                Some(id) => format!("{}（{}）", s.object_name(id), r.place),
                None => r.place.clone(),
            };
            let style = if due { ui::bad() } else { Style::default() };
            (
                format!(
                    "{}{}{}",
                    fit(&r.date.to_string(), 11),
                    fit(&result, 12),
                    fit(&what, rest)
                ),
                style,
            )
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 1);
}

fn draw_objects(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let year = s.today.year();
    let name_w = (body.width as usize)
        .saturating_sub(12 + 10 + 12 + 1)
        .max(10);
    f.render_widget(
        Paragraph::new(Span::styled(
            format!(
                "{}{}{}{year}年检查",
                fit("名称", name_w),
                fit("领域", 12),
                fit("风险", 10)
            ),
            ui::dim(),
        )),
        head,
    );
    if s.objects.is_empty() {
        f.render_widget(
            Paragraph::new(format!("暂无检查对象。按 {} 登记。", s.keys.new)).style(ui::dim()),
            body,
        );
        return;
    }
    let rows = s
        .objects
        .iter()
        .map(|o| {
            let n = s
                .history
                .get(&o.id)
                .map_or(0, |h| inspection::annual_count(o.id, h, year));
            (
                format!(
                    "{}{}{}{n} 次",
                    fit(&o.name, name_w),
                    fit(o.field.name(), 12),
                    fit(&o.risk.name(), 10)
                ),
                Style::default(),
            )
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 1);
}

fn draw_plans(f: &mut Frame, area: Rect, s: &State) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    f.render_widget(
        Paragraph::new(Span::styled(
            format!(
                "抽查计划 {} 个  {} 抽取  {} 查看公示",
                s.plans.len(),
                s.keys.draw,
                s.keys.open
            ),
            ui::title_style(),
        )),
        head,
    );
    if s.plans.is_empty() {
        f.render_widget(
            Paragraph::new(format!("暂无抽查计划。按 {} 制定。", s.keys.new)).style(ui::dim()),
            body,
        );
        return;
    }
    // Each plan on two rows: its name whole, then the draw's state and the period.
    let rows = s
        .plans
        .iter()
        .flat_map(|(p, d)| {
            let state = match d {
                Some(d) => format!("已于 {} 抽取 {} 个对象", d.drawn_on, d.objects.len()),
                None => format!("未抽取（计划抽取 {} 个）", p.object_count),
            };
            let style = if d.is_some() {
                Style::default()
            } else {
                ui::warn()
            };
            [
                (ui::clean(&p.name), style),
                (
                    format!(
                        "    {}  {}  期间 {} 至 {}",
                        p.field.name(),
                        state,
                        p.period_from,
                        p.period_to
                    ),
                    style,
                ),
            ]
        })
        .collect();
    draw_rows(f, body, rows, s.sel(), 2);
}

fn draw_detail(f: &mut Frame, area: Rect, s: &State, d: &Detail) {
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let (title, lines) = match &d.open {
        Open::Record(id) => match s.open_record() {
            Some(r) => (
                format!("现场检查记录 #{id}（{} 登记复查）", s.keys.recheck),
                s.record_lines(r),
            ),
            None => (format!("#{id}"), vec!["这条检查记录已不在列表中".into()]),
        },
        Open::Object(id) => (
            format!("检查对象：{}", s.object_name(*id)),
            s.object_lines(*id),
        ),
        Open::Publication(_, p) => (
            format!("抽取结果公示（{} 导出）", s.keys.export),
            publication_lines(p),
        ),
    };
    f.render_widget(
        Paragraph::new(Span::styled(ui::clean(&title), ui::warn())),
        head,
    );
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|t| Line::from(ui::clean(&t)))
        .collect();
    f.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((d.scroll, 0)),
        body,
    );
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    if let Some(form) = &s.period {
        let checks = choices::checks(&PERIOD, form, &s.users, s.today);
        fields::draw(f, area, &PERIOD, form, &checks);
        return;
    }
    if let Some(d) = &s.detail {
        draw_detail(f, area, s, d);
        return;
    }
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_tabs(f, tabs, s);
    let body = ui::load_error(f, body, &s.error);
    match s.tab {
        Tab::Records => draw_records(f, body, s),
        Tab::Objects => draw_objects(f, body, s),
        Tab::Plans => draw_plans(f, body, s),
    }
}

impl View for State {
    fn title(&self) -> String {
        "检查".into()
    }
    fn section(&self) -> &'static str {
        match &self.detail {
            _ if self.period.is_some() => form_core::SECTION,
            _ if self.searching => "search",
            Some(_) => "inspection",
            None => "inspections",
        }
    }
    fn takes_text(&self) -> bool {
        self.searching || self.period.is_some()
    }
    fn acts(&self, a: UiAction) -> bool {
        if self.period.is_some() {
            return a != UiAction::FillAmount;
        }
        match &self.detail {
            Some(d) => match a {
                UiAction::Recheck => matches!(d.open, Open::Record(_)),
                UiAction::ExportDoc => matches!(d.open, Open::Publication(..)),
                _ => true,
            },
            None => match a {
                UiAction::Search | UiAction::ToggleOverdue | UiAction::EditPeriod => {
                    self.tab == Tab::Records
                }
                UiAction::Draw => self.tab == Tab::Plans,
                UiAction::Open | UiAction::Up | UiAction::Down => self.len(self.tab) > 0,
                _ => true,
            },
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn paste(&mut self, text: &str, _env: &mut Env) -> Outcome {
        if let Some(form) = self.period.as_mut() {
            form.paste(text);
            return Outcome::Stay;
        }
        if self.searching {
            self.query.paste(text, false, " ");
            self.sel[0] = 0;
        }
        Outcome::Stay
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}

/// The key letters the screen names in its own lines, as the keymap binds them.
struct Keys {
    period: String,
    search: String,
    due: String,
    new: String,
    tab: String,
    draw: String,
    open: String,
    recheck: String,
    export: String,
}

impl Keys {
    fn new(env: &Env) -> Keys {
        let key = |section, a| env.keymap.key_label(section, a);
        Keys {
            period: key("inspections", UiAction::EditPeriod),
            search: key("inspections", UiAction::Search),
            due: key("inspections", UiAction::ToggleOverdue),
            new: key("inspections", UiAction::New),
            tab: key("inspections", UiAction::NextTab),
            draw: key("inspections", UiAction::Draw),
            open: key("inspections", UiAction::Open),
            recheck: key("inspection", UiAction::Recheck),
            export: key("inspection", UiAction::ExportDoc),
        }
    }
}
