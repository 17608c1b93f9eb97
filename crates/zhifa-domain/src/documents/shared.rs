//! Papers and sentences printed both for a case and before one (a lead, an inspection): one
//! wording for one legal fact. The case builders (`build*.rs`) and the intake builders
//! (`lead`, `inspection`) call these; these call no builder.

use chrono::NaiveDate;

use super::common::{correction_object, date, sentence};
use super::Paper;
use crate::agency::Agency;

/// An approval sheet (立案审批表; 不予立案审批表): the particulars, what happened, the
/// officers' opinion under their signatures, and the 负责人's approval once given.
pub(crate) struct ApprovalSheet {
    pub rows: Vec<(String, String)>,
    /// Sections before the opinion, (heading, text): 案件基本情况, 核查情况.
    pub sections: Vec<(&'static str, String)>,
    /// 承办人意见.
    pub opinion: String,
    /// One line per officer: `承办人：张三（执法证号 …）    2026年3月2日`.
    pub signers: Vec<String>,
    /// The 负责人's opinion, name and date.
    pub approval: Option<(String, String, NaiveDate)>,
}

pub(crate) fn approval_sheet(p: &mut Paper, s: ApprovalSheet) {
    p.fields(s.rows);
    for (heading, text) in s.sections {
        p.heading(heading);
        p.para(text);
    }
    p.heading("承办人意见");
    p.para(s.opinion);
    p.signatures(s.signers);
    if let Some((opinion, name, on)) = s.approval {
        p.heading("审批意见");
        p.para(opinion);
        p.signatures([format!("负责人：{name}    {}", date(on))]);
    }
}

/// A 责令（限期）改正通知书 (行政处罚法第二十八条第一款), from a case or an inspection.
pub(crate) struct CorrectionOrder<'a> {
    /// Whom it is addressed to (the party, the object inspected).
    pub addressee: String,
    /// `你`, `你单位`, `你们`.
    pub you: &'static str,
    /// What was found, as one `经查，…` sentence.
    pub found: String,
    /// The item's own provision the order also rests on, cited; `None` where no catalog
    /// item is recorded (an inspection).
    pub basis: Option<String>,
    pub content: &'a str,
    pub deadline: NaiveDate,
    /// The 复查 date, where it was set when the order was issued.
    pub recheck_on: Option<NaiveDate>,
    /// 联系人.
    pub contact: String,
    pub date: NaiveDate,
}

pub(crate) fn correction_order(p: &mut Paper, agency: &Agency, c: CorrectionOrder<'_>) {
    let you = c.you;
    p.date = date(c.date);
    p.para(format!("{}：", c.addressee));
    p.para(c.found);
    let basis = match &c.basis {
        Some(b) => format!("《中华人民共和国行政处罚法》第二十八条第一款和{b}"),
        None => "《中华人民共和国行政处罚法》第二十八条第一款".to_string(),
    };
    p.para(format!(
        "依据{basis}的规定，现责令{you}于{}前改正上述违法行为：{}。",
        date(c.deadline),
        correction_object(c.content)
    ));
    let recheck = match c.recheck_on {
        Some(on) => format!("本机关将于{}进行复查", date(on)),
        None => "期限届满后本机关将进行复查".to_string(),
    };
    p.para(format!(
        "{you}应当在上述期限内改正，并将改正情况告知本机关。{recheck}；逾期不改正的，本机关将依法处理。"
    ));
    p.fields([
        ("机关地址", agency.address.clone()),
        ("联系电话", agency.phone.clone()),
        ("联系人", c.contact),
    ]);
    // The notice is an act of its own: the same remedies, named for what it is.
    p.para(super::check::remedy_against(agency, "本通知", "本通知书"));
    p.closing(&agency.full_name, &date(c.date));
}

/// The body of a 移送 (行政处罚法第二十七条第一款 for a suspected crime): where the matter was
/// found (`办理某某案`, `核查线索〔2026〕3号`), what was found, the articles relied on, and
/// what the receiver is asked to do. `what` is `案` or `线索`.
pub(crate) fn transfer_sentence(
    found_in: &str,
    facts: &str,
    articles: &str,
    what: &str,
    judicial: bool,
) -> String {
    format!(
        "本机关在{found_in}中发现，{}依据《中华人民共和国行政处罚法》{articles}的规定，现将该{what}移送你单位{}。",
        sentence(facts),
        if judicial {
            "依法追究刑事责任"
        } else {
            "依法处理"
        }
    )
}
