//! Issue 16, the documents that need data of their own: the one 行政处罚（听证）告知书, the
//! 责令（限期）改正通知书 with its service and 复查, the 加处罚款决定书's service, and a
//! receipt per served document. Each test reads the printed text back.

use super::tests::{agency, all_text, ctx, demanded, numbered, pay};
use super::*;
use crate::case::fixtures::*;
use crate::case::rule::RuleKind;
use crate::case::{Action, ServedDoc};

/// The 送达回证 that served `doc`, as printed.
pub(super) fn receipt_of(c: &Case, w: &World, title: &str) -> String {
    let a = agency();
    let receipts = build(DocKind::ServiceReceipt, &ctx(c, &a, w)).unwrap();
    assert_eq!(receipts.len(), c.services.len(), "one receipt per service");
    let found: Vec<&Paper> = receipts
        .iter()
        .filter(|p| all_text(std::slice::from_ref(*p)).contains(title))
        .collect();
    assert_eq!(found.len(), 1, "one receipt names {title}");
    all_text(&[found[0].clone()])
}

/// Filed 2026-06-04; on the inspection of 2026-06-05 the officers order the burning stopped
/// and the field cleared by 2026-06-08, and serve the notice that day.
fn ordered(w: &World) -> Case {
    let c = investigated(w);
    let c = w.step(
        &c,
        ZHANG,
        Action::OrderCorrection {
            date: d("2026-06-05"),
            content: "责令立即停止焚烧，清理焚烧残留物".into(),
            deadline: d("2026-06-08"),
        },
    );
    w.step(&c, ZHANG, serve(ServedDoc::CorrectionOrder, "2026-06-05"))
}

/// `ordered`, then proposed, reviewed, notified (600 yuan, notice served 2026-06-15).
fn ordered_and_notified(w: &World) -> Case {
    notified_from(w, ordered(w), 600)
}

fn recheck(date: &str, corrected: bool, note: &str) -> Action {
    Action::Recheck {
        date: d(date),
        corrected,
        note: note.into(),
    }
}

/// 行政处罚法 Art 28 para 1: the notice says what to correct, by which day and on which
/// basis, carries the day it was issued (not the decision's), and is served with its own
/// receipt naming it by number.
#[test]
fn correction_notice_prints_what_by_when_and_basis_dated_when_issued_and_is_served() {
    let w = World::new();
    let c = numbered(ordered(&w));
    let a = agency();
    let papers = build(DocKind::CorrectionOrder, &ctx(&c, &a, &w)).unwrap();
    assert_eq!(papers.len(), 1);
    let p = &papers[0];
    assert_eq!(p.date, "2026年6月5日");
    assert_eq!(p.number.as_deref(), Some("合综执责改〔2026〕1号"));
    let t = all_text(&papers);
    for needle in [
        "于2026年6月8日前改正",
        "立即停止焚烧，清理焚烧残留物",
        "行政处罚法》第二十八条第一款",
        "大气污染防治法》第一百一十九条",
        "本通知书之日起六十日内",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
    assert!(!t.contains("责令责令"), "{t}");
    let list = documents(&c);
    let state = list
        .iter()
        .find(|(k, _, _)| *k == DocKind::CorrectionOrder)
        .map(|(_, _, s)| *s);
    assert!(matches!(state, Some(DocState::Served(_))), "{state:?}");
    let r = receipt_of(&c, &w, "责令（限期）改正通知书 合综执责改〔2026〕1号");
    assert!(r.contains("签收日期：          年    月    日"), "{r}");
}

/// A correction notice is dated on or after the day the act was found, with a deadline
/// after it; a service is refused before it exists.
#[test]
fn correction_notice_and_its_service_refuse_impossible_dates() {
    let w = World::new();
    let c = investigated(&w);
    let e = w.refuse(&c, ZHANG, serve(ServedDoc::CorrectionOrder, "2026-06-05"));
    assert!(e.message.contains("不能送达"), "{e}");
    let e = w.refuse(
        &c,
        ZHANG,
        Action::OrderCorrection {
            date: d("2026-06-05"),
            content: "清理现场".into(),
            deadline: d("2026-06-05"),
        },
    );
    assert_eq!(e.rule, "行政处罚法第二十八条第一款");
    assert!(e.message.contains("须晚于通知日期"), "{e}");
    let e = w.refuse(
        &c,
        ZHANG,
        Action::OrderCorrection {
            date: d("2026-05-30"),
            content: "清理现场".into(),
            deadline: d("2026-06-08"),
        },
    );
    assert!(e.message.contains("早于发现违法行为的日期"), "{e}");
}

/// The decision refers to the notice issued before it and its 复查; the 结案审批表 states
/// whether the correction was carried out; closing waits for the 复查 (R26 says so too).
#[test]
fn decision_refers_to_the_earlier_notice_and_closing_states_the_recheck() {
    let w = World::new();
    let c = ordered_and_notified(&w);
    let c = w.step(
        &c,
        ZHANG,
        recheck("2026-06-09", true, "经现场复查，焚烧已停止，残留物已清理"),
    );
    let c = w.step(&c, SUN, decide("2026-06-24", 600));
    let c = numbered(w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25")));
    let a = agency();
    let t = all_text(&build(DocKind::Decision, &ctx(&c, &a, &w)).unwrap());
    assert!(
        t.contains(
            "本机关已于2026年6月5日以合综执责改〔2026〕1号责令改正通知书责令当事人于2026年6月8日前改正"
        ),
        "{t}"
    );
    assert!(t.contains("经2026年6月9日复查，当事人已改正。"), "{t}");
    let c = pay(&c, &w, "2026-06-30", 600);
    let c = w.step(
        &c,
        ZHANG,
        Action::ProposeClosing {
            date: d("2026-07-01"),
        },
    );
    let t = all_text(&build(DocKind::ClosingForm, &ctx(&c, &a, &w)).unwrap());
    assert!(t.contains("责令改正：经2026年6月9日复查，已改正"), "{t}");
}

#[test]
fn closing_waits_for_the_recheck_of_a_correction_notice() {
    let mut w = World::new();
    let c = ordered_and_notified(&w);
    let c = w.step(&c, SUN, decide("2026-06-24", 600));
    let c = w.step(&c, ZHANG, serve(ServedDoc::Decision, "2026-06-25"));
    let c = pay(&c, &w, "2026-06-30", 600);
    let close = Action::ProposeClosing {
        date: d("2026-07-01"),
    };
    let e = w.refuse(&c, ZHANG, close.clone());
    assert_eq!(e.rule, "行政处罚法第二十八条第一款");
    assert!(e.message.contains("尚未登记复查"), "{e}");
    let msg = crate::review::rules::run("R26", &c, &w.ctx()).unwrap();
    assert!(msg.contains("尚未登记复查"), "{msg}");
    // Before the deadline the review does not flag it yet.
    w.today = d("2026-06-07");
    assert_eq!(
        crate::review::rules::run("R26", &ordered(&w), &w.ctx()),
        None
    );
    w.today = d("2026-11-20");
    let c = w.step(&c, ZHANG, recheck("2026-07-01", false, "残留物未清理"));
    assert_eq!(crate::review::rules::run("R26", &c, &w.ctx()), None);
    let c = numbered(w.step(&c, ZHANG, close));
    let a = agency();
    let t = all_text(&build(DocKind::ClosingForm, &ctx(&c, &a, &w)).unwrap());
    assert!(
        t.contains("责令改正：经2026年7月1日复查，未改正（残留物未清理）"),
        "{t}"
    );
}

/// A 复查 needs a correction ordered and is not dated before it.
#[test]
fn recheck_needs_a_correction_order_and_a_later_date() {
    let w = World::new();
    let c = investigated(&w);
    let e = w.refuse(&c, ZHANG, recheck("2026-06-09", true, "已改正"));
    assert_eq!(e.kind, RuleKind::Statute);
    assert!(e.message.contains("尚未责令改正"), "{e}");
    let c = ordered(&w);
    let e = w.refuse(&c, ZHANG, recheck("2026-06-04", true, "已改正"));
    assert!(e.message.contains("早于责令改正的日期"), "{e}");
}

/// 行政处罚法 Art 72(1): the 加处罚款决定书 is served as issued with the 催告 that found the
/// surcharge, on its own 送达回证; until then it is due, whatever the 催告书's service says.
#[test]
fn surcharge_decision_is_served_with_its_own_receipt() {
    let w = World::new();
    let c = demanded(&w);
    let state = |c: &Case| {
        documents(c)
            .into_iter()
            .find(|(k, _, _)| *k == DocKind::Surcharge)
            .map(|(_, _, s)| s)
    };
    assert_eq!(state(&c), Some(DocState::Unserved));
    let e = w.refuse(&c, ZHANG, serve(ServedDoc::Surcharge, "2026-07-19"));
    assert!(
        e.message
            .contains("早于加处罚款决定书的制作日期 2026-07-20"),
        "{e}"
    );
    let c = w.step(&c, ZHANG, serve(ServedDoc::Surcharge, "2026-07-20"));
    assert_eq!(state(&c), Some(DocState::Served(d("2026-07-20"))));
    let r = receipt_of(&c, &w, "加处罚款决定书 合综执加罚〔2026〕1号");
    assert!(r.contains("直接送达"), "{r}");
    receipt_of(&c, &w, "催告书 合综执催〔2026〕1号");
}

/// 行政处罚法 Art 44, 63, 64(1): where the hearing right applies one notice carries it —
/// titled 行政处罚（听证）告知书 in the file, on its receipt and in the decision — and no
/// second 听证告知书 waits unserved.
#[test]
fn one_notice_carries_the_hearing_right_and_is_served_once() {
    let w = World::new();
    let c = numbered(notified(&w, 2000));
    assert!(c.notice.as_ref().is_some_and(|n| n.hearing_right));
    let a = agency();
    let papers = build(DocKind::PriorNotice, &ctx(&c, &a, &w)).unwrap();
    assert_eq!(papers.len(), 1);
    assert_eq!(papers[0].title, "行政处罚（听证）告知书");
    let t = all_text(&papers);
    assert!(
        t.contains("有权进行陈述和申辩") && t.contains("有权要求举行听证"),
        "{t}"
    );
    let listed: Vec<String> = casefile::ordered_documents(&ctx(&c, &a, &w))
        .unwrap()
        .into_iter()
        .map(|p| p.title)
        .collect();
    assert_eq!(
        listed.iter().filter(|t| t.contains("告知书")).count(),
        1,
        "{listed:?}"
    );
    assert!(documents(&c)
        .iter()
        .all(|(k, _, s)| *k != DocKind::PriorNotice || matches!(s, DocState::Served(_))));
    receipt_of(&c, &w, "行政处罚（听证）告知书 合综执告〔2026〕1号");
    // Without the hearing right the notice keeps its plain title.
    let plain = numbered(notified(&w, 600));
    let p = build(DocKind::PriorNotice, &ctx(&plain, &a, &w)).unwrap();
    assert_eq!(p[0].title, "行政处罚事先告知书");
    assert!(!all_text(&p).contains("听证"));
}

fn discuss(recorder: Option<i64>, opinions: &[&str]) -> Action {
    Action::Discuss {
        date: d("2026-06-16"),
        attendees: vec![SUN, ZHOU, QIAN],
        conclusion: "经集体讨论，同意给予罚款600元".into(),
        recorder,
        opinions: opinions.iter().map(|o| o.to_string()).collect(),
    }
}

/// 行政处罚法 Art 57 para 2: the 集体讨论记录 names who presided and who recorded (staff,
/// not the chair), prints each attendee's opinion under their name and the conclusion, and
/// a signature line for each.
#[test]
fn discussion_record_names_chair_recorder_each_opinion_and_the_conclusion() {
    let w = World::new();
    let c = notified(&w, 600);
    let three = ["同意承办人意见", "事实清楚，罚款适当", "程序合法，同意"];
    let e = w.refuse(&c, SUN, discuss(None, &three));
    assert_eq!(e.rule, "行政处罚法第五十七条第二款");
    assert!(e.message.contains("记录人"), "{e}");
    let e = w.refuse(&c, SUN, discuss(Some(SUN), &three));
    assert!(e.message.contains("不能同时记录"), "{e}");
    let e = w.refuse(&c, SUN, discuss(Some(LI), &three[..2]));
    assert!(e.message.contains("参加 3 人，填写了 2 条意见"), "{e}");
    let e = w.refuse(&c, SUN, discuss(Some(LI), &["同意", " ", "同意"]));
    assert!(e.message.contains("填写了 2 条意见"), "{e}");
    let c = numbered(w.step(&c, SUN, discuss(Some(LI), &three)));
    let a = agency();
    let t = all_text(&build(DocKind::Discussion, &ctx(&c, &a, &w)).unwrap());
    for needle in [
        "主持人\n孙八",
        "记录人\n李四",
        "孙八：同意承办人意见。",
        "周九：事实清楚，罚款适当。",
        "钱七：程序合法，同意。",
        "经集体讨论，同意给予罚款600元。",
        "出席人员：周九（签名）：",
        "出席人员：钱七（签名）：",
        "记录人：李四（签名）：",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

struct Panel {
    time: &'static str,
    public: bool,
    closed_reason: &'static str,
    hearing_officers: Vec<i64>,
    recorder: Option<i64>,
}

fn schedule(p: Panel) -> Action {
    Action::ScheduleHearing {
        notified_on: d("2026-06-18"),
        date: d("2026-07-01"),
        place: "合隆镇人民政府三楼会议室".into(),
        presiding: ZHOU,
        time: p.time.into(),
        public: p.public,
        closed_reason: p.closed_reason.into(),
        hearing_officers: p.hearing_officers,
        recorder: p.recorder,
    }
}

fn panel() -> Panel {
    Panel {
        time: "09:30",
        public: true,
        closed_reason: "",
        hearing_officers: vec![WU],
        recorder: Some(ZHAO),
    }
}

fn hold(investigators_case: &str, party_statement: &str) -> Action {
    Action::HoldHearing {
        date: d("2026-07-01"),
        party_absent: false,
        investigators_case: investigators_case.into(),
        party_statement: party_statement.into(),
    }
}

/// 行政处罚法 Art 64(2)–(5): the 听证通知书 states the day and time of day, the place,
/// whether public, the presider, 听证员 and 记录人, and the party's rights (回避, 委托一至二人
/// 代理); each is asked of the step, with the article that requires it.
#[test]
fn hearing_notice_states_time_public_panel_and_rights() {
    let w = World::new();
    let c = notified(&w, 2000);
    let c = w.step(
        &c,
        ZHANG,
        Action::RequestHearing {
            date: d("2026-06-17"),
        },
    );
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            time: "",
            ..panel()
        }),
    );
    assert_eq!(e.rule, "行政处罚法第六十四条第（二）项");
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            time: "25:00",
            ..panel()
        }),
    );
    assert!(e.message.contains("听证时间"), "{e}");
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            public: false,
            ..panel()
        }),
    );
    assert_eq!(e.rule, "行政处罚法第六十四条第（三）项");
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            recorder: None,
            ..panel()
        }),
    );
    assert!(e.message.contains("记录人"), "{e}");
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            recorder: Some(LI),
            ..panel()
        }),
    );
    assert_eq!(e.rule, "行政处罚法第六十四条第（四）项");
    assert!(e.message.contains("李四 是本案调查人员"), "{e}");
    let e = w.refuse(
        &c,
        SUN,
        schedule(Panel {
            hearing_officers: vec![ZHOU],
            ..panel()
        }),
    );
    assert!(e.message.contains("周九"), "{e}");
    let closed = w.step(
        &c,
        SUN,
        schedule(Panel {
            public: false,
            closed_reason: "涉及当事人个人隐私",
            ..panel()
        }),
    );
    let a = agency();
    let t = all_text(&build(DocKind::HearingNotice, &ctx(&numbered(closed), &a, &w)).unwrap());
    assert!(t.contains("不公开举行（理由：涉及当事人个人隐私）"), "{t}");
    let c = numbered(w.step(&c, SUN, schedule(panel())));
    let t = all_text(&build(DocKind::HearingNotice, &ctx(&c, &a, &w)).unwrap());
    for needle in [
        "听证时间\n2026年7月1日 09:30",
        "听证地点\n合隆镇人民政府三楼会议室",
        "听证方式\n公开举行",
        "主持人\n周九",
        "听证员\n吴十",
        "记录人\n赵六",
        "有权申请回避",
        "委托一至二人代理",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
}

/// 行政处罚法 Art 64(7), (8): the 听证笔录 takes the place from the notice, names every role
/// with a signature line each and the party's, and records what the investigators and the
/// party said; a hearing is not registered as held without them.
#[test]
fn hearing_record_names_each_role_and_records_both_sides() {
    let w = World::new();
    let c = notified(&w, 2000);
    let c = w.step(
        &c,
        ZHANG,
        Action::RequestHearing {
            date: d("2026-06-17"),
        },
    );
    let c = w.step(&c, SUN, schedule(panel()));
    let c = w.step(&c, ZHANG, serve(ServedDoc::HearingNotice, "2026-06-18"));
    let e = w.refuse(
        &c,
        ZHOU,
        hold("调查人员出示现场照片6张，建议罚款2000元", " "),
    );
    assert_eq!(e.rule, "行政处罚法第六十四条第（七）项、第（八）项");
    assert!(e.message.contains("当事人的陈述、申辩和质证意见"), "{e}");
    let c = numbered(w.step(
        &c,
        ZHOU,
        hold(
            "调查人员出示现场照片6张和现场检查笔录，认为当事人在禁烧区焚烧秸秆约两亩，建议罚款2000元",
            "当事人承认焚烧，称面积不足一亩，请求从轻处罚",
        ),
    ));
    let a = agency();
    let papers = build(DocKind::HearingRecord, &ctx(&c, &a, &w)).unwrap();
    assert_eq!(papers.len(), 1);
    let t = all_text(&papers);
    for needle in [
        "时间\n2026年7月1日 09:30",
        "地点\n合隆镇人民政府三楼会议室",
        "听证员\n吴十",
        "记录人\n赵六",
        "认为当事人在禁烧区焚烧秸秆约两亩，建议罚款2000元。",
        "当事人承认焚烧，称面积不足一亩，请求从轻处罚。",
        "主持人：周九（签名）：",
        "听证员：吴十（签名）：",
        "记录人：赵六（签名）：",
        "案件调查人员：张三（签名）：",
        "案件调查人员：李四（签名）：",
        "当事人或者其代理人（签名）：",
    ] {
        assert!(t.contains(needle), "missing {needle}:\n{t}");
    }
    assert!(
        !t.contains("进行了申辩和质证。"),
        "no generic sentence:\n{t}"
    );
}
