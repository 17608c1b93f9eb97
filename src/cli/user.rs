//! `zhifa user`: staff accounts (admins add people and reset passwords).

use clap::Subcommand;

use super::{new_secret, print_json, CliError, CliResult, Context, JsonFlag};
use crate::desk::Desk;
use crate::domain::chinese::parse_date;
use crate::domain::people::Role;
use crate::store::{NewUser, Who};
use crate::text::{clean, pad};

#[derive(Debug, Subcommand)]
pub(crate) enum UserCommand {
    /// 添加人员（管理员）；新密码取自 ZHIFA_NEW_PASSWORD，未设置时提示输入
    Add {
        /// 登录名
        #[arg(long)]
        username: String,
        /// 姓名
        #[arg(long)]
        name: String,
        /// 岗位：承办人 中队长 法制审核员 负责人 管理员（可重复）
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// 所在中队，例如 第一中队
        #[arg(long, default_value = "")]
        squad: String,
        /// 行政执法证号（协管人员不填）
        #[arg(long)]
        cert: Option<String>,
        /// 执法证有效期至
        #[arg(long)]
        cert_valid_until: Option<String>,
        /// 已取得国家统一法律职业资格（法制审核员）
        #[arg(long)]
        legal_qualified: bool,
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 列出人员
    List {
        #[command(flatten)]
        json: JsonFlag,
    },
    /// 重置密码（管理员可重置任何人，其他人只能改自己的）
    Passwd {
        /// 登录名
        username: String,
    },
    /// 停用账号（管理员）：不能再登录或办理任何环节，已办案件上的姓名保留
    Disable {
        /// 登录名
        username: String,
    },
    /// 重新启用已停用的账号（管理员）
    Enable {
        /// 登录名
        username: String,
    },
    /// 调整岗位（管理员）：以给出的岗位替换原有岗位
    Roles {
        /// 登录名
        username: String,
        /// 岗位：承办人 中队长 法制审核员 负责人 管理员（可重复）
        #[arg(long = "role", required = true)]
        roles: Vec<String>,
        /// 已取得国家统一法律职业资格（法制审核员）
        #[arg(long)]
        legal_qualified: bool,
    },
}

fn parse_roles(roles: &[String]) -> Result<Vec<Role>, CliError> {
    roles
        .iter()
        .map(|r| {
            Role::parse(r).ok_or_else(|| {
                CliError(format!(
                    "未知岗位“{}”，可选：承办人、中队长、法制审核员、负责人、管理员",
                    clean(r)
                ))
            })
        })
        .collect()
}

fn target(
    store: &crate::store::Store,
    username: &str,
) -> Result<crate::domain::people::User, CliError> {
    store
        .user_by_username(username)?
        .ok_or_else(|| CliError(format!("没有登录名为 {} 的人员", clean(username))))
}

pub(crate) fn run(ctx: &Context, cmd: UserCommand) -> CliResult {
    let mut store = ctx.open_store()?;
    match cmd {
        UserCommand::Add {
            username,
            name,
            roles,
            squad,
            cert,
            cert_valid_until,
            legal_qualified,
            json,
        } => {
            let admin = ctx.login_admin(&mut store)?;
            let roles = parse_roles(&roles)?;
            let cert_valid_until = cert_valid_until.as_deref().map(parse_date).transpose()?;
            let new = NewUser {
                username,
                name,
                roles,
                squad,
                cert_no: cert.filter(|c| !c.trim().is_empty()),
                cert_valid_until,
                legal_qualified,
            };
            let password = new_secret(&format!("为 {} 设置密码：", new.username))?;
            let user = store.add_user(&new, &password, &Who::user(&admin))?;
            if json.json {
                return print_json(&user);
            }
            println!("已添加：{}（{}）", user.label(), user.username);
            Ok(())
        }
        UserCommand::List { json } => {
            let users = store.users()?;
            if json.json {
                return print_json(&users.values().collect::<Vec<_>>());
            }
            for u in users.values() {
                let roles: Vec<&str> = u.roles.iter().map(|r| r.name()).collect();
                println!(
                    "{} {} {} {} {}{}",
                    pad(&u.username, 12),
                    pad(&u.name, 8),
                    pad(&u.squad, 10),
                    pad(&roles.join("、"), 22),
                    u.cert_no
                        .as_deref()
                        .map(clean)
                        .unwrap_or_else(|| "（协管，无执法证）".into()),
                    if u.active { "" } else { "  已停用" }
                );
            }
            Ok(())
        }
        UserCommand::Passwd { username } => {
            let actor = ctx.login(&mut store)?;
            let target = store
                .user_by_username(&username)?
                .ok_or_else(|| CliError(format!("没有登录名为 {username} 的人员")))?;
            crate::domain::people::may_set_password(&actor, target.id)
                .map_err(|e| CliError(e.to_string()))?;
            let password = new_secret(&format!("{} 的新密码：", target.username))?;
            Desk::new(store).reset_password(target.id, &password, &actor)?;
            println!("已设置 {} 的新密码", target.username);
            Ok(())
        }
        UserCommand::Disable { username } => set_active(ctx, &mut store, &username, false),
        UserCommand::Enable { username } => set_active(ctx, &mut store, &username, true),
        UserCommand::Roles {
            username,
            roles,
            legal_qualified,
        } => {
            let admin = ctx.login_admin(&mut store)?;
            let roles = parse_roles(&roles)?;
            let user = target(&store, &username)?;
            let user = Desk::new(store).set_user_roles(user.id, &roles, legal_qualified, &admin)?;
            let names: Vec<&str> = user.roles.iter().map(|r| r.name()).collect();
            println!(
                "已调整 {}（{}）的岗位：{}",
                clean(&user.name),
                clean(&user.username),
                names.join("、")
            );
            Ok(())
        }
    }
}

fn set_active(
    ctx: &Context,
    store: &mut crate::store::Store,
    username: &str,
    active: bool,
) -> CliResult {
    let admin = ctx.login_admin(store)?;
    let user = target(store, username)?;
    let user = store.set_user_active(user.id, active, &Who::user(&admin))?;
    println!(
        "已{}：{}（{}）",
        if active { "启用" } else { "停用" },
        clean(&user.name),
        clean(&user.username)
    );
    Ok(())
}
