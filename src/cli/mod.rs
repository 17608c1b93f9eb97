//! The `zhifa` command line: parse arguments (clap), call store + domain, print Chinese text
//! or JSON. No legal rule lives here.

// Every line the CLI prints goes through the UI's sanitiser (`text::clean_lines`): text
// from data (names, places, settings, file names) never reaches the terminal with a control
// character or an escape sequence. These shadow std's macros in this module and in every
// command module declared below, so no command can print around them.
macro_rules! println {
    () => { ::std::println!() };
    ($($arg:tt)*) => {
        ::std::println!("{}", $crate::text::clean_lines(&::std::format!($($arg)*)))
    };
}
macro_rules! print {
    ($($arg:tt)*) => {
        ::std::print!("{}", $crate::text::clean_lines(&::std::format!($($arg)*)))
    };
}
macro_rules! eprintln {
    () => { ::std::eprintln!() };
    ($($arg:tt)*) => {
        ::std::eprintln!("{}", $crate::text::clean_lines(&::std::format!($($arg)*)))
    };
}

mod audit;
mod bench;
mod calendar;
mod case;
mod demo;
mod goods;
mod init;
mod inspect;
mod lead;
mod ledger;
mod maintenance;
mod paper_print;
mod patrol;
mod powers;
mod print;
mod report;
mod review;
mod settings;
mod user;
mod workload;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use std::io::IsTerminal;

use crate::domain::people::User;
use crate::store::Store;

#[derive(Debug, Parser)]
#[command(
    name = "zhifa",
    version,
    about = "执法案卷台：乡镇综合行政执法案件管理",
    long_about = "执法案卷台（zhifa）：乡镇综合行政执法队的案件库、权限清单与期限计算。\n数据保存在一个 SQLite 文件中，默认位于用户数据目录，可用 --db 或环境变量 ZHIFA_DB 指定。"
)]
pub struct Cli {
    /// 数据库文件路径（默认：用户数据目录下的 zhifa.sqlite3）
    #[arg(long, global = true, env = "ZHIFA_DB", value_name = "PATH")]
    db: Option<PathBuf>,

    /// 演示模式：在临时目录新建一个演示乡镇数据库（合隆镇），不触碰正式数据库
    #[arg(long, global = true, conflicts_with = "db")]
    demo: bool,

    /// 以该用户身份操作（登录名）；密码取自环境变量 ZHIFA_PASSWORD，未设置时在终端提示输入
    #[arg(long, global = true, env = "ZHIFA_USER", value_name = "登录名")]
    user: Option<String>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 新建数据库：机关信息、权限清单模板、节假日表
    Init(init::InitArgs),
    /// 权限清单：列表、详情、校验、导入
    #[command(subcommand)]
    Powers(powers::PowersCommand),
    /// 工作日历：期限计算、导入节假日表
    #[command(subcommand)]
    Calendar(calendar::CalendarCommand),
    /// 机关设置：查看、修改
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// 人员：添加、列表、重置密码
    #[command(subcommand)]
    User(user::UserCommand),
    /// 案件：立案、办理各环节、列表、详情
    #[command(subcommand)]
    Case(case::CaseCommand),
    /// 审计记录：校验哈希链、查看
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// 用 sample-data 中的演示乡镇数据建一个新库（--db 指定位置）
    Demo(demo::DemoArgs),
    /// 检查数据库完整性、外键、审计哈希链和证据附件
    Check(maintenance::CheckArgs),
    /// 在线备份数据库和证据附件（保留近 7 天、4 周、12 个月）
    Backup(maintenance::BackupArgs),
    /// 从备份文件恢复数据库（先校验备份的完整性和审计链，替换前需确认）
    Restore(maintenance::RestoreArgs),
    /// 压测：生成大规模演示数据库（见 BENCHMARKS.md）
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Test harness operations (crash and concurrency tests).
    #[command(subcommand, hide = true)]
    Workload(workload::WorkloadCommand),
    /// 案卷评查：规则、自动检查、评分、评查报告、评分表
    #[command(subcommand)]
    Review(review::ReviewCommand),
    /// 过错责任：登记、列表
    #[command(subcommand)]
    Fault(review::FaultCommand),
    /// 巡查记录：登记、列表、汇总
    #[command(subcommand)]
    Patrol(patrol::PatrolCommand),
    /// 线索（案源）：登记、核查、立案或不予立案、移送、并案、告知、答复举报人
    #[command(subcommand)]
    Lead(lead::LeadCommand),
    /// 行政检查：检查对象、回避、抽查计划与双随机抽取、现场检查、复查、统计
    #[command(subcommand)]
    // Boxed: its plan/draw/record arguments make it far larger than the other commands.
    Inspect(Box<inspect::InspectCommand>),
    /// 统计报表
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// 台账：导出（Excel/CSV）、公示清单、导入旧台账
    #[command(subcommand)]
    Ledger(ledger::LedgerCommand),
    /// 罚没物品登记簿：列出、导出（Excel/CSV）
    #[command(subcommand)]
    Goods(goods::GoodsCommand),
    /// 打印文书：单份文书、整本案卷或案件摘要（PDF 或文本），可送打印机
    Print(print::PrintArgs),
}

/// `--json` flag shared by commands that print data.
#[derive(Debug, Clone, Copy, Args)]
pub(crate) struct JsonFlag {
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

/// What a command failed with: a message for the user, already in Chinese.
#[derive(Debug)]
pub(crate) struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

pub(crate) type CliResult = Result<(), CliError>;

/// Global context handed to each command.
pub(crate) struct Context {
    db: Option<PathBuf>,
    user: Option<String>,
}

impl Context {
    /// The database path: `--db`, else `ZHIFA_DB` (both via clap), else the data directory.
    fn db_path(&self) -> Result<PathBuf, CliError> {
        match &self.db {
            Some(p) => Ok(p.clone()),
            None => crate::paths::default_db_path().ok_or_else(|| {
                CliError("无法确定用户数据目录（没有 HOME？），请用 --db 指定数据库文件".into())
            }),
        }
    }

    fn open_store(&self) -> Result<Store, CliError> {
        let store = Store::open(&self.db_path()?)?;
        if let Some(why) = store.integrity_block() {
            eprintln!(
                "警告：数据库未通过完整性检查，只读（{}）。请管理员运行 zhifa check 查看，核实后用 zhifa check --acknowledge 确认",
                crate::text::clean(why)
            );
        }
        Ok(store)
    }

    /// Logs in as `--user` with the password from `ZHIFA_PASSWORD` or a prompt.
    fn login(&self, store: &mut Store) -> Result<User, CliError> {
        let username = self.user.as_deref().ok_or_else(|| {
            CliError("此操作需要登录：请加 --user 登录名（或设置环境变量 ZHIFA_USER）".into())
        })?;
        let password = secret("ZHIFA_PASSWORD", &format!("{username} 的密码："))?;
        let user = store.login(username, &password)?;
        tracing::info!(user = %user.username, "login");
        Ok(user)
    }

    /// Logs in and requires the 管理员 role.
    fn login_admin(&self, store: &mut Store) -> Result<User, CliError> {
        let user = self.login(store)?;
        crate::domain::people::may_administer(&user).map_err(|e| CliError(e.to_string()))?;
        Ok(user)
    }
}

/// A password from the environment variable `var`, else typed at a terminal prompt.
pub(crate) fn secret(var: &str, prompt: &str) -> Result<String, CliError> {
    if let Ok(p) = std::env::var(var) {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        return rpassword::prompt_password(crate::text::clean(prompt))
            .map_err(|e| CliError(format!("无法读取密码：{e}")));
    }
    Err(CliError(format!(
        "需要密码：请在终端中运行以输入密码，或设置环境变量 {var}"
    )))
}

/// A new password: from `ZHIFA_NEW_PASSWORD`, else typed twice at a prompt.
pub(crate) fn new_secret(prompt: &str) -> Result<String, CliError> {
    if let Ok(p) = std::env::var("ZHIFA_NEW_PASSWORD") {
        return Ok(p);
    }
    let first = secret("ZHIFA_NEW_PASSWORD", prompt)?;
    let again = secret("ZHIFA_NEW_PASSWORD", "再输入一次：")?;
    if first != again {
        return Err(CliError("两次输入的密码不一致".into()));
    }
    Ok(first)
}

/// Entry point for the binary: parses `std::env::args` and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help/version to stdout and usage errors to stderr.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let _log = crate::logging::init();
    let demo = if cli.demo {
        match demo::DemoDb::create() {
            Ok(d) => Some(d),
            Err(CliError(msg)) => {
                eprintln!("错误：{msg}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let ctx = Context {
        db: demo.as_ref().map(|d| d.path()).or(cli.db),
        user: cli.user,
    };
    let result = match cli.command {
        None => open_ui(&ctx, demo.is_some()),
        Some(Command::Init(args)) => init::run(&ctx, args),
        Some(Command::Powers(cmd)) => powers::run(&ctx, cmd),
        Some(Command::Calendar(cmd)) => calendar::run(&ctx, cmd),
        Some(Command::Settings(cmd)) => settings::run(&ctx, cmd),
        Some(Command::User(cmd)) => user::run(&ctx, cmd),
        Some(Command::Case(cmd)) => case::run(&ctx, cmd),
        Some(Command::Audit(cmd)) => audit::run(&ctx, cmd),
        Some(Command::Demo(args)) => demo::run(&ctx, args),
        Some(Command::Check(args)) => maintenance::check(&ctx, args),
        Some(Command::Backup(args)) => maintenance::backup(&ctx, args),
        Some(Command::Restore(args)) => maintenance::restore(&ctx, args),
        Some(Command::Workload(cmd)) => workload::run(&ctx, cmd),
        Some(Command::Bench(cmd)) => bench::run(&ctx, cmd),
        Some(Command::Review(cmd)) => review::run(&ctx, cmd),
        Some(Command::Fault(cmd)) => review::run_fault(&ctx, cmd),
        Some(Command::Patrol(cmd)) => patrol::run(&ctx, cmd),
        Some(Command::Lead(cmd)) => lead::run(&ctx, cmd),
        Some(Command::Inspect(cmd)) => inspect::run(&ctx, *cmd),
        Some(Command::Report(cmd)) => report::run(&ctx, cmd),
        Some(Command::Ledger(cmd)) => ledger::run(&ctx, cmd),
        Some(Command::Goods(cmd)) => goods::run(&ctx, cmd),
        Some(Command::Print(args)) => print::run(&ctx, args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(msg)) => {
            tracing::warn!(error = %msg, "command failed");
            // Messages may quote user data: no control character reaches the terminal.
            eprintln!("错误：{}", crate::text::clean_lines(&msg));
            ExitCode::FAILURE
        }
    }
}

/// Largest file a command reads whole: a case, a step, a holiday table, a review sheet.
pub(crate) const INPUT_FILE_LIMIT: u64 = crate::user_files::TEXT_FILE_LIMIT;

/// Reads a text file a user named (see `user_files::read_text`), for a command.
pub(crate) fn read_text_file(path: &std::path::Path, limit: u64) -> Result<String, CliError> {
    crate::user_files::read_text(path, limit).map_err(CliError)
}

/// `zhifa` without a command: the terminal UI on the chosen database.
fn open_ui(ctx: &Context, demo: bool) -> CliResult {
    let path = ctx.db_path()?;
    if !path.exists() {
        return Err(CliError(format!(
            "数据库文件不存在：{}\n请先建库：zhifa init --township 镇名 --abbr 简称 --county 县名\n或先试用演示数据：zhifa --demo",
            path.display()
        )));
    }
    if !std::io::stdout().is_terminal() {
        return Err(CliError(
            "界面需要在终端中运行；脚本请使用子命令（zhifa --help）".into(),
        ));
    }
    crate::tui::run(&path, demo).map_err(CliError)
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
