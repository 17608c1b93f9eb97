//! Files for offices: tables written as XLSX (rust_xlsxwriter) or CSV (UTF-8 with BOM so
//! Excel opens it), and ledgers read back from XLSX (calamine) or CSV (UTF-8 or GBK,
//! detected with encoding_rs). Only IO lives here; what goes in the cells is the domain's.

pub mod stats;
pub mod table;

#[cfg(test)]
mod tests;
