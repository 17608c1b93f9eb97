//! 案件详情: header, stage timeline, deadlines, tabs (基本信息 当事人 证据 笔录 文书 审批 执行
//! 记录), and the menu of next steps — those this user may take now, and the others with the
//! rule that stops them.

use std::collections::BTreeMap;

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Tabs, Wrap};
use ratatui::Frame;

use crate::domain::case::deadlines::Deadline;
use crate::domain::case::rule::RuleKind;
use crate::domain::case::{ActionKind, Case, RuleResult, Stage};
use crate::domain::people::User;
use crate::store::AuditEntry;
use crate::tui::action::UiAction;
use crate::tui::app::{Env, Outcome, Screen};
use crate::tui::screens::form;
use crate::tui::ui;
use crate::tui::view::View;

/// The tabs of the case view, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Basic,
    Parties,
    Evidence,
    Records,
    Documents,
    Approvals,
    Execution,
    Goods,
    Log,
    Review,
}

impl Tab {
    pub const ALL: [Tab; 10] = [
        Tab::Basic,
        Tab::Parties,
        Tab::Evidence,
        Tab::Records,
        Tab::Documents,
        Tab::Approvals,
        Tab::Execution,
        Tab::Goods,
        Tab::Log,
        Tab::Review,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Basic => "基本信息",
            Tab::Parties => "当事人",
            Tab::Evidence => "证据",
            Tab::Records => "笔录",
            Tab::Documents => "文书",
            Tab::Approvals => "审批",
            Tab::Execution => "执行",
            Tab::Goods => "物品",
            Tab::Log => "记录",
            Tab::Review => "评查",
        }
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    /// The tab `step` places on (negative: to the left), wrapping around.
    fn moved(self, step: isize) -> Tab {
        let n = Tab::ALL.len() as isize;
        Tab::ALL[(self.index() as isize + step).rem_euclid(n) as usize]
    }
}

pub struct Menu {
    pub items: Vec<(ActionKind, RuleResult)>,
    pub sel: usize,
}

pub struct State {
    /// Key letters the screen's own lines name, as the keymap binds them.
    keys: Keys,
    pub id: i64,
    pub case_no: String,
    pub case: Case,
    pub deadlines: Vec<Deadline>,
    pub audit: Vec<AuditEntry>,
    pub users: BTreeMap<i64, User>,
    pub tab: Tab,
    /// What could not be read (deadlines, the log, staff names), shown above the tabs.
    pub error: Option<String>,
    pub scroll: u16,
    pub menu: Option<Menu>,
    /// Full ID numbers, phones and addresses on the 当事人 tab (each reveal is audited).
    pub full_personal: bool,
    /// The 评查 tab: rule findings as of today and the saved review rounds.
    pub review: super::case_review::ReviewTab,
    /// The 文书 tab, loaded when first shown.
    pub docs: Option<super::documents_tab::DocsTab>,
    /// The leads filed as or merged into this case (来源线索).
    pub source_leads: String,
    /// What may lawfully be done next about the order to act, as of load (the calendar is
    /// read once here, not while drawing).
    pub duty_next: Option<String>,
    /// Goods held after their measure ended (行政强制法第二十八条), as of load.
    pub goods_flags: Vec<String>,
}

impl State {
    pub fn load(id: i64, env: &mut Env) -> Result<State, String> {
        let store = env.desk.store();
        let case = store.load_case(id).map_err(|e| e.to_string())?;
        let review = super::case_review::ReviewTab::load(env.desk, &case, env.today);
        let mut error = None;
        let calendar = if case.duty.is_some() || !case.goods.is_empty() {
            super::or_note(store.calendar().map(Some), "节假日表", &mut error)
        } else {
            None
        };
        let duty_next = case
            .duty
            .as_ref()
            .zip(calendar.as_ref())
            .map(|(o, cal)| crate::domain::enforcement::next_lawful_step(o, cal));
        let goods_flags = calendar
            .as_ref()
            .and_then(|cal| {
                crate::domain::case::gates::goods_held_unlawfully(&case, env.today, cal).ok()
            })
            .unwrap_or_default()
            .into_iter()
            .map(|u| {
                format!(
                    "第{}项 {}：{}（{}）",
                    u.index + 1,
                    u.description,
                    u.reason,
                    u.rule
                )
            })
            .collect();
        Ok(State {
            keys: Keys::new(env),
            id,
            case_no: store.case_no(id).map_err(|e| e.to_string())?,
            case,
            deadlines: super::or_note(store.case_deadlines(id), "期限", &mut error),
            audit: super::or_note(store.case_audit(id), "审计记录", &mut error),
            users: super::or_note(store.users(), "人员", &mut error),
            error,
            tab: Tab::Basic,
            scroll: 0,
            menu: None,
            full_personal: false,
            review,
            docs: None,
            source_leads: super::leads::of_case(env, id),
            duty_next,
            goods_flags,
        })
    }

    pub fn reload(&mut self, env: &mut Env) {
        match State::load(self.id, env) {
            Ok(fresh) => {
                let (tab, full) = (self.tab, self.full_personal);
                *self = fresh;
                self.tab = tab;
                self.full_personal = full;
                if tab == Tab::Documents {
                    self.docs = Some(super::documents_tab::DocsTab::load(self, env));
                }
            }
            // What is shown is kept, and said to be stale.
            Err(e) => self.error = Some(format!("无法重新读取本案，所示可能不是最新：{e}")),
        }
    }

    /// The steps this user may take now, then those refused by a rule worth knowing (role,
    /// separation of duties, a missing prerequisite); steps of other stages are left out.
    fn open_menu(&mut self, user: &User, env: &Env) -> Outcome {
        let items = match env.desk.available(&self.case, user, env.today) {
            Ok(items) => items,
            Err(e) => return Outcome::Error(format!("无法读取办案规则：{e}")),
        };
        let mut items: Vec<(ActionKind, RuleResult)> = items
            .into_iter()
            .filter(|(_, r)| !matches!(r, Err(e) if e.kind == RuleKind::Stage))
            .collect();
        items.sort_by_key(|(_, r)| r.is_err());
        self.menu = Some(Menu { items, sel: 0 });
        Outcome::Stay
    }

    pub fn handle(&mut self, a: UiAction, env: &mut Env) -> Outcome {
        if let Some(menu) = &mut self.menu {
            match a {
                UiAction::Down => menu.sel = (menu.sel + 1).min(menu.items.len().saturating_sub(1)),
                UiAction::Up => menu.sel = menu.sel.saturating_sub(1),
                UiAction::Back => self.menu = None,
                UiAction::Open => {
                    let Some((kind, allowed)) = menu.items.get(menu.sel) else {
                        return Outcome::Error("本阶段没有您可以办理的环节".into());
                    };
                    return match allowed {
                        Ok(()) => {
                            let form = form::State::new(&self.case, *kind, &self.users, env);
                            self.menu = None;
                            Outcome::Push(Screen::Form(Box::new(form)))
                        }
                        Err(e) => Outcome::Error(format!("不能{}：{e}", kind.label())),
                    };
                }
                UiAction::Quit => return Outcome::Quit,
                _ => {}
            }
            return Outcome::Stay;
        }
        if self.tab == Tab::Documents {
            if let Some(o) = super::documents_tab::handle(self, a, env) {
                return o;
            }
        }
        match a {
            UiAction::NextTab => {
                self.tab = self.tab.moved(1);
                self.scroll = 0;
            }
            UiAction::PrevTab => {
                self.tab = self.tab.moved(-1);
                self.scroll = 0;
            }
            UiAction::Down => self.scroll = self.scroll.saturating_add(1),
            UiAction::Up => self.scroll = self.scroll.saturating_sub(1),
            UiAction::Menu | UiAction::Open => {
                return match env.user {
                    Some(u) => self.open_menu(u, env),
                    None => Outcome::Error("请先登录".into()),
                }
            }
            UiAction::RevealPersonal => return self.toggle_personal(env),
            UiAction::Back => return Outcome::Pop(None),
            UiAction::Quit => return Outcome::Quit,
            _ => {}
        }
        if self.tab == Tab::Documents && self.docs.is_none() {
            self.docs = Some(super::documents_tab::DocsTab::load(self, env));
        }
        Outcome::Stay
    }

    /// Shows full personal data after recording who asked; hides it again without a record.
    fn toggle_personal(&mut self, env: &mut Env) -> Outcome {
        if self.full_personal {
            self.full_personal = false;
            return Outcome::Status("已隐去完整个人信息".into());
        }
        let Some(user) = env.user else {
            return Outcome::Error("请先登录".into());
        };
        let who = crate::store::Who::user(user);
        let recorded =
            env.desk
                .record_access(self.id, &who, crate::domain::privacy::PERSONAL_DATA_VIEWED);
        match recorded {
            Ok(()) => {
                self.full_personal = true;
                self.tab = Tab::Parties;
                self.audit = super::or_note(
                    env.desk.store().case_audit(self.id),
                    "审计记录",
                    &mut self.error,
                );
                Outcome::Status(format!(
                    "已显示完整个人信息（已记入审计记录）；再按 {} 隐去",
                    self.keys.reveal
                ))
            }
            Err(e) => Outcome::Error(format!("无法记录查看，未显示完整信息（{e}）")),
        }
    }

    fn name(&self, id: &i64) -> String {
        self.users
            .get(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| format!("#{id}"))
    }

    fn names(&self, ids: &[i64]) -> String {
        ids.iter()
            .map(|i| self.name(i))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The order to act and everything done to enforce it, then the next lawful step.
    fn duty_lines(&self, o: &crate::domain::enforcement::DutyOrder) -> Vec<String> {
        use crate::domain::serde_name;
        let e = &o.enforcement;
        let mut out = vec![format!(
            "{}：{}，期限 {}（{}）",
            o.kind.name(),
            o.obligation,
            o.deadline,
            o.served_on
                .map_or("未送达".to_string(), |d| format!("{d} 送达"))
        )];
        out.push(format!("强制执行：{}", serde_name(&o.power)));
        if let Some(d) = &e.demand {
            out.push(format!("催告：{} 期限至 {}  {}", d.date, d.deadline, d.way));
        }
        for st in &e.statements {
            out.push(format!(
                "陈述申辩：{} {}（{}）",
                st.date,
                st.summary,
                if st.adopted { "采纳" } else { "不采纳" }
            ));
        }
        if let Some(d) = &e.decision {
            out.push(format!("强制执行决定：{} {}", d.date, d.way_and_time));
        }
        if let Some(n) = &e.public_notice {
            out.push(format!(
                "强制拆除公告：{} 限期{} {}",
                n.date, n.period, n.place
            ));
        }
        if let Some(s) = &e.substitute {
            out.push(format!(
                "代履行决定：{} 于 {} 由 {} 实施，预算 {}{}",
                s.decision.date,
                s.decision.planned_on,
                s.decision.performer,
                s.decision.cost_estimate,
                s.cost.map(|c| format!("，实际 {c}")).unwrap_or_default()
            ));
            if let Some(d) = s.demand_on {
                out.push(format!("代履行催告：{d}"));
            }
        }
        if let Some(im) = &e.immediate {
            out.push(format!(
                "立即代履行：{} {}{}",
                im.date,
                im.description,
                im.notified_on
                    .map(|d| format!("，{d} 事后通知"))
                    .unwrap_or_default()
            ));
        }
        if let Some(a) = &e.agreement {
            out.push(format!("执行协议：{} {}", a.date, a.terms));
        }
        if let Some(sp) = &e.suspension {
            out.push(format!("中止执行：{} {}", sp.date, sp.reason));
        }
        for d in &e.days {
            out.push(format!(
                "实施：{} {}-{} {}（{}）{}",
                d.date,
                d.start.format("%H:%M"),
                d.end.format("%H:%M"),
                d.removed,
                self.names(&d.officers),
                if d.completed { " 执行完毕" } else { "" }
            ));
        }
        if let Some(next) = &self.duty_next {
            out.push(format!("▶ {next}"));
        }
        out
    }

    /// The case's goods register with each movement, and goods held after release.
    fn goods_lines(&self) -> Vec<String> {
        use crate::domain::serde_name;
        let c = &self.case;
        if c.goods.is_empty() {
            return vec!["尚无登记的罚没物品（环节菜单“登记罚没物品”）".into()];
        }
        let mut out = Vec::new();
        for (i, g) in c.goods.iter().enumerate() {
            let origin = match g.confiscated_on {
                Some(on) if g.origin != crate::domain::enforcement::GoodsOrigin::Confiscated => {
                    format!("{}（{on} 决定没收）", serde_name(&g.origin))
                }
                _ => serde_name(&g.origin),
            };
            out.push(format!(
                "{}. {} {}{} 估价 {}  {}  {}  存放 {} 保管 {}",
                i + 1,
                g.description,
                g.quantity,
                g.unit,
                g.estimated_value,
                origin,
                serde_name(&g.state()),
                g.storage_place,
                g.custodian
            ));
            for m in &g.movements {
                out.push(format!(
                    "   {} {} {} 批准 {}{}",
                    m.date,
                    serde_name(&m.kind),
                    m.to,
                    self.name(&m.approver),
                    if m.witnesses.is_empty() {
                        String::new()
                    } else {
                        format!(" 见证 {}", m.witnesses.join("、"))
                    }
                ));
            }
        }
        for f in &self.goods_flags {
            out.push(format!("⚠ {f}"));
        }
        out
    }

    fn tab_lines(&self) -> Vec<Line<'static>> {
        let c = &self.case;
        let mut out: Vec<String> = Vec::new();
        match self.tab {
            Tab::Basic => {
                out.push(format!(
                    "案由：{}（{}）",
                    c.power.power.cause(),
                    c.power.power.code
                ));
                out.push(format!("权限事项：{}", c.power.power.name));
                out.push(format!("依据：{}", c.power.power.penalty));
                out.push(format!("法定处罚：{}", c.power.power.statutory.summary()));
                out.push(format!(
                    "程序：{}  来源：{}",
                    crate::domain::serde_name(&c.procedure),
                    crate::domain::serde_name(&c.source)
                ));
                out.push(format!("违法地点：{}", c.place));
                if !self.source_leads.is_empty() {
                    out.push(format!("来源线索：{}", self.source_leads));
                }
                out.push(format!(
                    "违法行为日期：{}  发现日期：{}",
                    c.act_date, c.discovered_on
                ));
                out.push(format!(
                    "承办人：{}  协助：{}",
                    self.names(&c.handlers),
                    self.names(&c.assistants)
                ));
                out.push(format!("案情：{}", c.facts));
                if let Some(o) = &c.outcome {
                    out.push(format!("处理结果：{}", o.label()));
                }
                if let Some(p) = &c.proposal {
                    let kinds: Vec<&str> = p.kinds.iter().map(|k| k.name()).collect();
                    out.push(format!(
                        "处理建议：{}，罚款 {}（阶次 {}）",
                        kinds.join("、"),
                        p.fine,
                        p.tier.map(|t| t.name()).unwrap_or("-")
                    ));
                }
            }
            Tab::Parties => {
                for p in &c.parties {
                    let shown = crate::domain::privacy::shown_party(p, self.full_personal);
                    out.push(format!("{}  {}", shown.name, shown.id_number));
                    out.push(format!("  电话：{}", shown.phone));
                    out.push(format!("  地址：{}", shown.address));
                }
                if !self.full_personal {
                    out.push(format!(
                        "（证件号、电话、住址已部分隐去；按 {} 显示完整信息，将记入审计记录）",
                        self.keys.reveal
                    ));
                }
            }
            Tab::Evidence => {
                if c.evidence.is_empty() {
                    out.push("尚无证据".into());
                }
                for (i, e) in c.evidence.iter().enumerate() {
                    out.push(format!(
                        "{}. [{}] {} {} {}  取证：{}",
                        i + 1,
                        crate::domain::serde_name(&e.kind),
                        e.collected_on,
                        e.time,
                        e.description,
                        self.names(&e.collectors)
                    ));
                    for a in &e.attachments {
                        out.push(format!("   附件 {}（{} 字节）", a.file_name, a.size));
                    }
                }
            }
            Tab::Records => {
                if c.records.is_empty() {
                    out.push("尚无笔录".into());
                }
                for (i, r) in c.records.iter().enumerate() {
                    out.push(format!(
                        "{}. {} {} {}-{} {}  执法人员：{}",
                        i + 1,
                        r.kind.name(),
                        r.date,
                        r.start,
                        r.end,
                        r.place,
                        self.names(&r.officers)
                    ));
                    out.push(format!("   {}：{}", r.persons.join("、"), r.content));
                }
            }
            Tab::Documents => {} // drawn by documents_tab::draw, with its own preview scroll
            Tab::Approvals => {
                if let Some(a) = &c.filing {
                    out.push(format!(
                        "立案审批：{} {} {}",
                        self.name(&a.by),
                        a.date,
                        a.opinion
                    ));
                }
                if let Some(a) = &c.squad_review {
                    out.push(format!(
                        "中队长审核：{} {} {}",
                        self.name(&a.by),
                        a.date,
                        a.opinion
                    ));
                }
                for a in &c.legal_reviews {
                    out.push(format!(
                        "法制审核：{} {} {} {}",
                        self.name(&a.by),
                        a.date,
                        if a.agree { "通过" } else { "未通过" },
                        a.opinion
                    ));
                }
                for d in &c.discussions {
                    out.push(format!(
                        "集体讨论：{} 参加 {}：{}",
                        d.date,
                        self.names(&d.attendees),
                        d.conclusion
                    ));
                }
                if let Some((a, _)) = &c.review_outcome {
                    out.push(format!(
                        "负责人审查决定：{} {} {}",
                        self.name(&a.by),
                        a.date,
                        a.opinion
                    ));
                }
                if let Some(a) = &c.closing {
                    out.push(format!(
                        "结案审批：{} {} {}",
                        self.name(&a.by),
                        a.date,
                        a.opinion
                    ));
                }
                if out.is_empty() {
                    out.push("尚无审批记录".into());
                }
            }
            Tab::Execution => {
                if let Some(d) = &c.decision {
                    out.push(format!(
                        "决定：{} 罚款 {}  没收 {}",
                        d.date, d.fine, d.confiscation
                    ));
                }
                out.push(format!("应缴 {}  已缴 {}", c.fine_due(), c.paid()));
                for p in &c.payments {
                    out.push(format!(
                        "缴款：{} {} {} {}",
                        p.date,
                        p.amount,
                        crate::domain::serde_name(&p.method),
                        p.receipt_no
                    ));
                }
                if let Some(plan) = &c.plan {
                    for i in &plan.instalments {
                        out.push(format!("分期：{} {}", i.due, i.amount));
                    }
                }
                for d in &c.demands {
                    out.push(format!(
                        "催告：{} 金额 {}（含加处罚款 {}）",
                        d.date, d.amount, d.surcharge
                    ));
                }
                if let Some(ct) = &c.court {
                    out.push(format!("申请强制执行：{} {}", ct.date, ct.court));
                }
                if let Some(o) = &c.duty {
                    out.extend(self.duty_lines(o));
                }
                for r in &c.remedies {
                    out.push(format!(
                        "{}：{} 起{}",
                        crate::domain::serde_name(&r.kind),
                        r.started_on,
                        r.result
                            .map(|x| format!("，结果 {}", crate::domain::serde_name(&x)))
                            .unwrap_or_default()
                    ));
                }
            }
            Tab::Goods => out.extend(self.goods_lines()),
            Tab::Review => out.extend(self.review.lines()),
            Tab::Log => {
                for e in &self.audit {
                    let summary = if self.full_personal {
                        e.summary.clone()
                    } else {
                        crate::domain::privacy::mask_free_text(&e.summary)
                    };
                    out.push(format!(
                        "{}  {}  {summary}",
                        e.at.replace('T', " "),
                        e.user_name,
                    ));
                }
            }
        }
        out.into_iter().map(|l| Line::from(ui::clean(&l))).collect()
    }
}

pub fn draw(f: &mut Frame, area: Rect, s: &State) {
    let [head, timeline, deadlines, tabs, body] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let c = &s.case;
    let party = c
        .parties
        .first()
        .map(|p| p.display_name())
        .unwrap_or_default();
    let amount = c
        .decision
        .as_ref()
        .map(|d| format!("  罚款 {}", d.fine))
        .unwrap_or_default();
    f.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(
                format!(
                    "{}  [{}]  {}{amount}",
                    s.case_no,
                    c.stage.name(),
                    ui::clean(&party)
                ),
                ui::warn(),
            )),
            Line::from(ui::clean(&c.power.power.name)),
        ]),
        head,
    );
    let mut spans = Vec::new();
    for st in [
        Stage::Proposed,
        Stage::Investigating,
        Stage::Reviewing,
        Stage::Notifying,
        Stage::Serving,
        Stage::Executing,
        Stage::Closed,
        Stage::Archived,
    ] {
        let date = c.entered(st).map(|d| d.format("%m-%d").to_string());
        let style = if date.is_some() {
            ui::warn()
        } else {
            ui::dim()
        };
        spans.push(Span::styled(
            format!(
                "{}{} ",
                st.name(),
                date.map(|d| format!(" {d}")).unwrap_or_default()
            ),
            style,
        ));
        spans.push(Span::styled("> ", ui::dim()));
    }
    spans.pop();
    f.render_widget(Paragraph::new(Line::from(spans)), timeline);
    let open: Vec<Span> = s
        .deadlines
        .iter()
        .filter(|d| {
            let state = d.status.state();
            state.is_open() || state == crate::domain::case::deadlines::DeadlineState::Unknown
        })
        .map(|d| {
            let state = match d.status.missing_year() {
                Some(year) => format!("{}（缺少{year}年节假日表）", d.status.label()),
                None => d.status.describe(),
            };
            Span::styled(
                format!(
                    "{} {} {}  ",
                    d.label(),
                    d.due.map(|x| x.to_string()).unwrap_or_default(),
                    state
                ),
                ui::deadline_style(Some(d.status.state())),
            )
        })
        .collect();
    let open = if open.is_empty() {
        vec![Span::styled("期限：无待办期限", ui::dim())]
    } else {
        open
    };
    f.render_widget(
        Paragraph::new(Line::from(open)).wrap(Wrap { trim: true }),
        deadlines,
    );
    f.render_widget(
        Tabs::new(Tab::ALL.map(Tab::label))
            .select(s.tab.index())
            .highlight_style(ui::selected())
            .divider("|"),
        tabs,
    );
    let body = ui::load_error(f, body, &s.error);
    if s.tab == Tab::Documents {
        super::documents_tab::draw(f, body, s);
    } else {
        f.render_widget(
            Paragraph::new(s.tab_lines())
                .wrap(Wrap { trim: false })
                .scroll((s.scroll, 0)),
            body,
        );
    }
    if let Some(menu) = &s.menu {
        let inner = ui::popup(
            f,
            ui::centered(area, 76, area.height.saturating_sub(2)),
            &s.keys.menu_title,
        );
        let height = inner.height as usize;
        // Each entry wraps (its reason may be long); the selected one is kept in view.
        let entries: Vec<(usize, String)> = menu
            .items
            .iter()
            .enumerate()
            .flat_map(|(i, (k, r))| {
                let text = match r {
                    Ok(()) => format!("可办理  {}", k.label()),
                    Err(e) => format!("不可办  {}：{}", k.label(), e),
                };
                ui::wrap_columns(&ui::clean(&text), inner.width as usize, 8)
                    .into_iter()
                    .map(move |line| (i, line))
            })
            .collect();
        let last_of_selected = entries
            .iter()
            .rposition(|(i, _)| *i == menu.sel)
            .unwrap_or(0);
        let start = (last_of_selected + 1).saturating_sub(height);
        let lines: Vec<Line> = entries
            .into_iter()
            .skip(start)
            .take(height)
            .map(|(i, text)| {
                let style = if i == menu.sel {
                    ui::selected()
                } else if menu.items[i].1.is_ok() {
                    ratatui::style::Style::default()
                } else {
                    ui::dim()
                };
                Line::from(Span::styled(text, style))
            })
            .collect();
        let lines = if lines.is_empty() {
            vec![Line::from(Span::styled(
                "本阶段没有您可以办理的环节",
                ui::dim(),
            ))]
        } else {
            lines
        };
        f.render_widget(Paragraph::new(lines), inner);
    }
}

impl View for State {
    fn title(&self) -> String {
        format!("案件 {}", self.case_no)
    }
    fn section(&self) -> &'static str {
        if self.menu.is_some() {
            "menu"
        } else {
            "case"
        }
    }
    fn acts(&self, a: UiAction) -> bool {
        self.menu.is_some() || self.tab == Tab::Documents || !super::documents_tab::acts(a)
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

/// The key letters the case view names in its own lines.
#[derive(Debug, Clone)]
struct Keys {
    reveal: String,
    menu_title: String,
}

impl Keys {
    fn new(env: &Env) -> Keys {
        let key = |section, a| env.keymap.key_label(section, a);
        Keys {
            reveal: key("case", UiAction::RevealPersonal),
            menu_title: format!(
                "办理环节（{} 办理，{} 关闭）",
                key("menu", UiAction::Open),
                key("menu", UiAction::Back)
            ),
        }
    }
}
