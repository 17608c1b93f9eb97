//! 检查: the inspections (行政检查) as `zhifa inspect …` reaches them, in three views the tab
//! key cycles through — the 现场检查记录 of this year (newest first, searched, filtered to
//! the corrections whose 复查 is due), the 检查对象 with their risk and this year's count, and
//! the 抽查计划 with their draw. Enter opens a record (every field, the officers by name, the
//! 复查), an object's history or a plan's 公示; the forms are `inspection_form`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use ratatui::layout::Rect;
use ratatui::Frame;

use crate::domain::inspection::{
    self, Conflict, Draw, InspectionObject, InspectionPlan, InspectionRecord, InspectionResult,
    PublishedDraw,
};
use crate::domain::people::User;
use crate::step_input::{self, FieldKind, FieldSpec};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::form_core::{self, FormCore, FormStep};
use crate::tui::input::TextInput;
use crate::tui::screens::inspection_form;
use crate::tui::ui;
use crate::tui::view::View;

mod text;
mod view;

pub use text::publication_lines;
use text::result_text;
pub use view::draw;

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
    /// The recorded conflicts (回避), shown on each object's page.
    pub conflicts: Vec<Conflict>,
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
            conflicts: Vec::new(),
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
        self.conflicts = super::or_note(store.conflicts(), "回避情形", &mut self.error);
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
            UiAction::ImportObjects if self.tab == Tab::Objects => {
                return crate::tui::screens::object_import::open(env)
            }
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
            UiAction::RecordConflict | UiAction::RemoveConflict => {
                return self.conflict_form(a == UiAction::RecordConflict, env)
            }
            UiAction::ExportDoc => return self.export(env),
            UiAction::PrintDoc => {
                let store = env.desk.store();
                let papers = match &d.open {
                    Open::Record(id) => crate::documents::intake::inspection(store, *id, None),
                    Open::Publication(plan, _) => crate::documents::intake::draw(store, *plan),
                    Open::Object(_) => return Outcome::Stay,
                };
                return crate::tui::exports::papers(env, papers);
            }
            UiAction::Back => self.detail = None,
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }

    /// The form recording (or removing) a conflict with the open object; who may is the
    /// desk's rule, asked before the form opens.
    fn conflict_form(&self, record: bool, env: &mut Env) -> Outcome {
        let Some(Detail {
            open: Open::Object(id),
            ..
        }) = &self.detail
        else {
            return Outcome::Stay;
        };
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        if let Err(e) = crate::desk::inspections::may_plan(user) {
            return Outcome::Error(e.to_string());
        }
        let context = format!("检查对象：{}", self.object_name(*id));
        if record {
            return Outcome::Push(inspection_form::conflict(*id, context, env));
        }
        let recorded: Vec<(String, i64)> = self
            .conflicts
            .iter()
            .filter(|c| c.object == *id)
            .map(|c| (self.name(&c.officer), c.officer))
            .collect();
        if recorded.is_empty() {
            return Outcome::Error("该检查对象没有登记回避情形".into());
        }
        Outcome::Push(inspection_form::remove_conflict(
            *id, &recorded, context, env,
        ))
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
                UiAction::RecordConflict | UiAction::RemoveConflict => {
                    matches!(d.open, Open::Object(_))
                }
                UiAction::ExportDoc => matches!(d.open, Open::Publication(..)),
                UiAction::PrintDoc => !matches!(d.open, Open::Object(_)),
                _ => true,
            },
            None => match a {
                UiAction::Search | UiAction::ToggleOverdue | UiAction::EditPeriod => {
                    self.tab == Tab::Records
                }
                UiAction::Draw => self.tab == Tab::Plans,
                UiAction::ImportObjects => self.tab == Tab::Objects,
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
    import: String,
    open: String,
    recheck: String,
    export: String,
    conflict: String,
    unconflict: String,
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
            import: key("inspections", UiAction::ImportObjects),
            open: key("inspections", UiAction::Open),
            recheck: key("inspection", UiAction::Recheck),
            export: key("inspection", UiAction::ExportDoc),
            conflict: key("inspection", UiAction::RecordConflict),
            unconflict: key("inspection", UiAction::RemoveConflict),
        }
    }
}
