//! 催告, 陈述申辩, the decision and its service (行政强制法第三十五条至第三十八条).

use super::*;

#[test]
fn qiangzhi_art_35_demand_served_and_passed_before_the_decision() {
    let o = village_house();
    assert!(demand_before_enforcement(&o, d("2026-03-31")).is_ok());
    let e = demand_before_enforcement(&o, d("2026-03-30")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十七条第一款");
    let mut none = village_house();
    none.enforcement.demand = None;
    let e = demand_before_enforcement(&none, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十五条");
    let mut unserved = village_house();
    unserved.enforcement.demand.as_mut().unwrap().served_on = None;
    let e = demand_before_enforcement(&unserved, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十八条");
    let mut silent = village_house();
    silent
        .enforcement
        .demand
        .as_mut()
        .unwrap()
        .states_statement_right = false;
    assert!(demand_before_enforcement(&silent, d("2026-04-01")).is_err());
    let mut done = village_house();
    done.complied_on = Some(d("2026-03-28"));
    assert!(demand_before_enforcement(&done, d("2026-04-01")).is_err());
}

#[test]
fn qiangzhi_art_36_statements_recorded_and_reviewed() {
    let mut o = village_house();
    o.enforcement.statements.push(EnforcementStatement {
        date: d("2026-03-25"),
        summary: "房屋系自住，请求宽限".into(),
        reviewed_on: None,
        review: String::new(),
        adopted: false,
    });
    let e = statement_heard(&o, d("2026-04-01")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十六条");
    let s = &mut o.enforcement.statements[0];
    s.reviewed_on = Some(d("2026-03-27"));
    s.review = "未提出新的事实和证据，不予采纳".into();
    assert!(statement_heard(&o, d("2026-04-01")).is_ok());
    o.enforcement.statements[0].adopted = true;
    assert!(statement_heard(&o, d("2026-04-01")).is_err());
}

#[test]
fn qiangzhi_art_37_decision_states_every_required_item() {
    let full = decision("2026-04-01", "2026-04-01");
    assert!(enforcement_decision_contents(&full).is_ok());
    let bare = EnforcementDecision {
        remedies: String::new(),
        party_address: " ".into(),
        sealed: false,
        ..full
    };
    let e = enforcement_decision_contents(&bare).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十七条第二款");
    for item in ["地址", "申请行政复议或者提起行政诉讼的途径和期限", "印章"]
    {
        assert!(e.message.contains(item), "{item}: {e:?}");
    }
}

#[test]
fn qiangzhi_art_38_decision_served_before_enforcing() {
    let o = village_house();
    assert!(decision_served_before_enforcing(&o, d("2026-04-01")).is_ok());
    assert!(decision_served_before_enforcing(&o, d("2026-03-31")).is_err());
    let mut unserved = village_house();
    unserved.enforcement.decision.as_mut().unwrap().served_on = None;
    let e = decision_served_before_enforcing(&unserved, d("2026-09-03")).unwrap_err();
    assert_eq!(e.rule, "行政强制法第三十八条");
}
