//! zhifa's performance benchmarks (issue 8), each side by side with the best a user could
//! otherwise get from the same machine in the same run. Prints one Markdown table.
//!
//!     cargo bench --bench perf -- [--sizes 10000,100000,1000000] [--dir DIR] [--only 1,2,…]
//!
//! Databases are generated once per size into DIR (default `target/bench-db`) with the same
//! code as `zhifa bench gen`, and reused by later runs. Timings are wall-clock medians (and
//! p99 where a distribution matters) with the page cache warm: what a clerk sees from the
//! second start of the day on. Nothing here asserts a time; BENCHMARKS.md records the
//! figures and the targets.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use zhifa::desk::Desk;
use zhifa::documents::{Format, Loaded, What};
use zhifa::domain::documents::DocKind;
use zhifa::domain::people::User;
use zhifa::store::{Store, Who};
use zhifa::tui::action::UiAction;
use zhifa::tui::app::Env;
use zhifa::tui::screens::cases;

/// The benchmarks' options; anything else on the command line is refused.
#[derive(clap::Parser)]
#[command(
    name = "perf",
    about = "zhifa 的性能基准（BENCHMARKS.md），输出一张 Markdown 表"
)]
struct Opts {
    /// 案件数，逗号分隔
    #[arg(long, value_delimiter = ',', default_values_t = [10_000u64, 100_000])]
    sizes: Vec<u64>,
    /// 生成的数据库放在这里，之后的运行复用
    #[arg(long, default_value = "target/bench-db")]
    dir: PathBuf,
    /// 只运行这些编号的基准（1–7），逗号分隔；不给则全部运行
    #[arg(long, value_delimiter = ',', value_parser = clap::value_parser!(u32).range(1..=7))]
    only: Vec<u32>,
    /// Passed by `cargo bench`; accepted and not needed.
    #[arg(long = "bench", hide = true)]
    _bench: bool,
    /// Passed by test runners (`cargo test --benches`): nothing is run.
    #[arg(long, hide = true)]
    test: bool,
    /// Likewise: there is nothing to list.
    #[arg(long, hide = true)]
    list: bool,
}

/// One line of the result table.
struct Line {
    bench: String,
    size: String,
    zhifa: String,
    baseline: String,
    ratio: String,
}

fn line(bench: &str, size: &str, zhifa: String, baseline: String, ratio: String) -> Line {
    eprintln!("  {bench} [{size}]: {zhifa} | {baseline} | {ratio}");
    Line {
        bench: bench.into(),
        size: size.into(),
        zhifa,
        baseline,
        ratio,
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn ratio(a: Duration, b: Duration) -> String {
    format!("{:.2}×", a.as_secs_f64() / b.as_secs_f64().max(1e-9))
}

fn pct(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    if v.is_empty() {
        return Duration::ZERO;
    }
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn median_of(runs: usize, mut f: impl FnMut() -> Duration) -> Duration {
    let mut v: Vec<Duration> = (0..runs).map(|_| f()).collect();
    pct(&mut v, 0.5)
}

fn size_label(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n % 1_000_000 == 0 => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n % 1_000 == 0 => format!("{}k", n / 1_000),
        n => n.to_string(),
    }
}

fn have(cmd: &str) -> bool {
    Command::new(cmd)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Wall time of a shell command with `input` on stdin, output discarded.
fn run_timed(cmd: &mut Command, input: &[u8]) -> Duration {
    let t = Instant::now();
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input);
    }
    let _ = child.wait();
    t.elapsed()
}

/// The generated database of `n` cases, made on first use.
fn database(dir: &Path, n: u64) -> PathBuf {
    std::fs::create_dir_all(dir).expect("bench dir");
    let path = dir.join(format!("cases-{n}.sqlite3"));
    if !path.exists() {
        eprintln!("generating {} cases into {} …", n, path.display());
        let tmp = dir.join(format!("cases-{n}.partial.sqlite3"));
        remove_db(&tmp);
        let mut next = 0;
        let r = zhifa::generate::generate(&tmp, n, 1, |k| {
            if k >= next {
                eprintln!("  {k}/{n}");
                next = k + n / 10;
            }
        })
        .expect("generate");
        std::fs::rename(&tmp, &path).expect("rename");
        eprintln!(
            "  done: {} cases, {} deadlines, {} audit entries, {:.0} MB, {:.0} s",
            r.cases,
            r.deadlines,
            r.audit_entries,
            r.file_bytes as f64 / 1e6,
            r.seconds
        );
    }
    path
}

fn clerk(store: &Store) -> User {
    store
        .users()
        .expect("users")
        .into_values()
        .find(|u| u.username == "zhangwei")
        .expect("demo user zhangwei")
}

fn today() -> chrono::NaiveDate {
    zhifa::generate::as_of()
}

/// A clerk at the case list: the desk on a file and the logged-in user.
struct ListDesk {
    desk: Desk,
    user: User,
    keymap: zhifa::tui::keymap::Keymap,
}

impl ListDesk {
    fn open(path: &Path) -> ListDesk {
        let desk = Desk::open(path).expect("open");
        let user = clerk(desk.store());
        let keymap = zhifa::tui::keymap::Keymap::load(None).expect("default keymap");
        ListDesk { desk, user, keymap }
    }

    fn env(&mut self) -> Env<'_> {
        Env {
            desk: &mut self.desk,
            user: Some(&self.user),
            today: today(),
            demo: false,
            keymap: &self.keymap,
            export_dir: None,
        }
    }
}

fn draw_list(term: &mut Terminal<TestBackend>, state: &cases::State) {
    term.draw(|f| cases::draw(f, f.area(), state))
        .expect("draw");
}

/// Removes a database file and its WAL, shared-memory and journal files.
fn remove_db(path: &Path) {
    for ext in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
}

const LIST_COLUMNS: &str = "id, case_no, procedure, stage, outcome, power_code, power_name, field, party_names, squad, proposed_on, fine, next_due, next_due_kind, next_due_state";

/// 1. Open the file and draw the first frame of the case list.
fn first_frame(path: &Path, size: &str, out: &mut Vec<Line>) {
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    let once = |term: &mut Terminal<TestBackend>| {
        let t = Instant::now();
        let mut clerk = ListDesk::open(path);
        let state = cases::State::load(&mut clerk.env());
        draw_list(term, &state);
        t.elapsed()
    };
    once(&mut term);
    let zhifa = median_of(15, || once(&mut term));
    if !have("sqlite3") {
        out.push(line(
            "1 打开库并显示案件列表首屏",
            size,
            ms(zhifa),
            "sqlite3 未安装".into(),
            "—".into(),
        ));
        return;
    }
    let sql = format!(
        "SELECT count(*) FROM case_file;\nSELECT {LIST_COLUMNS} FROM case_file ORDER BY year DESC, serial DESC LIMIT 200;\n"
    );
    let shell = median_of(15, || {
        run_timed(
            Command::new("sqlite3").arg("-readonly").arg(path),
            sql.as_bytes(),
        )
    });
    // The page alone, without the count the list's header shows (sqlite3 counts by reading
    // every row; zhifa adds up the yearly serials).
    let page = format!(
        "SELECT {LIST_COLUMNS} FROM case_file ORDER BY year DESC, serial DESC LIMIT 200;\n"
    );
    let shell_page = median_of(15, || {
        run_timed(
            Command::new("sqlite3").arg("-readonly").arg(path),
            page.as_bytes(),
        )
    });
    out.push(line(
        "1 打开库并显示案件列表首屏",
        size,
        ms(zhifa),
        format!(
            "sqlite3 同一查询（count + 首页）{}；只查首页 {}",
            ms(shell),
            ms(shell_page)
        ),
        format!("{}；{}", ratio(zhifa, shell), ratio(zhifa, shell_page)),
    ));
}

/// Queries of each kind drawn from the cases themselves, deterministically.
fn queries(store: &Store) -> Vec<(&'static str, String)> {
    let mut stmt = store
        .conn()
        .prepare("SELECT party_names, place, serial FROM case_file WHERE id % 997 = 13 LIMIT 60")
        .expect("sample");
    let rows: Vec<(String, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    let mut out = Vec::new();
    for (party, place, serial) in rows {
        let name: Vec<char> = party.chars().take_while(|c| *c != '（').collect();
        let village: String = place.chars().skip(3).take(3).collect();
        out.push(("中文 1 字", name.iter().take(1).collect()));
        out.push(("中文 2 字", name.iter().take(2).collect()));
        if name.len() >= 3 {
            out.push(("中文 3 字", name.iter().take(3).collect()));
        } else {
            out.push(("中文 3 字", village));
        }
        out.push(("案号片段", format!("{serial}号")));
        out.push(("拼音首字母", zhifa::domain::search::initials(&party)));
    }
    out
}

/// 2. Keystroke → filtered list drawn, per query kind: p50 / p99.
fn search(path: &Path, size: &str, out: &mut Vec<Line>, dir: &Path) {
    let mut clerk = ListDesk::open(path);
    let qs = queries(clerk.desk.store());
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    let mut env = clerk.env();
    let mut state = cases::State::load(&mut env);
    let kinds = [
        "中文 1 字",
        "中文 2 字",
        "中文 3 字",
        "案号片段",
        "拼音首字母",
    ];
    let mut lat: Vec<Vec<Duration>> = vec![Vec::new(); kinds.len()];
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for _round in 0..3 {
        for (kind, q) in &qs {
            let k = kinds.iter().position(|x| x == kind).unwrap_or(0);
            state.handle(UiAction::Search, &mut env);
            state.query = Default::default();
            let chars: Vec<char> = q.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let t = Instant::now();
                state.handle(UiAction::Input(*c), &mut env);
                draw_list(&mut term, &state);
                let d = t.elapsed();
                slowest.push((d, state.query.value.clone()));
                // Chinese queries count the keystroke that completes them; number
                // fragments and initials count every keystroke.
                if k >= 3 || i + 1 == chars.len() {
                    lat[k].push(d);
                }
            }
            state.handle(UiAction::Back, &mut env);
        }
    }
    slowest.sort();
    let worst: Vec<String> = slowest
        .iter()
        .rev()
        .take(8)
        .map(|(d, q)| format!("{q:?} {}", ms(*d)))
        .collect();
    eprintln!("  slowest keystrokes: {}", worst.join(", "));
    // The same searches as a user could run them without zhifa.
    let lines_file = dir.join(format!("search-lines-{size}.txt"));
    {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&lines_file).expect("lines"));
        let mut st = env
            .desk
            .store()
            .conn()
            .prepare("SELECT search_text FROM case_file ORDER BY year DESC, serial DESC")
            .expect("lines");
        let mut rows = st.query([]).expect("lines");
        while let Some(r) = rows.next().expect("row") {
            let t: String = r.get(0).expect("text");
            writeln!(f, "{}", t.replace('\u{1f}', " ")).expect("write");
        }
    }
    let fzf = have("fzf");
    for (k, kind) in kinds.iter().enumerate() {
        let p50 = pct(&mut lat[k], 0.5);
        let p99 = pct(&mut lat[k], 0.99);
        let sample: Vec<&String> = qs
            .iter()
            .filter(|(x, _)| x == kind)
            .map(|(_, q)| q)
            // Each outside run scans the whole file: fewer of them at a million cases.
            .take(if state.total > 500_000 { 3 } else { 12 })
            .collect();
        let mut base = Vec::new();
        let mut shell = Vec::new();
        for q in &sample {
            if fzf {
                let input = std::fs::read(&lines_file).expect("lines");
                base.push(run_timed(
                    Command::new("fzf").args(["--filter", q, "--exact", "--no-sort"]),
                    &input,
                ));
            }
            let like = format!(
                "SELECT count(*) FROM case_file WHERE search_text LIKE '%{q}%';\nSELECT {LIST_COLUMNS} FROM case_file WHERE search_text LIKE '%{q}%' ORDER BY year DESC, serial DESC LIMIT 200;\n"
            );
            shell.push(run_timed(
                Command::new("sqlite3").arg("-readonly").arg(path),
                like.as_bytes(),
            ));
        }
        let fzf_text = if fzf {
            format!("fzf --filter --exact p50 {}", ms(pct(&mut base, 0.5)))
        } else {
            "fzf 未安装".into()
        };
        out.push(line(
            &format!("2 即时搜索：{kind}"),
            size,
            format!("p50 {} / p99 {} (n={})", ms(p50), ms(p99), lat[k].len()),
            format!(
                "{fzf_text}；sqlite3 LIKE 全表扫描 p50 {}",
                ms(pct(&mut shell, 0.5))
            ),
            if fzf {
                format!("p50 {}", ratio(p50, pct(&mut base, 0.5)))
            } else {
                "—".into()
            },
        ));
    }
}

/// 3. Peak RSS of a child that opens the file and scrolls the list end to end.
fn memory(path: &Path, size: &str, out: &mut Vec<Line>) {
    let exe = std::env::current_exe().expect("exe");
    let o = Command::new(exe)
        .env("ZHIFA_BENCH_RSS", path)
        .output()
        .expect("child");
    let text = String::from_utf8_lossy(&o.stdout);
    out.push(line(
        "3 峰值内存（打开并从头滚动到尾）",
        size,
        text.trim().to_string(),
        "—".into(),
        "目标 ≤ 50 MB".into(),
    ));
}

fn rss_child(path: &Path) {
    let mut clerk = ListDesk::open(path);
    let mut term = Terminal::new(TestBackend::new(120, 36)).expect("terminal");
    let mut env = clerk.env();
    let mut state = cases::State::load(&mut env);
    let total = state.total;
    let mut steps = 0;
    while state.sel + 1 < total {
        state.handle(UiAction::PageDown, &mut env);
        draw_list(&mut term, &state);
        steps += 1;
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .unwrap_or(0.0);
    println!(
        "{:.1} MB（翻页 {steps} 次到第 {} 行）",
        hwm / 1024.0,
        state.sel + 1
    );
}

/// 4. Real workflow steps per second, against plain INSERTs of the same rows.
fn workflow(path: &Path, size: &str, out: &mut Vec<Line>, dir: &Path) {
    let copy = copy_of(path, dir, "workflow-copy");
    let mut desk = Desk::open(&copy).expect("open copy");
    let before: i64 = desk
        .store()
        .conn()
        .query_row("SELECT max(id) FROM audit", [], |r| r.get(0))
        .expect("audit");
    let t = Instant::now();
    zhifa::demo::replay(&mut desk, today()).expect("replay");
    let took = t.elapsed();
    let steps: i64 = desk
        .store()
        .conn()
        .query_row("SELECT count(*) FROM audit WHERE id > ?1", [before], |r| {
            r.get(0)
        })
        .expect("count");
    // The same rows, written by plain INSERTs: per step one case row (its JSON), its
    // deadlines and one audit row, one durable transaction each, as zhifa commits them.
    let rows: Vec<(i64, String, String, String)> = {
        let mut st = desk
            .store()
            .conn()
            .prepare(
                "SELECT a.case_id, c.data, a.detail, a.hash FROM audit a JOIN case_file c ON c.id = a.case_id WHERE a.id > ?1 ORDER BY a.id",
            )
            .expect("rows");
        st.query_map([before], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows")
    };
    let deadlines: Vec<(i64, String)> = {
        let mut st = desk
            .store()
            .conn()
            .prepare("SELECT case_id, detail FROM deadline WHERE case_id IN (SELECT case_id FROM audit WHERE id > ?1)")
            .expect("dl");
        st.query_map([before], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("dl")
            .collect::<Result<_, _>>()
            .expect("dl")
    };
    let raw_path = dir.join("plain-inserts.sqlite3");
    remove_db(&raw_path);
    let mut raw = rusqlite::Connection::open(&raw_path).expect("raw");
    raw.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;
         CREATE TABLE c (id INTEGER PRIMARY KEY, case_id INTEGER, data TEXT);
         CREATE TABLE d (case_id INTEGER, detail TEXT);
         CREATE TABLE a (id INTEGER PRIMARY KEY, case_id INTEGER, detail TEXT, hash TEXT);",
    )
    .expect("schema");
    let t = Instant::now();
    for (case_id, data, detail, hash) in &rows {
        let tx = raw.transaction().expect("tx");
        tx.execute(
            "INSERT INTO c (case_id, data) VALUES (?1, ?2)",
            rusqlite::params![case_id, data],
        )
        .expect("c");
        for (_, d) in deadlines.iter().filter(|(c, _)| c == case_id).take(4) {
            tx.execute(
                "INSERT INTO d (case_id, detail) VALUES (?1, ?2)",
                rusqlite::params![case_id, d],
            )
            .expect("d");
        }
        tx.execute(
            "INSERT INTO a (case_id, detail, hash) VALUES (?1, ?2, ?3)",
            rusqlite::params![case_id, detail, hash],
        )
        .expect("a");
        tx.commit().expect("commit");
    }
    let plain = t.elapsed();
    let per_sec = |n: i64, d: Duration| n as f64 / d.as_secs_f64();
    out.push(line(
        "4 办案环节吞吐（含规则校验、期限重算、审计哈希链）",
        size,
        format!(
            "{:.0} 步/秒（{steps} 步，{:.1} s）",
            per_sec(steps, took),
            took.as_secs_f64()
        ),
        format!("同样的行直接 INSERT {:.0} 次/秒", per_sec(steps, plain)),
        format!("{:.2}×", took.as_secs_f64() / plain.as_secs_f64()),
    ));
}

/// A fresh copy of a generated file, for benchmarks that write.
fn copy_of(path: &Path, dir: &Path, name: &str) -> PathBuf {
    let copy = dir.join(format!("{name}.sqlite3"));
    remove_db(&copy);
    Store::open(path)
        .expect("open")
        .conn()
        .execute("VACUUM INTO ?1", [copy.display().to_string()])
        .expect("copy");
    copy
}

/// Benchmark 5, documents: one decision PDF, one whole case file and 1,000 summaries,
/// on a copy because each print is an audit entry.
fn documents(path: &Path, size: &str, out: &mut Vec<Line>, dir: &Path) {
    let copy = copy_of(path, dir, "documents-copy");
    let mut store = Store::open(&copy).expect("open");
    let who = Who::user(&clerk(&store));
    let decided: Vec<i64> = {
        let mut st = store
            .conn()
            .prepare("SELECT id FROM case_file WHERE stage = '归档' AND procedure = '一般程序' AND fine > 0 ORDER BY id LIMIT 1000")
            .expect("cases");
        st.query_map([], |r| r.get(0))
            .expect("cases")
            .collect::<Result<_, _>>()
            .expect("cases")
    };
    let Some(&one) = decided.first() else {
        out.push(line(
            "5 文书",
            size,
            "没有已归档的一般程序罚款案件".into(),
            "—".into(),
            "—".into(),
        ));
        return;
    };
    let render = |what: What| {
        let t = Instant::now();
        let loaded = Loaded::load(&store, one, today()).expect("load");
        let pdf = loaded.render(what, Format::Pdf).expect("render");
        assert!(pdf.starts_with(b"%PDF"));
        t.elapsed()
    };
    render(What::Doc(DocKind::Decision));
    let decision = median_of(5, || render(What::Doc(DocKind::Decision)));
    let whole = median_of(3, || render(What::All));
    let batch_dir = dir.join("summaries");
    let _ = std::fs::remove_dir_all(&batch_dir);
    let ids: Vec<i64> = {
        let mut st = store
            .conn()
            .prepare("SELECT id FROM case_file ORDER BY id DESC LIMIT 1000")
            .expect("ids");
        st.query_map([], |r| r.get(0))
            .expect("ids")
            .collect::<Result<_, _>>()
            .expect("ids")
    };
    let t = Instant::now();
    for id in &ids {
        let loaded = Loaded::load(&store, *id, today()).expect("load");
        let file = batch_dir.join(format!("{id}.pdf"));
        let target = zhifa::output::guard(&file, true, store.path()).expect("output path");
        zhifa::documents::export(
            &mut store,
            &loaded,
            What::Summary,
            Format::Pdf,
            &target,
            &who,
        )
        .expect("export");
    }
    let batch = t.elapsed();
    out.push(line(
        "5 文书 PDF",
        size,
        format!(
            "处罚决定书 {}；整本案卷 {}；摘要 {} 份 {:.1} s（{:.1} ms/份）",
            ms(decision),
            ms(whole),
            ids.len(),
            batch.as_secs_f64(),
            batch.as_secs_f64() * 1e3 / ids.len().max(1) as f64
        ),
        "—".into(),
        "—".into(),
    ));
}

/// 6. Ledger import of the file's cases as rows, against `sqlite3 .import` of the same CSV.
fn ledger(path: &Path, size: &str, out: &mut Vec<Line>, dir: &Path) {
    let exe = env!("CARGO_BIN_EXE_zhifa");
    let csv = dir.join(format!("ledger-{size}.csv"));
    if !csv.exists() {
        let o = Command::new(exe)
            .args([
                "--db",
                &path.display().to_string(),
                "ledger",
                "export",
                "--out",
            ])
            .arg(&csv)
            .output()
            .expect("export");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let rows = std::fs::read_to_string(&csv)
        .map(|t| t.lines().count().saturating_sub(1))
        .unwrap_or(0);
    let fresh = dir.join("ledger-target.sqlite3");
    let raw = dir.join("ledger-raw.sqlite3");
    // Five runs each, alternating, into new files: medians.
    let (mut ours, mut theirs, mut theirs_wal) = (Vec::new(), Vec::new(), Vec::new());
    let mut shell_ok = true;
    for _ in 0..5 {
        remove_db(&fresh);
        let o = Command::new(exe)
            .args(["--db", &fresh.display().to_string(), "workload", "setup"])
            .output()
            .expect("setup");
        assert!(o.status.success());
        let t = Instant::now();
        let o = Command::new(exe)
            .args([
                "--db",
                &fresh.display().to_string(),
                "--user",
                "admin",
                "ledger",
                "import",
            ])
            .arg(&csv)
            .args(["--apply", "--skip-bad"])
            .env("ZHIFA_PASSWORD", "workload")
            .output()
            .expect("import");
        ours.push(t.elapsed());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        remove_db(&raw);
        let t = Instant::now();
        let status = Command::new("sqlite3")
            .arg(&raw)
            .arg(format!(".import --csv {} ledger", csv.display()))
            .status();
        theirs.push(t.elapsed());
        shell_ok &= status.is_ok_and(|s| s.success());
        // The same import with zhifa's durability: WAL, fsync on commit.
        remove_db(&raw);
        let t = Instant::now();
        let status = Command::new("sqlite3")
            .arg(&raw)
            .args([
                "-cmd",
                "PRAGMA journal_mode=WAL",
                "-cmd",
                "PRAGMA synchronous=FULL",
            ])
            .arg(format!(".import --csv {} ledger", csv.display()))
            .stdout(Stdio::null())
            .status();
        theirs_wal.push(t.elapsed());
        shell_ok &= status.is_ok_and(|s| s.success());
    }
    let took = pct(&mut ours, 0.5);
    let shell = pct(&mut theirs, 0.5);
    let shell_wal = pct(&mut theirs_wal, 0.5);
    let shell_text = if shell_ok {
        format!(
            "sqlite3 .import {}（WAL + synchronous=FULL 时 {}，zhifa 为其 {}）",
            ms(shell),
            ms(shell_wal),
            ratio(took, shell_wal)
        )
    } else {
        "sqlite3 不可用".into()
    };
    out.push(line(
        "6 台账导入（CSV，逐行检查）",
        &format!("{size}（{rows} 行）"),
        ms(took),
        shell_text,
        ratio(took, shell),
    ));
}

/// 7. Recompute every open case's deadlines after a holiday table changes.
fn recompute(path: &Path, size: &str, out: &mut Vec<Line>) {
    use zhifa::domain::holiday_table::HolidayYear;
    let mut desk = Desk::open(path).expect("open");
    let admin = Who::system();
    let original = desk
        .store()
        .holiday_years()
        .expect("years")
        .into_iter()
        .find(|y| y.year == 2026)
        .expect("2026");
    let text = std::fs::read_to_string("assets/holidays/2026.toml").expect("2026.toml");
    let changed = text.replacen("makeup = []", "makeup = [\"2026-12-05\"]", 1);
    let changed = HolidayYear::parse_toml(&changed).expect("changed table");
    let mut times = Vec::new();
    let mut cases = 0;
    for table in [&changed, &original] {
        desk.store_mut()
            .import_holiday_year(table, &admin)
            .expect("import");
        let t = Instant::now();
        cases = desk.recompute_deadlines(today()).expect("recompute");
        times.push(t.elapsed());
    }
    let per_case = times[0].as_secs_f64() * 1e6 / cases.max(1) as f64;
    out.push(line(
        "7 改节假日表后重算全部期限",
        size,
        format!(
            "{}、{}（{cases} 件在办案件，{per_case:.0} µs/件）",
            ms(times[0]),
            ms(times[1])
        ),
        "—".into(),
        "—".into(),
    ));
}

fn main() {
    if let Ok(path) = std::env::var("ZHIFA_BENCH_RSS") {
        rss_child(Path::new(&path));
        return;
    }
    let o = <Opts as clap::Parser>::parse();
    // `cargo bench` passes `--bench`; `cargo test --benches` would run this too.
    if o.test || o.list {
        return;
    }
    let want = |k: u32| o.only.is_empty() || o.only.contains(&k);
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut out = Vec::new();
    for &n in &o.sizes {
        let path = database(&o.dir, n);
        let size = size_label(n);
        if want(1) {
            first_frame(&path, &size, &mut out);
        }
        if want(2) {
            search(&path, &size, &mut out, &o.dir);
        }
        if want(3) {
            memory(&path, &size, &mut out);
        }
        // The ledger is 100k rows; a 1M-row export would itself take minutes.
        if want(6) && n <= 100_000 {
            ledger(&path, &size, &mut out, &o.dir);
        }
        if want(7) {
            recompute(&path, &size, &mut out);
        }
    }
    // Steps and documents do not depend on the file's size: measured on the first size.
    let n = o.sizes.first().copied().unwrap_or(10_000);
    if want(4) {
        workflow(&database(&o.dir, n), &size_label(n), &mut out, &o.dir);
    }
    if want(5) {
        documents(&database(&o.dir, n), &size_label(n), &mut out, &o.dir);
    }
    println!(
        "\n机器：{cores} 核；SQLite {}；{}\n",
        rusqlite::version(),
        chrono::Local::now().format("%Y-%m-%d %H:%M")
    );
    println!("| 基准 | 规模 | zhifa | 对照 | 比值 |");
    println!("|---|---|---|---|---|");
    for l in &out {
        println!(
            "| {} | {} | {} | {} | {} |",
            l.bench, l.size, l.zhifa, l.baseline, l.ratio
        );
    }
}
