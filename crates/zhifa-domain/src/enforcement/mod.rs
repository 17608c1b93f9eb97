//! Enforcing orders that are not money (行政强制法 Chapter IV sections 1 and 3) and the
//! register of confiscated and seized goods (罚没物品).
//!
//! Pure types a case holds (`DutyOrder` with its `Enforcement` record, `GoodsItem` with its
//! movements), one named gate per provision, and the due dates the 工作台 shows. The case's
//! step table wires them in; nothing here knows about the store or the terminal.

pub mod deadlines;
pub mod gates;
pub mod goods;
pub mod order;
pub mod record;

pub use deadlines::{
    correction_due, earliest_enforcement_day, next_lawful_step, notice_period_end,
    order_court_window, substitute_demand_due, EarliestDay,
};
pub use gates::*;
pub use goods::{
    disposal_lawful, goods_summary, movement_sequence_lawful, patrol_seized_items,
    seized_goods_unreturned, GoodsItem, GoodsMovement, GoodsOrigin, GoodsState, GoodsSummary,
    MovementKind, Unreturned,
};
pub use order::{DutyKind, DutyOrder, EnforcementPower, SpecialSuit};
pub use record::*;

#[cfg(test)]
pub(crate) mod tests;
