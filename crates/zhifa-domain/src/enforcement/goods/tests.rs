//! The goods register: movement order, disposal per 行政处罚法第七十四条, release per
//! 行政强制法第二十八条, the summary and the patrol tally.

use super::*;
use crate::case::fixtures::{calendar, d};

fn item(origin: GoodsOrigin, description: &str, quantity: u32, unit: &str, yuan: i64) -> GoodsItem {
    GoodsItem {
        description: description.into(),
        quantity,
        unit: unit.into(),
        estimated_value: Fen::from_yuan(yuan),
        storage_place: "镇综合执法队罚没物品库".into(),
        custodian: "钱八".into(),
        photos: vec![],
        origin,
        taken_on: d("2026-06-01"),
        released_on: None,
        confiscated_on: None,
        movements: vec![],
    }
}

fn mv(kind: MovementKind, date: &str) -> GoodsMovement {
    GoodsMovement {
        kind,
        date: d(date),
        approver: 1,
        witnesses: vec!["东村村委会 孙七".into()],
        to: String::new(),
        proceeds: None,
        treasury_ref: String::new(),
        note: String::new(),
    }
}

#[test]
fn no_destruction_after_return_and_no_movement_after_disposal() {
    let mut it = item(GoodsOrigin::Seized, "电动三轮车", 1, "辆", 3000);
    it.movements = vec![
        mv(MovementKind::StoreIn, "2026-06-01"),
        mv(MovementKind::Return, "2026-06-20"),
    ];
    assert!(movement_sequence_lawful(&it).is_ok());
    it.movements.push(mv(MovementKind::Destroy, "2026-06-21"));
    let e = movement_sequence_lawful(&it).unwrap_err();
    assert!(e.message.contains("已于 2026-06-20 退还"), "{e:?}");
    let mut sold = item(GoodsOrigin::Confiscated, "烟花爆竹", 20, "箱", 2000);
    sold.movements = vec![
        mv(MovementKind::Destroy, "2026-06-05"),
        mv(MovementKind::Transfer, "2026-06-06"),
    ];
    assert!(movement_sequence_lawful(&sold).is_err());
}

#[test]
fn movements_in_date_order_and_approved() {
    let mut it = item(GoodsOrigin::Seized, "电动三轮车", 1, "辆", 3000);
    it.movements = vec![
        mv(MovementKind::StoreIn, "2026-06-03"),
        mv(MovementKind::Transfer, "2026-06-02"),
    ];
    assert!(movement_sequence_lawful(&it).is_err());
    it.movements = vec![mv(MovementKind::StoreIn, "2026-05-30")];
    assert!(
        movement_sequence_lawful(&it).is_err(),
        "before it was taken"
    );
    it.movements = vec![GoodsMovement {
        approver: 0,
        ..mv(MovementKind::StoreIn, "2026-06-01")
    }];
    let e = movement_sequence_lawful(&it).unwrap_err();
    assert!(e.message.contains("审批人"), "{e:?}");
}

#[test]
fn chufa_art_74_confiscated_goods_auctioned_to_the_treasury_or_destroyed_with_witnesses() {
    let mut it = item(
        GoodsOrigin::Confiscated,
        "无证经营的烟花爆竹",
        20,
        "箱",
        2000,
    );
    it.movements = vec![mv(MovementKind::Auction, "2026-07-01")];
    let e = disposal_lawful(&it).unwrap_err();
    assert_eq!(e.rule, "行政处罚法第七十四条第二款");
    it.movements[0].proceeds = Some(Fen::from_yuan(1500));
    it.movements[0].treasury_ref = "非税收入缴款书 No.0012345".into();
    assert!(disposal_lawful(&it).is_ok());
    let mut burnt = item(GoodsOrigin::Confiscated, "假冒伪劣食品", 30, "件", 600);
    burnt.movements = vec![GoodsMovement {
        witnesses: vec![],
        ..mv(MovementKind::Destroy, "2026-07-01")
    }];
    assert_eq!(
        disposal_lawful(&burnt).unwrap_err().rule,
        "行政处罚法第七十四条"
    );
    burnt.movements[0].witnesses = vec!["市场监管所 周九".into()];
    assert!(disposal_lawful(&burnt).is_ok());
    burnt.movements = vec![mv(MovementKind::Return, "2026-07-01")];
    assert_eq!(
        disposal_lawful(&burnt).unwrap_err().rule,
        "行政处罚法第七十四条第一款"
    );
}

#[test]
fn qiangzhi_art_26_goods_not_confiscated_are_not_destroyed() {
    let mut it = item(GoodsOrigin::Seized, "占道经营的货架", 2, "个", 400);
    it.movements = vec![mv(MovementKind::Destroy, "2026-06-10")];
    assert_eq!(
        disposal_lawful(&it).unwrap_err().rule,
        "行政强制法第二十六条"
    );
    // Once a decision confiscates them, they may be.
    it.confiscated_on = Some(d("2026-06-08"));
    assert!(disposal_lawful(&it).is_ok());
}

#[test]
fn qiangzhi_art_28_seized_goods_not_returned_after_release_flagged() {
    let cal = calendar();
    let mut it = item(GoodsOrigin::Seized, "电动三轮车", 1, "辆", 3000);
    it.movements = vec![mv(MovementKind::StoreIn, "2026-06-01")];
    it.released_on = Some(d("2026-06-10"));
    // Before the release nothing is due; after it the item is flagged.
    assert!(
        seized_goods_unreturned(std::slice::from_ref(&it), d("2026-06-09"), &cal)
            .unwrap()
            .is_empty()
    );
    let flagged =
        seized_goods_unreturned(std::slice::from_ref(&it), d("2026-06-11"), &cal).unwrap();
    assert_eq!(flagged.len(), 1);
    assert_eq!(flagged[0].rule, "行政强制法第二十八条第二款");
    assert_eq!(flagged[0].due_since, d("2026-06-10"));
    // Returned: no longer flagged.
    it.movements.push(mv(MovementKind::Return, "2026-06-11"));
    assert!(seized_goods_unreturned(&[it], d("2026-06-12"), &cal)
        .unwrap()
        .is_empty());
    // Confiscated goods are never "due back".
    let conf = GoodsItem {
        released_on: Some(d("2026-06-10")),
        ..item(GoodsOrigin::Confiscated, "烟花爆竹", 20, "箱", 2000)
    };
    assert!(seized_goods_unreturned(&[conf], d("2026-06-12"), &cal)
        .unwrap()
        .is_empty());
}

#[test]
fn qiangzhi_art_28_2_perishables_sold_and_the_proceeds_returned_on_release() {
    let cal = calendar();
    let mut fish = item(GoodsOrigin::Seized, "无证销售的活鱼", 50, "千克", 1000);
    fish.movements = vec![mv(MovementKind::Auction, "2026-06-02")];
    fish.movements[0].proceeds = Some(Fen::from_yuan(900));
    assert_eq!(
        disposal_lawful(&fish).unwrap_err().rule,
        "行政强制法第二十八条第二款"
    );
    fish.movements[0].note = "鲜活物品，不易保管".into();
    assert!(disposal_lawful(&fish).is_ok());
    fish.released_on = Some(d("2026-06-10"));
    let flagged =
        seized_goods_unreturned(std::slice::from_ref(&fish), d("2026-06-11"), &cal).unwrap();
    assert_eq!(flagged.len(), 1, "the proceeds are still due back");
    fish.movements.push(mv(MovementKind::Return, "2026-06-11"));
    assert!(movement_sequence_lawful(&fish).is_ok());
    assert!(seized_goods_unreturned(&[fish], d("2026-06-12"), &cal)
        .unwrap()
        .is_empty());
}

#[test]
fn chufa_art_56_preserved_goods_need_a_decision_within_seven_working_days() {
    let cal = calendar();
    // Taken Monday 2026-06-01: seven working days end on Wednesday 06-10.
    let it = item(GoodsOrigin::Preserved, "涉案账册", 3, "本", 0);
    assert!(
        seized_goods_unreturned(std::slice::from_ref(&it), d("2026-06-10"), &cal)
            .unwrap()
            .is_empty()
    );
    let flagged =
        seized_goods_unreturned(std::slice::from_ref(&it), d("2026-06-11"), &cal).unwrap();
    assert_eq!(flagged[0].rule, "行政处罚法第五十六条");
    assert_eq!(flagged[0].due_since, d("2026-06-10"));
}

#[test]
fn summary_by_origin_and_state_and_the_patrol_tally() {
    let mut stored = item(GoodsOrigin::Seized, "电动三轮车", 1, "辆", 3000);
    stored.movements = vec![mv(MovementKind::StoreIn, "2026-06-01")];
    let mut destroyed = item(GoodsOrigin::Confiscated, "假冒伪劣食品", 30, "件", 600);
    destroyed.movements = vec![mv(MovementKind::Destroy, "2026-06-20")];
    let mut late = item(GoodsOrigin::Confiscated, "散装白酒", 25, "千克", 500);
    late.taken_on = d("2026-07-02");
    let register = [stored, destroyed, late];
    let s = goods_summary(&register);
    assert_eq!(s.items, 3);
    assert_eq!(s.value, Fen::from_yuan(4100));
    assert_eq!(
        s.by_origin[&GoodsOrigin::Confiscated],
        (2, Fen::from_yuan(1100))
    );
    assert_eq!(s.by_state[&GoodsState::Stored], (1, Fen::from_yuan(3000)));
    assert_eq!(s.by_state[&GoodsState::Destroyed], (1, Fen::from_yuan(600)));
    assert_eq!(
        s.by_state[&GoodsState::Registered],
        (1, Fen::from_yuan(500))
    );
    // June: 1 辆 + 30 件; July: a weighed batch counts as one.
    assert_eq!(
        patrol_seized_items(&register, d("2026-06-01"), d("2026-06-30")),
        31
    );
    assert_eq!(
        patrol_seized_items(&register, d("2026-07-01"), d("2026-07-31")),
        1
    );
}
