//! Staff: roles, squads and enforcement certificates (行政执法证).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a user may do. One user can hold several roles (a squad leader is also a handler).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    /// 承办人: enters and advances cases.
    #[serde(rename = "承办人")]
    Handler,
    /// 中队长: reviews the squad's cases before the head decides.
    #[serde(rename = "中队长")]
    SquadLeader,
    /// 法制审核员: legal review under 行政处罚法 Art 58.
    #[serde(rename = "法制审核员")]
    LegalReviewer,
    /// 负责人: the agency head (or deputy authorised to sign), approves and decides.
    #[serde(rename = "负责人")]
    Head,
    /// 管理员: users and settings.
    #[serde(rename = "管理员")]
    Admin,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Handler,
        Role::SquadLeader,
        Role::LegalReviewer,
        Role::Head,
        Role::Admin,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Handler => "承办人",
            Role::SquadLeader => "中队长",
            Role::LegalReviewer => "法制审核员",
            Role::Head => "负责人",
            Role::Admin => "管理员",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == s.trim())
    }
}

/// A member of staff as the rules see them (no password material here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Real name, printed on documents.
    pub name: String,
    pub roles: Vec<Role>,
    /// 中队, e.g. 第一中队; empty for staff outside the squads.
    pub squad: String,
    /// 行政执法证 number; `None` for contract staff (协管员), who may assist but never count
    /// toward the two officers of 行政处罚法 Art 42.
    pub cert_no: Option<String>,
    /// Last day the certificate is valid, where the card states one.
    pub cert_valid_until: Option<NaiveDate>,
    /// Holds the national legal professional qualification (行政处罚法 Art 58 para 2).
    pub legal_qualified: bool,
    pub active: bool,
}

impl User {
    pub fn has(&self, role: Role) -> bool {
        self.active && self.roles.contains(&role)
    }

    /// Whether the user may act as a law-enforcement officer on `date` (Art 42): an active
    /// user with a well-formed certificate number that has not expired.
    pub fn certified_on(&self, date: NaiveDate) -> bool {
        self.active
            && self.cert_no.as_deref().is_some_and(cert_no_well_formed)
            && self.cert_valid_until.is_none_or(|until| date <= until)
    }

    /// `张三（执法证号 22010012345）` or just the name for uncertified staff.
    pub fn label(&self) -> String {
        match &self.cert_no {
            Some(c) => format!("{}（执法证号 {c}）", self.name),
            None => self.name.clone(),
        }
    }
}

/// An account or configuration action refused for the actor's role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AccessDenied {
    #[error("{0} 不是管理员，无权进行此操作")]
    NotAdmin(String),
    #[error("只有管理员可以重置他人的密码")]
    OthersPassword,
    #[error("{0} 不是管理员或负责人，无权导入或撤销旧台账")]
    NotLedgerKeeper(String),
}

/// Staff accounts, the catalog, holiday tables, settings and restores are the admin's: only an
/// active 管理员 may change them.
pub fn may_administer(actor: &User) -> Result<(), AccessDenied> {
    if actor.has(Role::Admin) {
        Ok(())
    } else {
        Err(AccessDenied::NotAdmin(actor.name.clone()))
    }
}

/// Old ledgers become part of the team's record, so importing one (or undoing an import) is
/// for an active 管理员 or 负责人.
pub fn may_import_ledger(actor: &User) -> Result<(), AccessDenied> {
    if actor.has(Role::Admin) || actor.has(Role::Head) {
        Ok(())
    } else {
        Err(AccessDenied::NotLedgerKeeper(actor.name.clone()))
    }
}

/// Everyone may change their own password; only an admin may reset someone else's.
pub fn may_set_password(actor: &User, target_id: i64) -> Result<(), AccessDenied> {
    if actor.active && (actor.id == target_id || actor.has(Role::Admin)) {
        Ok(())
    } else {
        Err(AccessDenied::OthersPassword)
    }
}

/// The texts of a new member of staff, checked like every text entering the domain: the
/// login name one word, the name and squad plain one-line text of a name's length.
pub fn check_staff_text(
    username: &str,
    name: &str,
    squad: &str,
) -> Result<(), crate::text::TextError> {
    use crate::text;
    text::checked("登录名", username, text::NAME)?;
    text::checked("姓名", name, text::NAME)?;
    text::optional("中队", squad, text::NAME)?;
    Ok(())
}

/// Certificate numbers differ by province; what they share: 6–24 characters, ASCII letters,
/// digits and hyphens, at least six digits.
pub fn cert_no_well_formed(s: &str) -> bool {
    let n = s.chars().count();
    (6..=24).contains(&n)
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && s.chars().filter(char::is_ascii_digit).count() >= 6
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(cert: Option<&str>, until: Option<&str>) -> User {
        User {
            id: 1,
            username: "zs".into(),
            name: "张三".into(),
            roles: vec![Role::Handler],
            squad: "第一中队".into(),
            cert_no: cert.map(Into::into),
            cert_valid_until: until.map(|d| d.parse().unwrap()),
            legal_qualified: false,
            active: true,
        }
    }

    #[test]
    fn certificates_art_42() {
        let d = "2026-09-28".parse().unwrap();
        assert!(user(Some("22010012345"), None).certified_on(d));
        assert!(user(Some("22010012345"), Some("2026-12-31")).certified_on(d));
        assert!(
            !user(Some("22010012345"), Some("2026-09-27")).certified_on(d),
            "expired"
        );
        assert!(!user(None, None).certified_on(d), "contract staff");
        assert!(!user(Some("12"), None).certified_on(d), "malformed");
        let mut inactive = user(Some("22010012345"), None);
        inactive.active = false;
        assert!(!inactive.certified_on(d));
    }

    #[test]
    fn only_admins_administer_and_reset_others_passwords() {
        let clerk = user(Some("22010012345"), None);
        let mut admin = user(None, None);
        admin.id = 2;
        admin.roles = vec![Role::Admin];
        assert_eq!(
            may_administer(&clerk),
            Err(AccessDenied::NotAdmin("张三".into()))
        );
        assert_eq!(may_administer(&admin), Ok(()));
        assert_eq!(may_set_password(&clerk, clerk.id), Ok(()), "own password");
        assert_eq!(
            may_set_password(&clerk, admin.id),
            Err(AccessDenied::OthersPassword)
        );
        assert_eq!(may_set_password(&admin, clerk.id), Ok(()));
        assert_eq!(may_import_ledger(&admin), Ok(()));
        assert_eq!(
            may_import_ledger(&clerk),
            Err(AccessDenied::NotLedgerKeeper("张三".into()))
        );
        let mut head = clerk.clone();
        head.roles = vec![Role::Head];
        assert_eq!(may_import_ledger(&head), Ok(()));
        admin.active = false;
        assert!(may_administer(&admin).is_err(), "a deactivated admin");
        assert!(may_import_ledger(&admin).is_err());
        assert!(may_set_password(&admin, clerk.id).is_err());
    }
}
