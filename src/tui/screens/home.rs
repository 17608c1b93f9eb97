//! 工作台: what needs this user now — cases awaiting their approval or review, their own
//! open cases with the next deadline (yellow within 3 working days, red overdue), and the
//! count of cases per stage.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use ratatui::Frame;

use crate::domain::case::{precheck, ActionKind, Case, Stage};
use crate::domain::people::{Role, User};
use crate::store::{CaseFilter, CaseRow, CaseSort, PageAt};
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::screens::{calendar, case_view, cases, new_case, powers, users};
use crate::tui::ui;
use crate::tui::view::View;

pub struct Item {
    pub row: CaseRow,
    /// Why it is on the list: the step waiting for this user, or "我的案件".
    pub why: String,
}

pub struct State {
    pub counts: Vec<(Stage, i64)>,
    pub items: Vec<Item>,
    pub sel: usize,
    /// Only the review/approval queue (审核 / 审批), without the user's own cases.
    pub queue_only: bool,
    /// Where the next page starts, None when everything is loaded.
    next: Option<Cursor>,
    /// Why the list could not be loaded (shown instead of an empty list).
    pub error: Option<String>,
    /// The year whose holiday table is missing or due (December), for the banner.
    pub table_wanted: Option<i32>,
    /// The 期限日历 key that imports a table, as the banner names it.
    import_key: String,
    /// Whether the user reviews case files (负责人、法制审核员、中队长): the 评查 and 过错责任
    /// keys show only then.
    leader: bool,
    /// Leads past their verification deadline and reporters not answered in time, as a
    /// line naming the 线索 key (None when there are none).
    pub lead_alert: Option<String>,
    leads_key: String,
    /// Corrections ordered on inspection whose 复查 is due, as a line naming the 检查 key.
    pub recheck_alert: Option<String>,
    inspections_key: String,
}

/// The list is the review/approval queue, then the user's own open cases, each in order
/// of the next deadline (overdue first) and loaded a page at a time as the user scrolls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Queue,
    Mine,
}

#[derive(Debug, Clone, Copy)]
struct Cursor {
    part: Part,
    /// The last case read of this part (the page after it comes next).
    after: Option<i64>,
}

/// Cases read per query.
const PAGE: u32 = 100;

/// Steps that put a case in a reviewer's or leader's queue.
const QUEUE_STEPS: [ActionKind; 6] = [
    ActionKind::ApproveFiling,
    ActionKind::SquadReview,
    ActionKind::LegalReview,
    ActionKind::ReviewDecision,
    ActionKind::Decide,
    ActionKind::ApproveClosing,
];

/// The stages where a case can wait for an approver.
const QUEUE_STAGES: [Stage; 4] = [
    Stage::Proposed,
    Stage::Reviewing,
    Stage::Notifying,
    Stage::Closing,
];

/// The step of `case` waiting for `user`, if any, and what the queue calls it. A legal
/// review the law requires (行政处罚法第五十八条) waits as 待法制审核; one the reviewer may
/// still give before the head decides is listed too, as 可法制审核, so the reviewer sees
/// every case before the decision that has none.
fn waiting_step(case: &Case, user: &User) -> Option<(ActionKind, String)> {
    QUEUE_STEPS.into_iter().find_map(|k| {
        if precheck(case, k, user).is_err() {
            return None;
        }
        if k != ActionKind::LegalReview {
            return Some((k, format!("待{}", k.label())));
        }
        if case.legal_reviews.iter().any(|r| r.agree) {
            return None;
        }
        if crate::domain::case::penalty::legal_review_required(case) {
            Some((k, "待法制审核".to_string()))
        } else if case.review_outcome.is_none() {
            Some((k, "可法制审核".to_string()))
        } else {
            None
        }
    })
}

impl State {
    pub fn load(env: &mut Env) -> State {
        let mut s = State {
            counts: vec![],
            items: vec![],
            sel: 0,
            queue_only: false,
            next: None,
            error: None,
            table_wanted: None,
            import_key: env.keymap.key_label("calendar", UiAction::ImportHolidays),
            leader: env.user.is_some_and(|u| crate::desk::may_review(u).is_ok()),
            lead_alert: None,
            leads_key: env.keymap.key_label("home", UiAction::GoLeads),
            recheck_alert: None,
            inspections_key: env.keymap.key_label("home", UiAction::GoInspections),
        };
        s.reload(env);
        s
    }

    pub fn reload(&mut self, env: &mut Env) {
        let Some(user) = env.user else { return };
        self.error = None;
        // The desk's cached calendar: the 工作台 reloads after every screen above it closes.
        let today = env.today;
        self.table_wanted = env
            .desk
            .rule_ctx(today, |ctx| ctx.calendar.table_wanted(today))
            .ok()
            .flatten();
        self.lead_alert = lead_alert(env, &self.leads_key);
        self.recheck_alert =
            crate::tui::screens::inspections::rechecks_due_line(env, &self.inspections_key);
        match env.desk.store().stage_counts() {
            Ok(c) => self.counts = c,
            Err(e) => self.error = Some(format!("无法读取各阶段案件数：{e}")),
        }
        let approver = [Role::Head, Role::SquadLeader, Role::LegalReviewer]
            .iter()
            .any(|r| user.has(*r));
        self.items.clear();
        self.next = if approver {
            Some(Cursor {
                part: Part::Queue,
                after: None,
            })
        } else if self.queue_only {
            None
        } else {
            Some(Cursor {
                part: Part::Mine,
                after: None,
            })
        };
        // As far as the selection was, so a reload keeps the user's place.
        let keep = self.sel;
        while self.next.is_some() && self.items.len() <= keep + PAGE as usize {
            self.load_page(env);
        }
        self.sel = self.sel.min(self.items.len().saturating_sub(1));
    }

    /// Reads one page of the current part (one query) and moves the cursor on.
    fn load_page(&mut self, env: &mut Env) {
        let (Some(cursor), Some(user)) = (self.next, env.user) else {
            return;
        };
        let open: Vec<Stage> = Stage::ALL
            .into_iter()
            .filter(|s| !matches!(s, Stage::Closed | Stage::Archived))
            .collect();
        let f = CaseFilter {
            any_stage: match cursor.part {
                Part::Queue => QUEUE_STAGES.to_vec(),
                Part::Mine => open,
            },
            handler: (cursor.part == Part::Mine).then_some(user.id),
            sort: CaseSort::NextDue,
            limit: Some(PAGE),
            page: cursor.after.map_or(PageAt::Offset, PageAt::After),
            ..CaseFilter::default()
        };
        let page = match env.desk.store().list_cases_with_data(&f) {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(format!("无法读取待办案件：{e}"));
                self.next = None;
                return;
            }
        };
        let full = page.len() == PAGE as usize;
        let last = page.last().map(|(r, _)| r.id);
        for (row, case) in page {
            let why = match cursor.part {
                Part::Queue => match waiting_step(&case, user) {
                    Some((_, why)) => why,
                    None => continue,
                },
                Part::Mine => "我的案件".to_string(),
            };
            self.items.push(Item { row, why });
        }
        self.next = if full {
            Some(Cursor {
                after: last,
                ..cursor
            })
        } else if cursor.part == Part::Queue && !self.queue_only {
            Some(Cursor {
                part: Part::Mine,
                after: None,
            })
        } else {
            None
        };
    }

    /// Loads pages until the item after the selection exists (or there is no more).
    fn load_to_selection(&mut self, env: &mut Env) {
        while self.next.is_some() && self.sel + 1 >= self.items.len() {
            self.load_page(env);
        }
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        match a {
            UiAction::ToggleQueue => {
                self.queue_only = !self.queue_only;
                self.sel = 0;
                self.reload(env);
                return Outcome::Status(
                    if self.queue_only {
                        "只看待我审核、审批的案件（r 恢复）"
                    } else {
                        "显示全部待办"
                    }
                    .into(),
                );
            }
            UiAction::Down => {
                self.load_to_selection(env);
                self.sel = (self.sel + 1).min(self.items.len().saturating_sub(1));
                self.load_to_selection(env);
            }
            UiAction::Up => self.sel = self.sel.saturating_sub(1),
            UiAction::Open => {
                if let Some(item) = self.items.get(self.sel) {
                    return match case_view::State::load(item.row.id, env) {
                        Ok(s) => Outcome::Push(Screen::Case(Box::new(s))),
                        Err(e) => Outcome::Error(e),
                    };
                }
            }
            UiAction::GoCases => return Outcome::Push(Screen::Cases(cases::State::load(env))),
            UiAction::NewOnSpot => {
                return Outcome::Push(Screen::NewCase(Box::new(new_case::State::on_spot(env))))
            }
            UiAction::New => {
                return Outcome::Push(Screen::NewCase(Box::new(new_case::State::new(env))))
            }
            UiAction::GoCalendar => {
                return Outcome::Push(Screen::Calendar(Box::new(calendar::State::load(env))))
            }
            UiAction::GoUsers => return Outcome::Push(Screen::Users(users::State::load(env))),
            UiAction::GoDashboard => {
                return Outcome::Push(Screen::Dashboard(Box::new(
                    crate::tui::screens::dashboard::State::load(env),
                )))
            }
            UiAction::GoPowers => return Outcome::Push(Screen::Powers(powers::State::load(env))),
            UiAction::GoReview => return crate::tui::screens::review_round::open(env),
            UiAction::GoFaults => return crate::tui::screens::faults::open(env),
            UiAction::GoPatrols => return crate::tui::screens::patrols::open(env),
            UiAction::GoLeads => return crate::tui::screens::leads::open(env),
            UiAction::GoInspections => return crate::tui::screens::inspections::open(env),
            UiAction::Back | UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        Outcome::Stay
    }
}

/// The 线索 line: how many leads are undecided past their verification deadline (行政处罚法
/// 第七十六条 makes not filing in time a disciplinary matter) and how many named reporters
/// were not answered in time; None when both are nought.
fn lead_alert(env: &Env, key: &str) -> Option<String> {
    let lines = match env.desk.lead_lines(env.today) {
        Ok(l) => l,
        Err(e) => return Some(format!("无法读取线索期限：{e}")),
    };
    let overdue = lines.iter().filter(|l| l.overdue).count();
    let unanswered = lines.iter().filter(|l| l.reply_overdue).count();
    (overdue + unanswered > 0).then(|| {
        format!("线索：{overdue} 条超过核查期限未处理，{unanswered} 条未按期答复举报人（按 {key} 查看）")
    })
}

/// The banner that asks for a year's holiday table: deadlines in that year are estimates
/// until it is imported.
fn table_banner(year: i32, keys: &str) -> String {
    format!(
        "尚未导入{year}年节假日表，{year}年的期限暂为预计日期。\
         国务院放假通知发布后，请管理员在期限日历按 {keys} 导入。"
    )
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let banner = s
        .table_wanted
        .map(|y| table_banner(y, &s.import_key))
        .unwrap_or_default();
    let banner_h = if banner.is_empty() {
        0
    } else {
        // One more line than the width needs: wrapping breaks before a word that does not fit.
        let w = unicode_width::UnicodeWidthStr::width(banner.as_str()) as u16;
        (w.div_ceil(area.width.max(1)) + 1).min(3)
    };
    let alerts: Vec<&String> = [&s.lead_alert, &s.recheck_alert]
        .into_iter()
        .flatten()
        .collect();
    let alert_h: u16 = alerts
        .iter()
        .map(|a| {
            let w = unicode_width::UnicodeWidthStr::width(a.as_str()) as u16;
            w.div_ceil(area.width.max(1)).clamp(1, 2)
        })
        .sum();
    let [banner_area, alert_area, counts_area, list_area] = Layout::vertical([
        Constraint::Length(banner_h),
        Constraint::Length(alert_h),
        Constraint::Length(3),
        Constraint::Min(1),
    ])
    .areas(area);
    if !alerts.is_empty() {
        let lines: Vec<Line> = alerts
            .iter()
            .map(|a| Line::from(Span::styled(ui::clean(a), ui::bad())))
            .collect();
        f.render_widget(
            Paragraph::new(lines).wrap(ratatui::widgets::Wrap { trim: false }),
            alert_area,
        );
    }
    if banner_h > 0 {
        f.render_widget(
            Paragraph::new(Span::styled(banner, ui::warn()))
                .wrap(ratatui::widgets::Wrap { trim: false }),
            banner_area,
        );
    }
    // Pack "阶段 数" items into lines by display width so no item is split across lines.
    let label = "各阶段案件数：";
    let room = (counts_area.width as usize).saturating_sub(1);
    let mut lines: Vec<Vec<Span>> = vec![vec![Span::styled(label, ui::dim())]];
    let mut used = unicode_width::UnicodeWidthStr::width(label);
    for st in Stage::ALL {
        let n = s
            .counts
            .iter()
            .find(|(stage, _)| *stage == st)
            .map_or(0, |(_, n)| *n);
        let item = format!("{} {n}  ", st.name());
        let w = unicode_width::UnicodeWidthStr::width(item.as_str());
        if used + w > room && used > 0 {
            lines.push(Vec::new());
            used = 0;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.push(Span::raw(item));
        }
    }
    f.render_widget(
        Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
            .block(Block::default().borders(Borders::BOTTOM)),
        counts_area,
    );
    // Column widths: what is due needs about 30 cells; the party name takes what is left.
    let wide = list_area.width >= 100;
    let why_w = if wide { 17 } else { 13 };
    // 合综执当罚〔2026〕12345号 is 25 cells; one more keeps a gap before the party.
    let no_w = 26;
    let party_w = (list_area.width as usize)
        .saturating_sub(why_w + no_w + 31)
        .clamp(12, 30);
    let height = list_area.height.saturating_sub(1) as usize;
    let start = s.sel.saturating_sub(height.saturating_sub(1));
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{}{}{}{}",
            crate::text::fit("事项", why_w),
            crate::text::fit("案号", no_w),
            crate::text::fit("当事人", party_w),
            "下一期限"
        ),
        ui::dim(),
    ))];
    if let Some(e) = &s.error {
        lines.push(Line::from(Span::styled(ui::clean(e), ui::bad())));
    } else if s.items.is_empty() {
        lines.push(Line::from(
            "暂无待办事项。按 c 查看案件列表，p 查看权限清单。",
        ));
    }
    for (i, item) in s.items.iter().enumerate().skip(start).take(height) {
        let r = &item.row;
        let due = match (&r.next_due_kind, &r.next_due, &r.next_due_state) {
            (Some(k), Some(d), Some(st)) => format!("{} {d} {}", k.label(), st.label()),
            _ => String::new(),
        };
        let style = if i == s.sel {
            ui::selected()
        } else {
            ui::deadline_style(r.next_due_state)
        };
        let text = format!(
            "{}{}{}{}",
            crate::text::fit(&item.why, why_w),
            crate::text::fit(&r.case_no, no_w),
            // One cell kept free so a cut name does not run into the deadline.
            crate::text::fit(&r.party_names, party_w - 1) + " ",
            due
        );
        lines.push(Line::from(Span::styled(text, style)));
    }
    f.render_widget(Paragraph::new(lines), list_area);
}

impl View for State {
    fn title(&self) -> String {
        "工作台".into()
    }
    fn section(&self) -> &'static str {
        "home"
    }
    fn acts(&self, a: UiAction) -> bool {
        match a {
            UiAction::GoReview | UiAction::GoFaults => self.leader,
            _ => true,
        }
    }
    fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        State::handle(self, a, env)
    }
    fn reload(&mut self, env: &mut Env) {
        State::reload(self, env)
    }
    fn draw(&self, f: &mut Frame, area: Rect) {
        draw(f, area, self)
    }
}
