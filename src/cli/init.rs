//! `zhifa init`: create the agency database.

use clap::Args;

use super::{print_json, CliError, CliResult, Context, JsonFlag};
use crate::assets;
use crate::domain::agency::Agency;
use crate::domain::people::Role;
use crate::store::{NewUser, Store};

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// 乡镇名称，例如 合隆镇
    #[arg(long)]
    township: String,
    /// 简称（用于案号），例如 合
    #[arg(long)]
    abbr: String,
    /// 机关全称（默认：{乡镇}人民政府）
    #[arg(long)]
    name: Option<String>,
    /// 所在县（市、区），用于默认复议机关和人民法院，例如 农安县
    #[arg(long)]
    county: Option<String>,
    /// 复议机关（默认：{县}人民政府）
    #[arg(long)]
    review_body: Option<String>,
    /// 基层人民法院（默认：{县}人民法院）
    #[arg(long)]
    court: Option<String>,
    /// 机关地址
    #[arg(long, default_value = "")]
    address: String,
    /// 联系电话
    #[arg(long, default_value = "")]
    phone: String,
    /// 第一个管理员的登录名；密码取自 ZHIFA_PASSWORD，未设置时在终端提示输入
    #[arg(long, default_value = "admin")]
    admin: String,
    /// 第一个管理员的姓名
    #[arg(long, default_value = "管理员")]
    admin_name: String,
    #[command(flatten)]
    json: JsonFlag,
}

pub(crate) fn run(ctx: &Context, args: InitArgs) -> CliResult {
    let path = ctx.db_path()?;
    let mut agency = Agency::new(&args.township, &args.abbr)?;
    if let Some(county) = &args.county {
        agency = agency.with_county(county);
    }
    for (key, value) in [
        ("full_name", args.name.as_deref()),
        ("review_body", args.review_body.as_deref()),
        ("court", args.court.as_deref()),
        ("address", Some(args.address.as_str())),
        ("phone", Some(args.phone.as_str())),
    ] {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            agency.set(key, v)?;
        }
    }
    let catalog = assets::catalog_template().map_err(|issues| {
        CliError(format!(
            "内置权限清单有误（这是 zhifa 的缺陷，请报告）：{}",
            issues
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("；")
        ))
    })?;
    let holidays = assets::holiday_tables()?;
    if path.exists() {
        return Err(crate::store::StoreError::AlreadyExists(path).into());
    }
    let admin = NewUser {
        username: args.admin.clone(),
        name: args.admin_name.clone(),
        roles: vec![Role::Admin],
        squad: String::new(),
        cert_no: None,
        cert_valid_until: None,
        legal_qualified: false,
    };
    let password = match std::env::var("ZHIFA_PASSWORD") {
        Ok(p) => p,
        Err(_) => super::new_secret(&format!("为管理员 {} 设置密码：", args.admin))?,
    };
    let (_store, report) = Store::init(
        &path,
        &agency,
        &catalog,
        "内置模板",
        &holidays,
        Some((&admin, &password)),
    )?;
    tracing::info!(path = %path.display(), "database created");
    if args.json.json {
        return print_json(&report);
    }
    println!("已建库：{}", path.display());
    println!("机关：{}（案号简称“{}”）", agency.full_name, agency.abbr);
    println!(
        "权限清单：{} 项（{}，模板，请导入本乡镇正式公布的清单：zhifa powers import 文件）",
        report.catalog.added.len(),
        catalog.meta.name
    );
    let years: Vec<String> = report.holiday_years.iter().map(|y| y.to_string()).collect();
    println!("节假日表：{} 年", years.join("、"));
    println!(
        "管理员：{}（用 zhifa user add --user {} 添加人员）",
        args.admin, args.admin
    );
    if agency.review_body.is_empty() || agency.court.is_empty() {
        println!(
            "提示：复议机关和人民法院尚未设置，文书中需要它们。请运行：\n  zhifa settings set review_body 某某县人民政府\n  zhifa settings set court 某某县人民法院"
        );
    }
    Ok(())
}
