//! What a decision must say before it may be printed: every item of 行政处罚法 Art 59 (Art 52
//! for an on-the-spot decision), and nothing heavier than the notified penalty (Art 45 para 2).

use super::{DocCtx, DocError, DocKind};
use crate::case::{Decision, Procedure};

const ART59: &str = "行政处罚法第五十九条";
const ART52: &str = "行政处罚法第五十二条第二款";

fn missing(doc: DocKind, article: &'static str, item: &'static str, hint: &str) -> DocError {
    DocError::MissingItem {
        doc: doc.name(),
        article,
        item,
        hint: hint.to_string(),
    }
}

/// Checks a 行政处罚决定书 or 当场行政处罚决定书 against the statute before it is printed.
pub fn decision<'a>(ctx: &DocCtx<'a>, doc: DocKind) -> Result<&'a Decision, DocError> {
    let case = ctx.case;
    let on_spot = case.procedure == Procedure::Simple;
    let article = if on_spot { ART52 } else { ART59 };
    let d = case
        .decision
        .as_ref()
        .ok_or_else(|| DocError::NotApplicable(doc.name(), "尚未作出行政处罚决定".to_string()))?;
    // (一) 当事人的姓名或者名称、地址
    if case.parties.is_empty() {
        return Err(missing(
            doc,
            article,
            "当事人的姓名或者名称",
            "案件没有当事人",
        ));
    }
    for p in &case.parties {
        if p.display_name().trim().is_empty() {
            return Err(missing(
                doc,
                article,
                "当事人的姓名或者名称",
                "当事人姓名为空",
            ));
        }
        if !on_spot && p.address().trim().is_empty() {
            return Err(missing(
                doc,
                article,
                "当事人的地址",
                &format!("请补充当事人“{}”的地址", p.display_name()),
            ));
        }
    }
    // (二) 违反法律、法规、规章的事实和证据
    if case.facts.trim().is_empty() {
        return Err(missing(doc, article, "违法事实", "案件没有填写违法事实"));
    }
    if !on_spot && case.evidence.is_empty() && case.records.is_empty() {
        return Err(missing(doc, article, "证据", "案件没有登记任何证据或笔录"));
    }
    // (三) 行政处罚的种类和依据
    if d.kinds.is_empty() {
        return Err(missing(doc, article, "行政处罚的种类", "决定没有处罚种类"));
    }
    if case.power.power.violated.is_empty() {
        return Err(missing(
            doc,
            article,
            "行政处罚的依据",
            "权限事项没有违法条款",
        ));
    }
    // (四) 行政处罚的履行方式和期限
    if !on_spot && d.fine.0 > 0 && d.payment_place.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "行政处罚的履行方式和期限",
            "决定没有写明缴款地点或方式（罚缴分离，行政处罚法第六十七条）",
        ));
    }
    // (五) 申请行政复议、提起行政诉讼的途径和期限; (六) 行政机关名称
    remedy_route(ctx, doc, article)?;
    if on_spot
        && d.on_spot_place
            .as_deref()
            .is_none_or(|p| p.trim().is_empty())
    {
        return Err(missing(doc, article, "地点", "当场处罚决定没有写明地点"));
    }
    not_heavier(ctx, doc, d)?;
    Ok(d)
}

/// Art 45 para 2: the decision may not be heavier than what the party was told (Art 44).
fn not_heavier(ctx: &DocCtx<'_>, doc: DocKind, d: &Decision) -> Result<(), DocError> {
    let Some(n) = &ctx.case.notice else {
        return Ok(());
    };
    let heavier = |detail: String| DocError::Heavier {
        doc: doc.name(),
        detail,
    };
    if d.fine > n.fine {
        return Err(heavier(format!("决定罚款{}，告知罚款{}", d.fine, n.fine)));
    }
    if d.confiscation > n.confiscation {
        return Err(heavier(format!(
            "决定没收{}，告知没收{}",
            d.confiscation, n.confiscation
        )));
    }
    if let Some(k) = d.kinds.iter().find(|k| !n.kinds.contains(k)) {
        return Err(heavier(format!(
            "决定增加了告知中没有的处罚种类“{}”",
            k.name()
        )));
    }
    Ok(())
}

/// The remedy notice of a decision: 60 days for 复议 (行政复议法 Art 20), six months for a
/// direct suit (行政诉讼法 Art 46); an on-the-spot decision must go to 复议 first
/// (行政复议法 Art 23 para 1 item 1).
pub fn remedy_text(agency: &crate::agency::Agency, on_spot: bool) -> String {
    let review = &agency.review_body;
    let court = &agency.court;
    if on_spot {
        format!(
            "如不服本决定，应当依照《中华人民共和国行政复议法》第二十三条第一款第（一）项的规定，\
             先自收到本决定书之日起六十日内向{review}申请行政复议；对行政复议决定不服的，\
             可以自收到行政复议决定书之日起十五日内依法向{court}提起行政诉讼。"
        )
    } else {
        remedy_against(agency, "本决定", "本决定书")
    }
}

/// The same remedies against an act that is printed under another name: `act` is what
/// the party may contest (`本通知`, `本机关立即实施代履行的决定`), `paper` what it receives
/// (`本通知书`), from whose receipt the periods run.
pub fn remedy_against(agency: &crate::agency::Agency, act: &str, paper: &str) -> String {
    remedies(agency, act, paper, None)
}

/// The remedies an order to act states: those of any decision, except that a special law
/// may set its own time to sue (土地管理法第八十三条: fifteen days), which the paper cites.
pub fn order_remedy_text(
    agency: &crate::agency::Agency,
    suit: Option<crate::enforcement::SpecialSuit>,
) -> String {
    remedies(agency, "本决定", "本决定书", suit)
}

/// 60 days for 复议 (行政复议法第二十条) and six months to sue (行政诉讼法第四十六条), or the
/// time a special law sets, cited.
fn remedies(
    agency: &crate::agency::Agency,
    act: &str,
    paper: &str,
    suit: Option<crate::enforcement::SpecialSuit>,
) -> String {
    let review = &agency.review_body;
    let court = &agency.court;
    let (under, days) = match suit {
        Some(s) => (format!("依照{}的规定，", s.cited()), s.days_text()),
        None => (String::new(), "六个月".to_string()),
    };
    format!(
        "如不服{act}，可以自收到{paper}之日起六十日内向{review}申请行政复议，\
         也可以{under}自收到{paper}之日起{days}内直接向{court}提起行政诉讼。"
    )
}

/// What a paper that the party may contest must name before it prints: the party and
/// address, and the route and time limit of 复议 and 诉讼 with the agency's name
/// (行政强制法第三十七条第二款第（一）（四）（五）项 for the 强制执行决定书, 第五十一条第一款
/// 第（一）项 for the 代履行决定书; 行政复议法第二十条第三款 for the order and the notice,
/// whose party is told where and by when to seek 复议).
pub fn contestable(
    ctx: &DocCtx<'_>,
    doc: DocKind,
    article: &'static str,
    party: (&str, &str),
) -> Result<(), DocError> {
    let (name, address) = party;
    if name.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "当事人的姓名或者名称",
            "案件没有当事人",
        ));
    }
    if address.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "当事人的地址",
            &format!("请补充当事人“{name}”的地址"),
        ));
    }
    remedy_route(ctx, doc, article)
}

/// The route of 复议 and 诉讼 and the agency's name, from the agency's settings: without
/// them a paper that tells the party where to turn cannot be printed.
fn remedy_route(ctx: &DocCtx<'_>, doc: DocKind, article: &'static str) -> Result<(), DocError> {
    if ctx.agency.review_body.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "申请行政复议的途径",
            "机关设置中没有复议机关：zhifa settings set review_body 某某县人民政府",
        ));
    }
    if ctx.agency.court.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "提起行政诉讼的途径",
            "机关设置中没有人民法院：zhifa settings set court 某某县人民法院",
        ));
    }
    if ctx.agency.full_name.trim().is_empty() {
        return Err(missing(
            doc,
            article,
            "行政机关名称",
            "机关设置中没有机关全称",
        ));
    }
    Ok(())
}
