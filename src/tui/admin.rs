//! The administrator's file tasks from the command line of the UI: `:check` and `:backup`,
//! the same desk operations as `zhifa check` and `zhifa backup`.

use super::app::{Env, Outcome};

/// Checks the whole file; the status line names every failed check and the first remedy.
pub fn check(env: &mut Env) -> Outcome {
    match env.desk.check_file() {
        Ok(items) => {
            let bad: Vec<_> = items.iter().filter(|c| !c.ok).collect();
            match bad.first() {
                None => Outcome::Status(format!("检查完成：{} 项全部正常", items.len())),
                Some(first) => Outcome::Error(format!(
                    "检查发现 {} 项异常：{}。{}（详情：zhifa check）",
                    bad.len(),
                    bad.iter().map(|c| c.name).collect::<Vec<_>>().join("、"),
                    first.advice
                )),
            }
        }
        Err(e) => Outcome::Error(format!("检查失败：{e}")),
    }
}

/// Whether the logged-in user is an administrator (the screens that only an admin opens
/// ask this; the desk checks again when anything is written).
pub fn is_admin(env: &Env) -> bool {
    env.user
        .is_some_and(|u| crate::domain::people::may_administer(u).is_ok())
}

/// Backs up now (an admin's task: the backup holds every case and evidence file).
pub fn backup(env: &mut Env) -> Outcome {
    if !is_admin(env) {
        return Outcome::Error("只有管理员可以备份".into());
    }
    match env.desk.backup_now(None) {
        Ok((path, removed)) => Outcome::Status(format!(
            "已备份：{}（含证据附件）{}",
            path.display(),
            if removed.is_empty() {
                String::new()
            } else {
                format!("；按保留规则删除旧备份 {} 个", removed.len())
            }
        )),
        Err(e) => Outcome::Error(format!("备份失败：{e}")),
    }
}
