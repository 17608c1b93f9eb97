//! The `:` commands: one table, read by the command line (`App::run_command`) and by the
//! help overlay, so the help lists exactly the commands that run.

/// Where a command works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// On every screen once logged in (`quit` also before).
    Global,
    /// Only on the case list (filters and order).
    CaseList,
}

/// What a command does; `App::run_command` matches this exhaustively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    Home,
    Cases,
    Powers,
    Calendar,
    Stats,
    Users,
    New,
    Spot,
    Logout,
    /// 案卷评查 rounds, the 评查质量报告, 过错责任 (leaders only).
    Review,
    Quality,
    Faults,
    /// 巡查记录.
    Patrols,
    /// 线索 (案源).
    Leads,
    /// 设置 (管理员).
    Settings,
    /// 检查 (行政检查).
    Inspections,
    /// Check the whole file (`zhifa check`).
    Check,
    /// Back the file and its evidence up now (`zhifa backup`).
    Backup,
    /// The 台账 (optionally one year's) and the 公示 list into the export folder.
    Ledger,
    Publish,
    Goods,
    List(ListCommand),
}

/// The case list's filters and order (`cases::State::apply_command`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListCommand {
    Stage,
    Field,
    Squad,
    Officer,
    From,
    To,
    Sort,
    Clear,
}

pub struct CommandSpec {
    /// The name typed after `:`.
    pub name: &'static str,
    /// Other names that run the same command (Chinese, short forms).
    pub aliases: &'static [&'static str],
    /// The argument, as shown in a usage message; empty when the command takes none.
    pub args: &'static str,
    pub desc: &'static str,
    pub scope: Scope,
    pub command: Command,
}

const fn global(
    name: &'static str,
    aliases: &'static [&'static str],
    desc: &'static str,
    command: Command,
) -> CommandSpec {
    CommandSpec {
        name,
        aliases,
        args: "",
        desc,
        scope: Scope::Global,
        command,
    }
}

const fn list(
    name: &'static str,
    alias: &'static [&'static str],
    args: &'static str,
    desc: &'static str,
    c: ListCommand,
) -> CommandSpec {
    CommandSpec {
        name,
        aliases: alias,
        args,
        desc,
        scope: Scope::CaseList,
        command: Command::List(c),
    }
}

pub const COMMANDS: &[CommandSpec] = &[
    global("home", &["工作台"], "回到工作台", Command::Home),
    global("cases", &["案件"], "案件列表", Command::Cases),
    global("powers", &["清单"], "权限清单", Command::Powers),
    global("calendar", &["日历"], "期限日历", Command::Calendar),
    global("stats", &["看板"], "队长看板", Command::Stats),
    global("users", &["用户"], "用户管理", Command::Users),
    global("new", &["立案"], "提请立案", Command::New),
    global("spot", &["当场"], "当场处罚", Command::Spot),
    global("review", &["评查"], "案卷评查", Command::Review),
    global("quality", &["质量"], "评查质量报告", Command::Quality),
    global("faults", &["过错"], "过错责任", Command::Faults),
    global("patrols", &["巡查"], "巡查记录", Command::Patrols),
    global("leads", &["线索", "案源"], "线索（案源）", Command::Leads),
    global(
        "inspect",
        &["检查", "行政检查"],
        "检查（记录、对象、抽查计划）",
        Command::Inspections,
    ),
    global("logout", &["注销"], "注销", Command::Logout),
    global("settings", &["设置"], "设置（管理员）", Command::Settings),
    global("check", &["校验"], "检查数据库和审计链", Command::Check),
    global(
        "backup",
        &["备份"],
        "立即备份（含证据附件）",
        Command::Backup,
    ),
    CommandSpec {
        name: "ledger",
        aliases: &["台账"],
        args: "[年份]",
        desc: "导出案件台账（Excel，不填年份为全部）",
        scope: Scope::Global,
        command: Command::Ledger,
    },
    global(
        "publish",
        &["公示"],
        "导出公示清单（Excel，个人信息已遮蔽）",
        Command::Publish,
    ),
    global(
        "goods",
        &["罚没物品"],
        "导出罚没物品登记簿（Excel，供财务核对）",
        Command::Goods,
    ),
    global("quit", &["q", "退出"], "退出", Command::Quit),
    list("stage", &["阶段"], "阶段", "按阶段筛选", ListCommand::Stage),
    list("field", &["领域"], "领域", "按领域筛选", ListCommand::Field),
    list("squad", &["中队"], "中队", "按中队筛选", ListCommand::Squad),
    list(
        "officer",
        &["承办人"],
        "登录名",
        "按承办人筛选",
        ListCommand::Officer,
    ),
    list("from", &["起"], "日期", "立案日期自", ListCommand::From),
    list("to", &["止"], "日期", "立案日期至", ListCommand::To),
    list("sort", &["排序"], "列名", "换排序列", ListCommand::Sort),
    list("clear", &["清除"], "", "清除全部筛选", ListCommand::Clear),
];

/// The command a typed name runs.
pub fn find(name: &str) -> Option<&'static CommandSpec> {
    COMMANDS
        .iter()
        .find(|c| c.name == name || c.aliases.contains(&name))
}

/// The commands whose name (or an alias) starts with what was typed before any argument,
/// in table order; on the case list its filters too.
pub fn completions(typed: &str, on_case_list: bool) -> Vec<&'static CommandSpec> {
    let word = typed.trim_start();
    if word.contains(' ') {
        return Vec::new();
    }
    COMMANDS
        .iter()
        .filter(|c| on_case_list || c.scope == Scope::Global)
        .filter(|c| c.name.starts_with(word) || c.aliases.iter().any(|a| a.starts_with(word)))
        .collect()
}

/// The command line as the status line shows it: what was typed with a cursor, and the
/// matching commands with what they do (Tab completes the first).
pub fn palette_line(typed: &str, on_case_list: bool) -> String {
    let matches = completions(typed, on_case_list);
    let hint = match matches.as_slice() {
        [] if typed.contains(' ') => "回车执行".to_string(),
        [] => "没有这个命令（? 查看全部命令）".to_string(),
        [one] => format!(
            "{} {}{}（Tab 补全，回车执行）",
            one.name, one.args, one.desc
        ),
        many => format!(
            "{}（Tab 补全）",
            many.iter().map(|c| c.name).collect::<Vec<_>>().join(" ")
        ),
    };
    format!(":{typed}▏  {hint}")
}

/// `typed` completed to the first matching command's name (and a space if it takes an
/// argument); unchanged when nothing matches.
pub fn complete(typed: &str, on_case_list: bool) -> String {
    match completions(typed, on_case_list).first() {
        Some(c) if c.args.is_empty() => c.name.to_string(),
        Some(c) => format!("{} ", c.name),
        None => typed.to_string(),
    }
}

/// The commands as the help overlay lists them: the global names, then the case list's,
/// wrapped at `width` cells.
pub fn help_lines(width: usize) -> Vec<String> {
    let names = |scope: Scope| -> Vec<&str> {
        COMMANDS
            .iter()
            .filter(|c| c.scope == scope)
            .map(|c| c.name)
            .collect()
    };
    let mut words = vec![":".to_string(), "命令".to_string()];
    words.extend(names(Scope::Global).into_iter().map(String::from));
    if let Some(last) = words.last_mut() {
        last.push_str("；案件列表中另有");
    }
    words.extend(names(Scope::CaseList).into_iter().map(String::from));
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for w in words {
        let wide = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        if !line.is_empty() && wide(&line) + 1 + wide(&w) > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_runs_one_command() {
        let mut seen = std::collections::BTreeSet::new();
        for c in COMMANDS {
            for n in std::iter::once(&c.name).chain(c.aliases) {
                assert!(seen.insert(*n), "“{n}” names two commands");
                assert_eq!(find(n).map(|f| f.command), Some(c.command));
            }
        }
        assert!(find("fly").is_none());
    }

    #[test]
    fn help_lists_exactly_the_commands_table() {
        let text = help_lines(54).join(" ");
        let listed: Vec<&str> = text
            .split([' ', '；'])
            .filter(|w| w.is_ascii() && *w != ":" && !w.is_empty())
            .collect();
        let table: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        assert_eq!(listed, table);
        let (global, on_list) = text.split_once("案件列表中另有").unwrap();
        for c in COMMANDS {
            let part = match c.scope {
                Scope::Global => global,
                Scope::CaseList => on_list,
            };
            assert!(part.split([' ', '；']).any(|w| w == c.name), "{}", c.name);
        }
    }
}
