//! Staff accounts: argon2id password hashes, login with lock-out, and the user list the
//! domain rules read.

use std::collections::BTreeMap;

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::audit::{self, Who};
use super::{now_text, Result, Store, StoreError};
use crate::domain::people::{cert_no_well_formed, Role, User};

/// Failed logins before the account locks, and for how long.
pub const MAX_FAILED_LOGINS: i64 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// A new member of staff as an admin enters them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct NewUser {
    pub username: String,
    pub name: String,
    pub roles: Vec<Role>,
    #[serde(default)]
    pub squad: String,
    #[serde(default)]
    pub cert_no: Option<String>,
    #[serde(default)]
    pub cert_valid_until: Option<NaiveDate>,
    #[serde(default)]
    pub legal_qualified: bool,
}

/// An argon2id hash of `password` (at least 4 characters).
pub fn hash_password(password: &str) -> Result<String> {
    if password.chars().count() < 4 {
        return Err(StoreError::Rule("密码至少 4 个字符".into()));
    }
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Rule(format!("无法生成密码摘要：{e}")))
}

fn check_new_user(u: &NewUser) -> Result<()> {
    let bad = |m: &str| Err(StoreError::Rule(m.to_string()));
    crate::domain::people::check_staff_text(&u.username, &u.name, &u.squad)
        .map_err(|e| StoreError::Rule(e.to_string()))?;
    if u.username.trim().is_empty()
        || u.username
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return bad("登录名不能为空，也不能含空格");
    }
    if u.name.trim().is_empty() {
        return bad("姓名不能为空");
    }
    if u.roles.is_empty() {
        return bad("至少选择一个岗位（承办人、中队长、法制审核员、负责人、管理员）");
    }
    if let Some(c) = &u.cert_no {
        if !cert_no_well_formed(c) {
            return bad("执法证号格式不对：应为 6–24 位字母、数字或连字符，至少含 6 位数字");
        }
    }
    if u.legal_qualified && !u.roles.contains(&Role::LegalReviewer) {
        return bad("“取得法律职业资格”只对法制审核员有意义，请同时选择法制审核员岗位");
    }
    Ok(())
}

fn row_to_user(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let roles: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        name: r.get(2)?,
        roles: serde_json::from_str(&roles).unwrap_or_default(),
        squad: r.get(4)?,
        cert_no: r.get(5)?,
        cert_valid_until: r.get::<_, Option<String>>(6)?.and_then(|s| s.parse().ok()),
        legal_qualified: r.get(7)?,
        active: r.get(8)?,
    })
}

const USER_COLUMNS: &str =
    "id, username, name, roles, squad, cert_no, cert_valid_until, legal_qualified, active";

/// Why a login failed.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("用户名或密码不正确")]
    Wrong,
    #[error("连续 {MAX_FAILED_LOGINS} 次密码错误，账号已锁定至 {0}，请稍后再试或请管理员重置密码")]
    Locked(String),
    #[error("账号已停用，请联系管理员")]
    Inactive,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Locks the account for `LOCK_MINUTES` from now and clears its count; returns the time
/// it unlocks (`HH:MM`).
fn lock_account(tx: &rusqlite::Transaction<'_>, id: i64) -> Result<String> {
    let until = chrono::Local::now().naive_local() + chrono::Duration::minutes(LOCK_MINUTES);
    tx.execute(
        "UPDATE staff SET failed_logins = 0, locked_until = ?1 WHERE id = ?2",
        params![until.format("%Y-%m-%dT%H:%M:%S").to_string(), id],
    )?;
    Ok(until.format("%H:%M").to_string())
}

impl Store {
    /// Adds a member of staff; the password is stored only as an argon2id hash.
    pub fn add_user(&mut self, u: &NewUser, password: &str, who: &Who) -> Result<User> {
        let hash = hash_password(password)?;
        self.add_user_hashed(u, &hash, who)
    }

    /// Adds a member of staff with a ready argon2id hash (the demo gives every demo user the
    /// same password and hashes it once).
    pub fn add_user_hashed(&mut self, u: &NewUser, hash: &str, who: &Who) -> Result<User> {
        check_new_user(u)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let roles = serde_json::to_string(&u.roles).map_err(|e| StoreError::Rule(e.to_string()))?;
        tx.execute(
            "INSERT INTO staff (username, name, roles, squad, cert_no, cert_valid_until, legal_qualified, active, password_hash, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9)",
            params![
                u.username.trim(),
                u.name.trim(),
                roles,
                u.squad.trim(),
                u.cert_no.as_deref().map(str::trim),
                u.cert_valid_until.map(|d| d.to_string()),
                u.legal_qualified,
                hash,
                now_text()
            ],
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => StoreError::Rule(format!("登录名“{}”已被使用", u.username.trim())),
            _ => StoreError::Sqlite(e),
        })?;
        let id = tx.last_insert_rowid();
        let detail = serde_json::json!({ "after": u });
        audit::append(
            &tx,
            who,
            None,
            "添加人员",
            &format!("添加人员 {}（{}）", u.name.trim(), u.username.trim()),
            &detail,
        )?;
        tx.commit()?;
        self.user(id)?.ok_or(StoreError::Rule("用户未找到".into()))
    }

    pub fn user(&self, id: i64) -> Result<Option<User>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM staff WHERE id = ?1"),
                [id],
                row_to_user,
            )
            .optional()?)
    }

    pub fn user_by_username(&self, username: &str) -> Result<Option<User>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM staff WHERE username = ?1"),
                [username.trim()],
                row_to_user,
            )
            .optional()?)
    }

    /// Every member of staff, by id (the domain rules look people up here).
    pub fn users(&self) -> Result<BTreeMap<i64, User>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {USER_COLUMNS} FROM staff ORDER BY id"))?;
        let rows = stmt.query_map([], row_to_user)?;
        let mut out = BTreeMap::new();
        for u in rows {
            let u = u?;
            out.insert(u.id, u);
        }
        Ok(out)
    }

    /// Checks a password. Five failures in a row lock the account for 15 minutes; a success
    /// resets the count.
    ///
    /// Each attempt is counted *before* the (slow) hash check, inside an `IMMEDIATE` write
    /// transaction, so parallel guesses queue on the count: at most five of them are ever
    /// checked, and the sixth sees the lock. The hash itself is checked outside the write
    /// lock so that logins never hold up other desks.
    pub fn login(
        &mut self,
        username: &str,
        password: &str,
    ) -> std::result::Result<User, LoginError> {
        let (id, hash) = self.count_login_attempt(username)?;
        let ok = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        if ok {
            tx.execute(
                "UPDATE staff SET failed_logins = 0, locked_until = NULL WHERE id = ?1",
                [id],
            )
            .map_err(StoreError::from)?;
            tx.commit().map_err(StoreError::from)?;
            return self.user(id)?.ok_or(LoginError::Wrong);
        }
        let failed: i64 = tx
            .query_row("SELECT failed_logins FROM staff WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(StoreError::from)?;
        let locked = if failed >= MAX_FAILED_LOGINS {
            Some(lock_account(&tx, id)?)
        } else {
            None
        };
        tx.commit().map_err(StoreError::from)?;
        match locked {
            Some(until) => Err(LoginError::Locked(until)),
            None => Err(LoginError::Wrong),
        }
    }

    /// The first half of a login, in one write transaction: refuses a locked or deactivated
    /// account, locks one that has used up its attempts, otherwise counts this attempt as a
    /// failure (undone by a right password) and hands back the id and hash to check.
    fn count_login_attempt(
        &mut self,
        username: &str,
    ) -> std::result::Result<(i64, String), LoginError> {
        let now = chrono::Local::now().naive_local();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let row: Option<(i64, String, i64, Option<String>, bool)> = tx
            .query_row(
                "SELECT id, password_hash, failed_logins, locked_until, active FROM staff WHERE username = ?1",
                [username.trim()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()
            .map_err(StoreError::from)?;
        let Some((id, hash, failed, locked_until, active)) = row else {
            return Err(LoginError::Wrong);
        };
        if let Some(until) = locked_until
            .as_deref()
            .and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok())
        {
            if until > now {
                return Err(LoginError::Locked(until.format("%H:%M").to_string()));
            }
        }
        if !active {
            return Err(LoginError::Inactive);
        }
        if failed >= MAX_FAILED_LOGINS {
            // Five attempts are already being checked: this one waits out the lock.
            let until = lock_account(&tx, id)?;
            tx.commit().map_err(StoreError::from)?;
            return Err(LoginError::Locked(until));
        }
        let cleared = if locked_until.is_some() { 0 } else { failed };
        tx.execute(
            "UPDATE staff SET failed_logins = ?1, locked_until = NULL WHERE id = ?2",
            params![cleared + 1, id],
        )
        .map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok((id, hash))
    }

    /// Deactivates (`active = false`) or reactivates a member of staff. A deactivated user
    /// cannot log in or take any step; their name stays on every case they touched. An admin
    /// cannot deactivate themself, and the last active admin stays.
    pub fn set_user_active(&mut self, user_id: i64, active: bool, who: &Who) -> Result<User> {
        self.change_user(user_id, who, |u| {
            if !active && who.user_id == Some(u.id) {
                return Err("不能停用自己的账号".into());
            }
            u.active = active;
            Ok(if active {
                "启用账号"
            } else {
                "停用账号"
            })
        })
    }

    /// Replaces a member of staff's roles (and the legal-qualification flag, which only a
    /// 法制审核员 carries), checked like a new user's.
    pub fn set_user_roles(
        &mut self,
        user_id: i64,
        roles: &[Role],
        legal_qualified: bool,
        who: &Who,
    ) -> Result<User> {
        self.change_user(user_id, who, |u| {
            u.roles = roles.to_vec();
            u.legal_qualified = legal_qualified;
            Ok("调整岗位")
        })
    }

    /// Loads a user, applies `change` (which names the audit action), checks the result and
    /// that an active admin remains, and saves it with an audit entry holding before and after,
    /// all in one write transaction.
    fn change_user(
        &mut self,
        user_id: i64,
        who: &Who,
        change: impl FnOnce(&mut User) -> std::result::Result<&'static str, String>,
    ) -> Result<User> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = tx
            .query_row(
                &format!("SELECT {USER_COLUMNS} FROM staff WHERE id = ?1"),
                [user_id],
                row_to_user,
            )
            .optional()?
            .ok_or_else(|| StoreError::Rule(format!("没有编号为 {user_id} 的人员")))?;
        let mut after = before.clone();
        let action = change(&mut after).map_err(StoreError::Rule)?;
        check_new_user(&NewUser {
            username: after.username.clone(),
            name: after.name.clone(),
            roles: after.roles.clone(),
            squad: after.squad.clone(),
            cert_no: after.cert_no.clone(),
            cert_valid_until: after.cert_valid_until,
            legal_qualified: after.legal_qualified,
        })?;
        let admins_left: i64 = tx.query_row(
            "SELECT count(*) FROM staff WHERE active = 1 AND id <> ?1 AND EXISTS
               (SELECT 1 FROM json_each(staff.roles) WHERE value = '管理员')",
            [user_id],
            |r| r.get(0),
        )?;
        if admins_left == 0 && !after.has(Role::Admin) {
            return Err(StoreError::Rule(format!(
                "{} 是唯一在用的管理员，不能停用或取消其管理员岗位；请先为其他人员设置管理员岗位",
                before.name
            )));
        }
        let roles =
            serde_json::to_string(&after.roles).map_err(|e| StoreError::Rule(e.to_string()))?;
        tx.execute(
            "UPDATE staff SET roles = ?1, legal_qualified = ?2, active = ?3 WHERE id = ?4",
            params![roles, after.legal_qualified, after.active, user_id],
        )?;
        let role_names = |u: &User| -> String {
            u.roles
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join("、")
        };
        audit::append(
            &tx,
            who,
            None,
            action,
            &format!(
                "{action}：{}（{}），岗位 {}{}",
                after.name,
                after.username,
                role_names(&after),
                if after.active { "" } else { "，已停用" }
            ),
            &serde_json::json!({ "user_id": user_id, "before": before, "after": after }),
        )?;
        tx.commit()?;
        Ok(after)
    }

    /// Sets a new password (an admin's reset, or the user's own change); unlocks the account.
    pub fn set_password(&mut self, user_id: i64, password: &str, who: &Who) -> Result<()> {
        let hash = hash_password(password)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE staff SET password_hash = ?1, failed_logins = 0, locked_until = NULL WHERE id = ?2",
            params![hash, user_id],
        )?;
        if n == 0 {
            return Err(StoreError::Rule(format!("没有编号为 {user_id} 的人员")));
        }
        audit::append(
            &tx,
            who,
            None,
            "重置密码",
            &format!("重置人员 {user_id} 的密码"),
            &serde_json::json!({ "user_id": user_id }),
        )?;
        tx.commit()?;
        Ok(())
    }
}
