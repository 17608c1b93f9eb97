//! The powers catalog (执法权限清单): what the township may punish, under which provisions,
//! within which statutory range, and with which discretion tiers.
//!
//! The text format (TOML or JSON, documented in `assets/catalog/README.md`) deserialises
//! straight into these types; [`validate`] then checks every legal constraint, and
//! [`CatalogBuilder`] merges several files into one [`Catalog`] or reports every problem with
//! its file, item code and reason.

mod citation;
pub mod import_check;
mod item_checks;
mod validate;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::field::Field;
use super::money::Dec4;

pub use validate::{validate, warnings, CatalogBuilder, CatalogIssue};

/// A statute provision: law, version, article, paragraph (款) and item (项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provision {
    /// Short title as the statute collection names it, e.g. `大气污染防治法`.
    pub law: String,
    /// Date of the version cited (the revision or promulgation date).
    pub version: NaiveDate,
    /// The date this version came into force, when later than `version` (a revision
    /// promulgated on one day and in force months later). Absent: in force on `version`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<NaiveDate>,
    pub article: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<u32>,
}

impl Provision {
    /// The first day the cited version was in force.
    pub fn in_force_on(&self) -> NaiveDate {
        self.in_force.unwrap_or(self.version)
    }
}

/// Penalty kinds of 行政处罚法 (2021) Art 9 (townships never impose 行政拘留).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PenaltyKind {
    #[serde(rename = "警告")]
    Warning,
    #[serde(rename = "通报批评")]
    Criticism,
    #[serde(rename = "罚款")]
    Fine,
    #[serde(rename = "没收违法所得")]
    ConfiscateGains,
    #[serde(rename = "没收非法财物")]
    ConfiscateProperty,
    #[serde(rename = "暂扣许可证件")]
    SuspendLicence,
    #[serde(rename = "降低资质等级")]
    LowerQualification,
    #[serde(rename = "吊销许可证件")]
    RevokeLicence,
    #[serde(rename = "限制开展生产经营活动")]
    RestrictBusiness,
    #[serde(rename = "责令停产停业")]
    SuspendBusiness,
    #[serde(rename = "责令关闭")]
    Close,
    #[serde(rename = "限制从业")]
    RestrictPractice,
    /// Other penalties set by law or 行政法规 (e.g. 限期拆除 where treated as a penalty).
    #[serde(rename = "其他行政处罚")]
    Other,
}

impl PenaltyKind {
    pub fn name(self) -> &'static str {
        match self {
            PenaltyKind::Warning => "警告",
            PenaltyKind::Criticism => "通报批评",
            PenaltyKind::Fine => "罚款",
            PenaltyKind::ConfiscateGains => "没收违法所得",
            PenaltyKind::ConfiscateProperty => "没收非法财物",
            PenaltyKind::SuspendLicence => "暂扣许可证件",
            PenaltyKind::LowerQualification => "降低资质等级",
            PenaltyKind::RevokeLicence => "吊销许可证件",
            PenaltyKind::RestrictBusiness => "限制开展生产经营活动",
            PenaltyKind::SuspendBusiness => "责令停产停业",
            PenaltyKind::Close => "责令关闭",
            PenaltyKind::RestrictPractice => "限制从业",
            PenaltyKind::Other => "其他行政处罚",
        }
    }
}

/// The shape of the fine the statute allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatutoryKind {
    /// Between two amounts in yuan.
    Range,
    /// Up to an amount in yuan (minimum 0).
    MaxOnly,
    /// A multiple or share of a base (工程造价, 货值, 违法所得 …).
    Multiple,
    /// Yuan per unit (元/平方米 …).
    PerUnit,
    /// A fine is allowed, but the national text sets no amount (provincial rules do).
    Local,
    /// No fine.
    None,
}

impl StatutoryKind {
    /// Whether this kind states amounts (and so needs ranges and tiers).
    pub fn has_amounts(self) -> bool {
        matches!(
            self,
            StatutoryKind::Range
                | StatutoryKind::MaxOnly
                | StatutoryKind::Multiple
                | StatutoryKind::PerUnit
        )
    }
}

/// An inclusive range of amounts; the unit depends on the [`StatutoryKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    pub min: Dec4,
    pub max: Dec4,
}

impl Bounds {
    pub fn contains(&self, inner: &Bounds) -> bool {
        self.min <= inner.min && inner.max <= self.max
    }
}

/// Who the party is, for choosing the statutory range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyType {
    /// Natural persons, and individual businesses through their operator.
    Individual,
    /// Legal persons and other organisations.
    Organisation,
}

impl PartyType {
    pub const ALL: [PartyType; 2] = [PartyType::Individual, PartyType::Organisation];

    pub fn name(self) -> &'static str {
        match self {
            PartyType::Individual => "个人",
            PartyType::Organisation => "单位",
        }
    }
}

/// What the penalty provision allows, in structured form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statutory {
    pub kind: StatutoryKind,
    /// The base of a multiple (工程造价 …) or the unit of a per-unit fine (平方米 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A second band the same article sets for a stated situation, e.g. a fixed range where
    /// there is no illegal income to multiply (草原法 Art 66: 1–5 × income, else ≤ 50,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Alternative>,
    /// What the provision makes mandatory in this (main) band only, not in the alternative
    /// one (城乡规划法 Art 64: 尚可改正的，处罚款; 不能拆除的 band: 罚款 only "可以并处").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandatory: Vec<Mandatory>,
}

/// The second band of a two-band penalty article, and when it applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub condition: String,
    pub kind: StatutoryKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Bounds>,
    /// What the provision makes mandatory in this band on top of the power's own
    /// `mandatory` (城乡规划法 Art 64: 不能拆除的，没收实物或者违法收入; 动物防疫法 Art 98:
    /// 情节严重的，责令停业整顿): required only of a proposal or decision in this band.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandatory: Vec<Mandatory>,
}

impl Alternative {
    /// The band as a [`Statutory`] of its own (for ranges and descriptions).
    pub fn as_statutory(&self) -> Statutory {
        Statutory {
            kind: self.kind,
            base: self.base.clone(),
            individual: self.individual,
            organisation: self.organisation,
            note: None,
            alternative: None,
            mandatory: Vec::new(),
        }
    }
}

impl Statutory {
    pub fn bounds(&self, party: PartyType) -> Option<&Bounds> {
        match party {
            PartyType::Individual => self.individual.as_ref(),
            PartyType::Organisation => self.organisation.as_ref(),
        }
    }

    /// The band a tier's amounts belong to: the main one, or the alternative.
    pub fn band_for(&self, tier: &Tier) -> Option<Statutory> {
        if tier.alternative {
            self.alternative.as_ref().map(Alternative::as_statutory)
        } else {
            Some(self.clone())
        }
    }
}

/// Names of discretion tiers (裁量阶次).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TierName {
    #[serde(rename = "不予处罚")]
    NoPenalty,
    #[serde(rename = "减轻")]
    Mitigated,
    #[serde(rename = "从轻")]
    Lighter,
    #[serde(rename = "轻微")]
    Minor,
    #[serde(rename = "一般")]
    Ordinary,
    #[serde(rename = "较重")]
    Serious,
    #[serde(rename = "严重")]
    Grave,
    #[serde(rename = "从重")]
    Heavier,
}

impl TierName {
    pub fn name(self) -> &'static str {
        match self {
            TierName::NoPenalty => "不予处罚",
            TierName::Mitigated => "减轻",
            TierName::Lighter => "从轻",
            TierName::Minor => "轻微",
            TierName::Ordinary => "一般",
            TierName::Serious => "较重",
            TierName::Grave => "严重",
            TierName::Heavier => "从重",
        }
    }
}

/// One discretion tier: when it applies and the range it allows, inside the statutory range.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    pub name: TierName,
    pub condition: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<Bounds>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<String>,
    /// The tier's amounts are in the statutory alternative band, not the main one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alternative: bool,
}

impl Tier {
    pub fn bounds(&self, party: PartyType) -> Option<&Bounds> {
        match party {
            PartyType::Individual => self.individual.as_ref(),
            PartyType::Organisation => self.organisation.as_ref(),
        }
    }
}

/// One enforcement power of the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Power {
    pub code: String,
    pub field: Field,
    pub subfield: String,
    pub name: String,
    /// The act in a few words ("露天焚烧秸秆"), printed as the 案由 and in the case's name
    /// ("刘某露天焚烧秸秆案"). Absent from catalogs made before it existed: the cause is then
    /// derived from `name` (see [`Power::cause`]) and validation warns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub penalty_kinds: Vec<PenaltyKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_measures: Option<String>,
    /// The township exercises this power in its own name (not on behalf of a county department).
    pub own_name: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    pub violated: Vec<Provision>,
    pub penalty: Provision,
    pub statutory: Statutory,
    #[serde(default, rename = "tier", skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<Tier>,
    /// Other items that may catch the same conduct, and how they relate (行政处罚法第二十九条).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// What the township may not decide itself under this item (another authority's power).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved: Option<Reserved>,
    /// What the penalty provision makes mandatory ("给予警告", "并没收…"); the investigation's
    /// proposal and every decision must contain it. 责令改正 is required of every decision
    /// anyway (行政处罚法 Art 28), so it is not listed here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mandatory: Vec<Mandatory>,
    /// Measures the provision makes mandatory only on a statutory condition the
    /// investigation finds (拒不改正, 逾期未改正, 情节严重 …) where that condition has no fine
    /// band of its own; the proposal records the conditions found (`Proposal::triggers`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub triggered: Vec<Triggered>,
    /// The coercive measures (查封、扣押) a law or 行政法规 grants for this item's conduct
    /// (行政强制法第十条、第十七条); without one, only 先行登记保存 is available.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coercive: Vec<Coercive>,
    /// The orders to act (责令限期拆除、恢复原状 …) the provision lets the agency make under
    /// this item, and who enforces each if the party does not perform.
    #[serde(default, rename = "duty", skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<DutyGrant>,
}

/// One order to act that a provision lets the agency make under an item, and who may force
/// it: the township itself only where a law says so (城乡规划法第六十五条: "可以拆除";
/// 行政强制法第十三条), else the court (第五十三条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutyGrant {
    pub kind: crate::enforcement::DutyKind,
    /// The provision that provides for the order.
    pub basis: Provision,
    /// Who enforces it; the court unless a law grants the agency the power.
    #[serde(default)]
    pub enforce: crate::enforcement::EnforcementPower,
    /// The provision that grants the agency the power to enforce it itself; required with
    /// `enforce = "自行强制执行"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforce_basis: Option<Provision>,
    /// A law's own time to sue against the order (土地管理法第八十三条), where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suit: Option<crate::enforcement::SpecialSuit>,
}

/// Measures a provision makes mandatory on a statutory condition, e.g. 大气污染防治法
/// Art 118 para 1: 拒不改正的，责令停业整治.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Triggered {
    /// The condition in a few words as the statute names it ("拒不改正"); a proposal
    /// records it by this name.
    pub trigger: String,
    /// The provision that states the condition and its measures.
    pub basis: Provision,
    /// Defaulted so that a catalog without it gets validation's Chinese reason.
    #[serde(default)]
    pub mandatory: Vec<Mandatory>,
}

/// 查封 (sealing places, facilities or property) and/or 扣押 (seizing property).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CoerciveKind {
    #[serde(rename = "查封")]
    Seal,
    #[serde(rename = "扣押")]
    Seize,
    #[serde(rename = "查封扣押")]
    SealOrSeize,
}

impl CoerciveKind {
    pub fn name(self) -> &'static str {
        match self {
            CoerciveKind::Seal => "查封",
            CoerciveKind::Seize => "扣押",
            CoerciveKind::SealOrSeize => "查封、扣押",
        }
    }
}

/// One coercive measure a law or 行政法规 grants under this item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coercive {
    pub kind: CoerciveKind,
    /// The granting provision (行政强制法第十条: set by a law or 行政法规 only).
    pub basis: Provision,
    /// What may be sealed or seized, in a few words.
    pub what: String,
}

/// One measure the penalty provision makes mandatory: the decision contains at least one of
/// `any_of` (two where the statute itself gives the choice, e.g. 土地管理法 Art 77: 限期拆除
/// or 没收 the buildings, by whether they fit the land-use plan).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mandatory {
    pub any_of: Vec<PenaltyKind>,
    /// The statute's words, shown in a refusal (e.g. "给予警告").
    pub text: String,
    /// Required only of a penalty without a fine: the base situation of a provision whose
    /// fine needs a statutory condition (城镇排水与污水处理条例 Art 49: 责令改正，给予警告;
    /// 逾期不改正或者造成严重后果的 fine).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub without_fine: bool,
}

impl Mandatory {
    pub fn met_by(&self, kinds: &[PenaltyKind]) -> bool {
        self.any_of.iter().any(|k| kinds.contains(k))
    }
}

/// How another item relates to this one when the same conduct may fall under both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same act may violate both items' provisions: one fine only, under the provision
    /// with the higher fine (行政处罚法第二十九条). Listed on both items.
    Overlap,
    /// This item applies only where the other does not (its penalty article says so, e.g.
    /// 水法第七十二条 "防洪法未作规定的").
    Subsidiary,
}

impl Relation {
    pub fn name(self) -> &'static str {
        match self {
            Relation::Overlap => "同一行为可能同时违反（择一处罚）",
            Relation::Subsidiary => "本项仅在该项不适用时适用",
        }
    }
}

/// One related item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub code: String,
    pub relation: Relation,
    /// When the conduct falls under which item, in the catalog's own words.
    pub note: String,
}

/// Penalties of an item that the township may not decide itself; the case is transferred
/// (移送) to `authority` instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reserved {
    /// The reserved penalty kinds; empty means the whole item (no penalty at all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<PenaltyKind>,
    /// Who decides instead, e.g. 县级人民政府公安机关.
    pub authority: String,
    /// Why, citing the provision, in the catalog's own words.
    pub reason: String,
}

impl Reserved {
    /// The reserved kinds among `kinds` (all of them when the whole item is reserved).
    pub fn reserved_among(&self, kinds: &[PenaltyKind]) -> Vec<PenaltyKind> {
        kinds
            .iter()
            .copied()
            .filter(|k| self.kinds.is_empty() || self.kinds.contains(k))
            .collect()
    }

    /// Whether the township may decide nothing at all under the item.
    pub fn whole_item(&self) -> bool {
        self.kinds.is_empty()
    }
}

/// The longest 案由 a catalog may state (`short_name`), in characters.
pub const SHORT_NAME_MAX_CHARS: usize = 16;

impl Power {
    /// 案由: the item's short name, or — for a catalog without one — its published name
    /// without the `对……的处罚` frame.
    pub fn cause(&self) -> String {
        match self.short_name.as_deref().map(str::trim) {
            Some(short) if !short.is_empty() => short.to_string(),
            _ => self.derived_cause().to_string(),
        }
    }

    /// The published name without its `对……的处罚` frame (the 案由 of old catalogs).
    pub fn derived_cause(&self) -> &str {
        let name = self.name.trim();
        let name = name.strip_prefix('对').unwrap_or(name);
        name.strip_suffix("的行政处罚")
            .or_else(|| name.strip_suffix("的处罚"))
            .unwrap_or(name)
    }

    /// The first day this power applies: its own date, or else the later of the catalog's
    /// date and the in-force dates of the provisions it cites (a power cannot apply before
    /// the text it cites was in force; an earlier act is judged under the earlier text,
    /// 行政处罚法第三十七条).
    pub fn resolved_effective_from(&self, catalog_from: NaiveDate) -> NaiveDate {
        self.effective_from.unwrap_or_else(|| {
            self.provisions()
                .map(Provision::in_force_on)
                .fold(catalog_from, NaiveDate::max)
        })
    }

    /// Every provision the power cites: the violated ones, then the penalty provision.
    pub fn provisions(&self) -> impl Iterator<Item = &Provision> {
        self.violated.iter().chain(std::iter::once(&self.penalty))
    }

    /// The measures a penalty under this item must contain: the power's own, and the
    /// band's own (the alternative band's when the proposal uses that band, else the main
    /// band's). Triggered measures come from [`Power::triggered_by`].
    pub fn mandatory_in(&self, alternative_band: bool) -> impl Iterator<Item = &Mandatory> {
        let band: &[Mandatory] = match &self.statutory.alternative {
            Some(alt) if alternative_band => &alt.mandatory,
            _ => &self.statutory.mandatory,
        };
        self.mandatory.iter().chain(band)
    }

    /// The order of `kind` this item provides for, if any.
    pub fn duty(&self, kind: crate::enforcement::DutyKind) -> Option<&DutyGrant> {
        self.duties.iter().find(|d| d.kind == kind)
    }

    /// The provisions that grant the item's coercive measures, each once, in catalog order
    /// (cited by the 查封扣押决定书 beside 行政强制法第二十四条).
    pub fn coercive_bases(&self) -> Vec<&Provision> {
        let mut out: Vec<&Provision> = Vec::new();
        for c in &self.coercive {
            if !out.contains(&&c.basis) {
                out.push(&c.basis);
            }
        }
        out
    }

    /// The statutory condition the item declares under `trigger`.
    pub fn triggered_by(&self, trigger: &str) -> Option<&Triggered> {
        let trigger = trigger.trim();
        self.triggered.iter().find(|t| t.trigger.trim() == trigger)
    }

    /// The statutory conditions on which the provision imposes a fine, when its base
    /// situation has none (a measure stated `without_fine`, e.g. 城镇排水与污水处理条例 Art 49:
    /// 责令改正，给予警告; 逾期不改正或者造成严重后果的 a fine). Empty: a fine needs no condition.
    pub fn fine_conditions(&self) -> Vec<&Triggered> {
        if !self.mandatory.iter().any(|m| m.without_fine) {
            return Vec::new();
        }
        self.triggered
            .iter()
            .filter(|t| {
                t.mandatory
                    .iter()
                    .any(|m| m.any_of.contains(&PenaltyKind::Fine))
            })
            .collect()
    }

    /// Whether the power is in effect on `date` (its own dates must be resolved).
    pub fn in_effect_on(&self, date: NaiveDate) -> bool {
        self.effective_from.is_none_or(|from| from <= date)
            && self.effective_to.is_none_or(|to| date <= to)
    }
}

/// Catalog-wide facts (`[catalog]` table in `meta.toml` or at the top of an import file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogMeta {
    pub name: String,
    pub version: String,
    pub effective_from: NaiveDate,
    /// True for the shipped template; a team's own published list sets false.
    #[serde(default)]
    pub template: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The shape of one catalog file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<CatalogMeta>,
    #[serde(default, rename = "power")]
    pub powers: Vec<Power>,
}

/// A checked catalog: meta plus powers with resolved effective dates, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalog {
    pub meta: CatalogMeta,
    pub powers: Vec<Power>,
}

pub use citation::{cite_provisions, describe_bounds, law_title, ONE_FINE_RULE};

#[cfg(test)]
mod tests;
