//! Night, holidays, the 公告 and the remedy periods (行政强制法第四十三条、第四十四条).

use super::*;

#[test]
fn qiangzhi_art_43_enforcement_on_a_sunday_or_during_guoqing_refused() {
    let cal = calendar();
    let night = NightHours::default();
    let sunday = day("2026-06-07", "09:00", "12:00");
    let e = not_at_night_or_on_holidays(&sunday, night, &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十三条");
    assert!(e.message.contains("休息日"), "{e:?}");
    let guoqing = day("2026-10-05", "09:00", "12:00");
    let e = not_at_night_or_on_holidays(&guoqing, night, &cal).unwrap_err();
    assert!(e.message.contains("国庆节"), "{e:?}");
    // A working day passes; so does the 调休 Saturday worked after 国庆.
    assert!(not_at_night_or_on_holidays(&day("2026-09-03", "09:00", "17:00"), night, &cal).is_ok());
    assert!(not_at_night_or_on_holidays(&day("2026-10-10", "09:00", "17:00"), night, &cal).is_ok());
    // An emergency recorded lifts the bar (第四十三条第一款但书).
    let urgent = EnforcementDay {
        emergency: Some("违法建筑倒塌危及行人".into()),
        ..sunday
    };
    assert!(not_at_night_or_on_holidays(&urgent, night, &cal).is_ok());
}

#[test]
fn qiangzhi_art_43_no_enforcement_at_night_hours_configurable() {
    let cal = calendar();
    let night = NightHours::default();
    for (start, end) in [("21:00", "22:30"), ("05:00", "08:00"), ("20:00", "01:00")] {
        let e =
            not_at_night_or_on_holidays(&day("2026-09-03", start, end), night, &cal).unwrap_err();
        assert!(e.message.contains("夜间"), "{start}–{end}: {e:?}");
    }
    assert!(not_at_night_or_on_holidays(&day("2026-09-03", "06:00", "22:00"), night, &cal).is_ok());
    // A team that counts night from 20:00 to 07:00.
    let strict = NightHours {
        starts: t("20:00"),
        ends: t("07:00"),
    };
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "19:00", "20:30"), strict, &cal).is_err()
    );
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "06:30", "09:00"), strict, &cal).is_err()
    );
    assert!(
        not_at_night_or_on_holidays(&day("2026-09-03", "07:00", "20:00"), strict, &cal).is_ok()
    );
}

#[test]
fn qiangzhi_art_44_demolition_before_the_remedy_periods_end_refused() {
    let cal = calendar();
    let o = village_house();
    // Six months from service on 2026-03-02 end on 2026-09-02.
    let e = demolition_after_remedies(&o, d("2026-09-02"), &cal).unwrap_err();
    assert_eq!(e.rule, "行政强制法第四十四条");
    assert!(e.message.contains("2026-09-02"), "{e:?}");
    assert!(demolition_after_remedies(&o, d("2026-05-06"), &cal).is_err());
    assert!(demolition_after_remedies(&o, d("2026-09-03"), &cal).is_ok());
    // A lawsuit pending bars it, whatever the date.
    let mut sued = village_house();
    sued.remedies.push(Remedy {
        kind: RemedyKind::Litigation,
        started_on: d("2026-08-01"),
        ended_on: None,
        result: None,
        changed_fine: None,
    });
    let e = demolition_after_remedies(&sued, d("2026-10-12"), &cal).unwrap_err();
    assert!(e.message.contains("尚未终结"), "{e:?}");
    // After a 复议 ended late, the 15 days to sue run past the six months.
    let mut reconsidered = village_house();
    reconsidered.remedies.push(Remedy {
        kind: RemedyKind::Reconsideration,
        started_on: d("2026-04-20"),
        ended_on: Some(d("2026-08-31")),
        result: None,
        changed_fine: None,
    });
    assert!(demolition_after_remedies(&reconsidered, d("2026-09-15"), &cal).is_err());
    assert!(demolition_after_remedies(&reconsidered, d("2026-09-16"), &cal).is_ok());
}

#[test]
fn qiangzhi_art_44_demolition_needs_a_public_notice_and_its_period() {
    let cal = calendar();
    let mut o = village_house();
    o.enforcement.public_notice = None;
    let e = demolition_after_remedies(&o, d("2026-09-03"), &cal).unwrap_err();
    assert!(e.message.contains("公告"), "{e:?}");
    let mut late = village_house();
    late.enforcement.public_notice = Some(DemolitionNotice {
        date: d("2026-09-01"),
        period: Period::Days(10),
        place: "现场".into(),
    });
    // The ten days end on 2026-09-11.
    assert!(demolition_after_remedies(&late, d("2026-09-11"), &cal).is_err());
    assert!(demolition_after_remedies(&late, d("2026-09-14"), &cal).is_ok());
    // An order that demolishes nothing needs neither.
    let restore = DutyOrder {
        kind: DutyKind::Restore,
        ..o
    };
    assert!(demolition_after_remedies(&restore, d("2026-04-10"), &cal).is_ok());
}
