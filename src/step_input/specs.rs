//! The fields of every form: each workflow step, the new case (提请立案) and the
//! on-the-spot case (当场处罚). The CLI (`case do`, `case new --file`, `case spot --file`)
//! and the UI forms read the same tables.

use super::kind::{FieldKind as K, FieldSpec};
use crate::domain::case::ActionKind;

const fn f(key: &'static str, label: &'static str, kind: K, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        hint,
        kind,
    }
}

// The values of the choice fields: the serde names of the domain's types (a test reads
// each one back into its type).
pub const EVIDENCE_KINDS: &[&str] = &[
    "书证",
    "物证",
    "视听资料",
    "电子数据",
    "证人证言",
    "当事人的陈述",
    "鉴定意见",
    "勘验笔录、现场笔录",
];
pub const RECORD_KINDS: &[&str] = &["现场检查(勘验)笔录", "询问笔录", "陈述申辩笔录", "听证笔录"];
/// How the person recorded signed (`Signature`): signed, refused, or a witness signed.
pub const SIGNATURES: &[&str] = &["已签名", "拒绝签名", "见证人签名"];
pub const PENALTY_KINDS: &[&str] = &[
    "警告",
    "通报批评",
    "罚款",
    "没收违法所得",
    "没收非法财物",
    "暂扣许可证件",
    "降低资质等级",
    "吊销许可证件",
    "限制开展生产经营活动",
    "责令停产停业",
    "责令关闭",
    "限制从业",
    "其他行政处罚",
];
pub const TIERS: &[&str] = &[
    "不予处罚",
    "减轻",
    "从轻",
    "轻微",
    "一般",
    "较重",
    "严重",
    "从重",
];
pub const MITIGATIONS: &[&str] = &[
    "已满十四周岁不满十八周岁",
    "尚未完全丧失辨认或者控制能力",
    "主动消除或者减轻危害后果",
    "受他人胁迫或者诱骗",
    "主动供述尚未掌握的违法行为",
    "配合查处有立功表现",
    "法律法规规章规定的其他情形",
];
/// The head's four outcomes (Art 57), as `Outcome::label` names them.
pub const OUTCOMES: &[&str] = &[
    "给予行政处罚",
    "不予行政处罚",
    "违法事实不能成立",
    "移送司法机关",
    "移送有关机关",
];
pub const NO_PENALTY_REASONS: &[&str] = &[
    "轻微并及时改正",
    "初次违法",
    "无主观过错",
    "未满十四周岁",
    "无责任能力",
];
pub const SERVED_DOCS: &[&str] = &[
    "行政处罚事先告知书",
    "听证通知书",
    "行政处罚决定书",
    "不予行政处罚决定书",
    "催告书",
    "责令改正通知书",
    "加处罚款决定书",
    "责令限期履行决定书",
    "履行义务催告书",
    "强制执行决定书",
    "代履行决定书",
];
/// The orders to act (`DutyKind`).
pub const DUTY_KINDS: &[&str] = &[
    "责令限期改正",
    "责令限期拆除",
    "责令恢复原状",
    "责令清除障碍物",
    "责令拆除违法设置的广告设施",
];
/// What makes 代履行 available (行政强制法第五十条).
pub const SUBSTITUTE_HARMS: &[&str] = &["危害交通安全", "造成环境污染", "破坏自然资源"];
/// Where 立即代履行 happens (第五十二条).
pub const PUBLIC_SPACES: &[&str] = &["道路", "河道", "航道", "公共场所", "其他场所"];
pub const CLEARABLES: &[&str] = &["遗洒物", "障碍物", "污染物", "其他物品"];
pub const SUSPENSION_GROUNDS: &[&str] = &[
    "当事人履行行政决定确有困难或者暂无履行能力",
    "第三人对执行标的主张权利，确有理由",
    "执行可能造成难以弥补的损失，且中止执行不损害公共利益",
    "行政机关认为需要中止执行的其他情形",
];
pub const TERMINATION_GROUNDS: &[&str] = &[
    "公民死亡，无遗产可供执行，又无义务承受人",
    "法人或者其他组织终止，无财产可供执行，又无义务承受人",
    "执行标的灭失",
    "据以执行的行政决定被撤销",
    "行政机关认为需要终结执行的其他情形",
    "中止执行满三年未恢复执行",
];
pub const GOODS_ORIGINS: &[&str] = &["没收", "查封扣押", "先行登记保存"];
pub const MOVEMENT_KINDS: &[&str] = &["入库", "移交", "退还", "拍卖", "销毁"];
/// What a 更正/补正 may change (`CorrectionTarget`): recorded dates and names, never what
/// was decided.
pub const CORRECTION_TARGETS: &[&str] = &[
    "违法行为发生日期",
    "发现日期",
    "违法行为地点",
    "当事人姓名或名称",
    "当事人地址",
    "事先告知日期",
    "陈述申辩日期",
    "放弃陈述申辩听证日期",
    "决定日期",
    "送达日期",
    "缴款日期",
    "缴款票据号",
];
pub const SERVICE_METHODS: &[&str] = &["直接送达", "留置送达", "邮寄送达", "电子送达", "公告送达"];
pub const PAYMENT_METHODS: &[&str] = &["银行缴纳", "电子支付", "当场收缴", "强制执行"];
pub const CASH_GROUNDS: &[&str] = &["一百元以下罚款", "事后难以执行", "边远地区当事人提出"];
pub const REMEDY_KINDS: &[&str] = &["行政复议", "行政诉讼"];
pub const REMEDY_RESULTS: &[&str] = &["维持", "撤销", "变更", "确认违法", "驳回"];
pub const SOURCES: &[&str] = &["现场检查", "举报", "上级交办", "部门移送", "其他"];
pub const PARTY_TYPES: &[&str] = &["个人", "单位", "个体工商户"];

const DATE: FieldSpec = f("date", "日期", K::Date, "不填为今天");
const OPINION: FieldSpec = f("opinion", "意见", K::MultiLine, "审批或审核意见");
const OFFICERS: FieldSpec = f("officers", "执法人员", K::Persons, "两名持证人员");
const INDEX: FieldSpec = f("index", "第几项（从0起）", K::Count, "");

/// The fields of each step's form, in order.
pub fn fields(step: ActionKind) -> Vec<FieldSpec> {
    use ActionKind as A;
    match step {
        A::ApproveFiling => vec![
            DATE,
            f("agree", "是否同意", K::Bool, "否 为不予立案"),
            OPINION,
        ],
        A::AddEvidence => vec![
            f("kind", "证据种类", K::Choice(EVIDENCE_KINDS), ""),
            f(
                "description",
                "证据说明",
                K::MultiLine,
                "名称、数量、证明事项",
            ),
            f("collected_on", "取证日期", K::Date, "不填为今天"),
            f("time", "时间", K::Time, ""),
            f("place", "地点", K::Text, ""),
            f("collectors", "取证人员", K::Persons, "两名持证人员"),
        ],
        A::AddRecord => vec![
            f("kind", "笔录种类", K::Choice(RECORD_KINDS), ""),
            DATE,
            f("start", "开始时间", K::Time, ""),
            f("end", "结束时间", K::Time, ""),
            f("place", "地点", K::Text, ""),
            OFFICERS,
            f("persons", "被询问人/在场人", K::Names, "询问笔录一人一份"),
            f("nth", "第几次询问", K::Count, "询问笔录填 1、2…，其他填 0"),
            f("content", "笔录内容", K::MultiLine, "问答或检查情况"),
            f("signature", "签名情况", K::Choice(SIGNATURES), ""),
            f("witness", "见证人姓名", K::Text, "见证人签名时填"),
        ],
        A::OrderCorrection => vec![
            f("date", "通知日期", K::Date, "制发之日，不填为今天"),
            f(
                "content",
                "责令改正内容",
                K::MultiLine,
                "改正什么，如 停止焚烧，清理现场",
            ),
            f("deadline", "改正期限", K::Date, "须晚于通知日期"),
        ],
        A::Recheck => vec![
            f("date", "复查日期", K::Date, "不填为今天"),
            f("corrected", "是否已改正", K::Bool, ""),
            f("note", "复查情况", K::MultiLine, "现场看到的改正情况"),
        ],
        A::Preserve => vec![
            DATE,
            f("items", "保存物品清单", K::MultiLine, "名称、规格、数量"),
        ],
        A::DecidePreservation => vec![
            f("index", "第几批（从0起）", K::Count, ""),
            DATE,
            f("decision", "处理决定", K::Text, "没收、退还等"),
        ],
        A::Seize => vec![
            DATE,
            f("items", "查封扣押清单", K::MultiLine, ""),
            f("days", "期限（日）", K::Count, "不超过 30"),
        ],
        A::ExtendSeizure => vec![INDEX, DATE, f("days", "延长日数", K::Count, "不超过 30")],
        A::ExcludeSeizureDays => vec![INDEX, f("days", "检测鉴定日数", K::Count, "")],
        A::ReleaseSeizure => vec![INDEX, DATE],
        A::EndInvestigation => vec![
            f("date", "调查终结日期", K::Date, "不填为今天"),
            f(
                "kinds",
                "拟处罚种类",
                K::Choices(PENALTY_KINDS),
                "建议不予处罚填 无",
            ),
            f("tier", "裁量阶次", K::Choice(TIERS), "见权限清单"),
            f("fine", "拟罚款（元）", K::Money, ""),
            f(
                "base_amount",
                "计罚基数（元）",
                K::Money,
                "按倍数计罚时填：工程造价、货值、违法所得等",
            ),
            f(
                "units",
                "计罚数量",
                K::Quantity,
                "按单位计罚时填：如 120（平方米）",
            ),
            f(
                "alternative_band",
                "适用备选幅度",
                K::Bool,
                "条文另设幅度的情形（如没有违法所得）填 是",
            ),
            f(
                "triggers",
                "法定情形",
                K::Texts,
                "调查认定的、条文另定必给处罚的情形，如 拒不改正；无则不填",
            ),
            f(
                "mitigation",
                "从轻、减轻情节",
                K::Choice(MITIGATIONS),
                "选“从轻”“减轻”时必填",
            ),
            f("confiscation", "没收金额（元）", K::Money, ""),
            f("reasoning", "处理建议理由", K::MultiLine, ""),
            f(
                "complex_or_major",
                "情节复杂或重大",
                K::Bool,
                "是 则需集体讨论",
            ),
            f(
                "legal_review_flags",
                "法制审核情形",
                K::Texts,
                "无则不填；如 涉及重大公共利益",
            ),
        ],
        A::SquadReview => vec![
            DATE,
            f("agree", "是否同意", K::Bool, "否 为退回补充调查"),
            OPINION,
        ],
        A::LegalReview => vec![DATE, f("passed", "是否通过", K::Bool, ""), OPINION],
        A::Discuss => vec![
            DATE,
            f("attendees", "参加的负责人", K::Persons, "至少两名负责人"),
            f(
                "opinions",
                "各参加人员意见",
                K::Texts,
                "按参加人员的顺序每人一条，一行一条",
            ),
            f("conclusion", "讨论结论", K::MultiLine, ""),
            f("recorder", "记录人", K::Person, "本机关工作人员，非主持人"),
        ],
        A::ReviewDecision => vec![
            DATE,
            f("outcome", "审查决定", K::Choice(OUTCOMES), ""),
            f(
                "reason",
                "不予处罚的理由",
                K::Choice(NO_PENALTY_REASONS),
                "不予行政处罚时填",
            ),
            f("education", "教育情况", K::MultiLine, "不予行政处罚时填"),
            f("to", "移送机关", K::Text, "移送时填，如 农安县公安局"),
            OPINION,
        ],
        A::IssueNotice => vec![DATE],
        A::Serve => vec![
            f("doc", "送达文书", K::Choice(SERVED_DOCS), ""),
            f("method", "送达方式", K::Choice(SERVICE_METHODS), ""),
            DATE,
            f("recipient", "受送达人", K::Text, ""),
            OFFICERS,
            f("confirmation", "电子送达确认书", K::Bool, "电子送达填 是"),
        ],
        A::RecordStatement => vec![
            DATE,
            f("content", "陈述申辩内容", K::MultiLine, ""),
            f("adopted", "是否采纳", K::Bool, ""),
            f("reexamination", "复核意见", K::MultiLine, ""),
        ],
        A::RequestHearing | A::Waive => vec![DATE],
        A::ScheduleHearing => vec![
            f("notified_on", "通知日期", K::Date, ""),
            f("date", "听证日期", K::Date, "通知后至少七个工作日"),
            f("time", "听证时间", K::Time, "如 09:00"),
            f("place", "听证地点", K::Text, ""),
            f("public", "公开举行", K::Bool, "不填为 是"),
            f(
                "closed_reason",
                "不公开的理由",
                K::Text,
                "不公开时填：涉及国家秘密、商业秘密或者个人隐私",
            ),
            f("presiding", "主持人", K::Person, "非本案调查人员"),
            f(
                "hearing_officers",
                "听证员",
                K::Persons,
                "无则不填；非本案调查人员",
            ),
            f("recorder", "记录人", K::Person, "非本案调查人员"),
        ],
        A::HoldHearing => vec![
            DATE,
            f("party_absent", "当事人未到场", K::Bool, ""),
            f(
                "investigators_case",
                "调查人员提出的事实、证据和处罚建议",
                K::MultiLine,
                "当事人到场时必填",
            ),
            f(
                "party_statement",
                "当事人的陈述、申辩和质证意见",
                K::MultiLine,
                "当事人到场时必填",
            ),
        ],
        A::ExtendDecisionPeriod => vec![DATE, f("reason", "延期理由", K::MultiLine, "")],
        A::Decide => vec![
            DATE,
            f(
                "kinds",
                "处罚种类",
                K::Choices(PENALTY_KINDS),
                "不予处罚填 无",
            ),
            f("fine", "罚款（元）", K::Money, "不得高于告知的金额"),
            f("confiscation", "没收金额（元）", K::Money, ""),
            f("correction_order", "责令改正内容", K::MultiLine, ""),
            f("payment_place", "缴款银行或方式", K::Text, ""),
            f("publish", "需要公示", K::Bool, ""),
        ],
        A::Publish => vec![DATE],
        A::Pay => vec![
            DATE,
            f("amount", "金额（元）", K::Money, ""),
            f("method", "缴款方式", K::Choice(PAYMENT_METHODS), ""),
            f("receipt_no", "票据号", K::Text, "当场收缴必填"),
            f(
                "cash_ground",
                "当场收缴依据",
                K::Choice(CASH_GROUNDS),
                "当场收缴必填（行政处罚法第六十八条、第六十九条）",
            ),
        ],
        A::ApprovePlan => vec![DATE, f("instalments", "各期", K::Instalments, "")],
        A::Demand => vec![DATE],
        A::ApplyCourt => vec![DATE, f("court", "人民法院", K::Text, "")],
        A::RemedyStarted => vec![f("kind", "种类", K::Choice(REMEDY_KINDS), ""), DATE],
        A::RemedyEnded => vec![
            f("kind", "种类", K::Choice(REMEDY_KINDS), ""),
            DATE,
            f("result", "结果", K::Choice(REMEDY_RESULTS), ""),
            f(
                "changed_fine",
                "变更后罚款（元）",
                K::Money,
                "结果为变更时填写",
            ),
        ],
        A::TerminateExecution => vec![DATE, f("reason", "终结理由", K::MultiLine, "")],
        A::Withdraw => vec![DATE, f("reason", "撤销理由", K::MultiLine, "")],
        A::OrderDuty => vec![
            f("date", "决定日期", K::Date, "不填为今天"),
            f(
                "kind",
                "责令事项",
                K::Choice(DUTY_KINDS),
                "须是权限清单该项规定的",
            ),
            f(
                "obligation",
                "应履行的义务",
                K::MultiLine,
                "如 拆除东侧未经许可建设的二层砖房（约120平方米）",
            ),
            f("deadline", "履行期限", K::Date, "最后一日"),
        ],
        A::RecordPerformance => vec![
            f("date", "履行日期", K::Date, "复查发现已履行之日"),
            f("note", "履行情况", K::MultiLine, "现场看到的情况"),
        ],
        A::DemandDuty => vec![
            f("date", "催告日期", K::Date, "履行期限届满后"),
            f("deadline", "催告给予的期限", K::Date, "最后一日"),
            f("way", "履行方式", K::MultiLine, "如 自行拆除并清运建筑垃圾"),
        ],
        A::HearDutyStatement => vec![
            DATE,
            f("summary", "陈述申辩内容", K::MultiLine, ""),
            f("review", "复核意见", K::MultiLine, ""),
            f("adopted", "是否采纳", K::Bool, "采纳则不应强制执行"),
        ],
        A::DecideEnforcement => vec![
            DATE,
            f(
                "way_and_time",
                "强制执行的方式和时间",
                K::MultiLine,
                "如 于2026年5月20日组织强制拆除",
            ),
        ],
        A::PostDemolitionNotice => vec![
            f("date", "公告日期", K::Date, ""),
            f("days", "自行拆除期限（日）", K::Count, "十日以内按工作日计"),
            f("place", "张贴地点", K::Text, "如 村委会公告栏及现场"),
        ],
        A::DecideSubstitute => vec![
            DATE,
            f("planned_on", "代履行日期", K::Date, "催告后至少三个工作日"),
            f("object", "标的", K::MultiLine, "清除、拆除或恢复的对象"),
            f("cost_estimate", "费用预算（元）", K::Money, ""),
            f(
                "performer",
                "代履行人",
                K::Text,
                "本机关或没有利害关系的第三人",
            ),
            f(
                "harm",
                "不履行的后果",
                K::Choice(SUBSTITUTE_HARMS),
                "行政强制法第五十条",
            ),
            f("way_and_time", "代履行的方式和时间", K::MultiLine, ""),
        ],
        A::DemandSubstitute | A::NotifyImmediate | A::ResumeEnforcement => vec![DATE],
        A::ImmediateSubstitute => vec![
            DATE,
            f(
                "space",
                "场所",
                K::Choice(PUBLIC_SPACES),
                "道路、河道、航道或公共场所",
            ),
            f("what", "清除的物品", K::Choice(CLEARABLES), ""),
            f("description", "情况说明", K::MultiLine, "物品、位置、危害"),
            f("party_unable", "当事人不能清除", K::Bool, ""),
            f("party_present", "当事人在场", K::Bool, "不在场的须事后通知"),
        ],
        A::AgreeEnforcement => vec![
            DATE,
            f("terms", "协议内容", K::MultiLine, "分阶段履行的期限和事项"),
            f(
                "no_harm_to_public",
                "不损害公共利益和他人合法权益",
                K::Bool,
                "须经审查为 是",
            ),
        ],
        A::AgreementResult => vec![DATE, f("kept", "当事人履行了协议", K::Bool, "")],
        A::SuspendEnforcement => vec![
            DATE,
            f(
                "ground",
                "中止情形",
                K::Choice(SUSPENSION_GROUNDS),
                "行政强制法第三十九条",
            ),
            f("reason", "理由", K::MultiLine, ""),
        ],
        A::EndEnforcement => vec![
            DATE,
            f(
                "ground",
                "终结情形",
                K::Choice(TERMINATION_GROUNDS),
                "行政强制法第四十条",
            ),
            f("reason", "理由", K::MultiLine, ""),
        ],
        A::EnforceDay => vec![
            DATE,
            f("start", "开始时间", K::Time, "如 08:30"),
            f("end", "结束时间", K::Time, "如 16:00"),
            f(
                "officers",
                "到场执法人员",
                K::Persons,
                "强制执行须两名持证人员",
            ),
            f("performer", "实施人", K::Text, "本机关或代履行人"),
            f("witnesses", "见证人", K::Names, "当事人不签名时须有见证人"),
            f(
                "removed",
                "执行情况",
                K::MultiLine,
                "拆除、清除或恢复了什么",
            ),
            f("party_signed", "当事人签名", K::Bool, ""),
            f(
                "emergency",
                "紧急情况说明",
                K::Text,
                "夜间或节假日实施时必填（第四十三条）",
            ),
            f("completed", "执行完毕", K::Bool, ""),
            f("substitute", "代履行", K::Bool, "代履行或立即代履行填 是"),
            f("cost", "代履行实际费用（元）", K::Money, "代履行时填"),
        ],
        A::RegisterGoods => vec![
            f("origin", "来源", K::Choice(GOODS_ORIGINS), ""),
            f(
                "description",
                "名称及特征",
                K::MultiLine,
                "品名、规格、成色",
            ),
            f("quantity", "数量", K::Count, ""),
            f("unit", "单位", K::Text, "件、个、台、千克…"),
            f("estimated_value", "估价（元）", K::Money, ""),
            f("storage_place", "存放地点", K::Text, ""),
            f("custodian", "保管人", K::Text, ""),
            f("taken_on", "取得日期", K::Date, "不填为今天"),
        ],
        A::MoveGoods => vec![
            f("index", "第几项（从0起）", K::Count, ""),
            f("kind", "处置方式", K::Choice(MOVEMENT_KINDS), ""),
            DATE,
            f("approver", "批准的负责人", K::Person, ""),
            f("witnesses", "见证人", K::Names, "拍卖、销毁必填"),
            f("to", "去向", K::Text, "仓库、接收单位或领回人"),
            f("proceeds", "拍卖所得（元）", K::Money, "拍卖时填"),
            f(
                "treasury_ref",
                "缴库凭证号",
                K::Text,
                "拍卖款上缴国库的凭证",
            ),
            f("note", "备注", K::Text, ""),
        ],
        A::ProposeClosing | A::FileOnSpot => vec![DATE],
        A::ApproveClosing => vec![DATE, OPINION],
        A::Correct => vec![
            f("date", "批准日期", K::Date, "不填为今天"),
            f("target", "更正事项", K::Choice(CORRECTION_TARGETS), ""),
            f(
                "item",
                "第几项",
                K::Count,
                "当事人、陈述申辩、送达、缴款有多项时填，从 1 数起；不填为 1",
            ),
            f("new_date", "更正后的日期", K::Date, "更正日期时填"),
            f(
                "new_text",
                "更正后的内容",
                K::Text,
                "更正名称、地址、票据号时填",
            ),
            f("reason", "更正理由", K::MultiLine, "错在哪里、依据什么材料"),
        ],
        A::Archive => vec![
            DATE,
            f("archive_no", "归档号", K::Text, ""),
            f("retention", "保存期限", K::Text, "永久 / 长期 / 30年 …"),
        ],
    }
}

/// The party's own fields in a form (in a file the party is a `[party]` table).
pub const PARTY: [FieldSpec; 6] = [
    f("party_type", "当事人类型", K::Choice(PARTY_TYPES), ""),
    f(
        "party_name",
        "当事人姓名或名称",
        K::Text,
        "个体工商户填字号",
    ),
    f(
        "id_no",
        "身份证号或统一社会信用代码",
        K::Text,
        "个体工商户填经营者身份证号",
    ),
    f(
        "legal_rep",
        "法定代表人或经营者",
        K::Text,
        "单位填法定代表人，个体工商户填经营者姓名",
    ),
    f("address", "地址", K::Text, ""),
    f("phone", "电话", K::Text, ""),
];

/// A natural person's 工作单位: a party field of its own, last in the forms (optional).
pub const EMPLOYER: FieldSpec = f("employer", "当事人工作单位", K::Text, "个人填写，无则不填");

/// 提请立案 (一般程序), in the form's order; the party is `PARTY` in a form.
pub fn new_case() -> Vec<FieldSpec> {
    let mut v = vec![
        f("source", "案件来源", K::Choice(SOURCES), ""),
        f("place", "违法行为地点", K::Text, ""),
        f("act_date", "违法行为日期", K::Date, ""),
        f("discovered_on", "发现日期", K::Date, ""),
        f("facts", "案情", K::MultiLine, ""),
    ];
    v.extend(PARTY);
    v.extend([
        f("handlers", "承办人", K::Persons, "两名持证人员"),
        f("proposed_on", "提请立案日期", K::Date, "不填为今天"),
        f(
            "act_end_date",
            "违法行为终了日期",
            K::Date,
            "连续或继续状态的违法行为填",
        ),
        f(
            "grave_harm",
            "涉及生命健康安全、金融安全且有危害后果",
            K::Bool,
            "是 则追责期限为五年",
        ),
        f("assistants", "协办人", K::Persons, ""),
        f("party", "当事人", K::Party, "文件中写 [[party]] 表"),
        EMPLOYER,
    ]);
    v
}

/// 当场处罚 (简易程序, 行政处罚法 Art 51–52), in the form's order.
pub fn on_spot() -> Vec<FieldSpec> {
    let mut v = vec![
        f("place", "地点", K::Text, ""),
        f("date", "日期", K::Date, "不填为今天"),
        f("time", "当场处罚时间", K::Time, ""),
        f("facts", "违法事实", K::MultiLine, ""),
    ];
    v.extend(PARTY);
    v.extend([
        OFFICERS,
        f(
            "kinds",
            "处罚种类",
            K::Choices(PENALTY_KINDS),
            "如 罚款 或 警告",
        ),
        f(
            "fine",
            "罚款（元）",
            K::Money,
            "个人不超过200元，单位不超过3000元",
        ),
        f(
            "tier",
            "裁量阶次",
            K::Choice(TIERS),
            "见权限清单；减轻 可低于法定下限",
        ),
        f(
            "mitigation",
            "从轻、减轻情节",
            K::Choice(MITIGATIONS),
            "选从轻、减轻时必填",
        ),
        f("correction_order", "责令改正内容", K::MultiLine, ""),
        f("party", "当事人", K::Party, "文件中写 [party] 表"),
        EMPLOYER,
    ]);
    v
}
