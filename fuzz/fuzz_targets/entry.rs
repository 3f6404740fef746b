//! Fuzz target: one list item's head — the text of an entry, as other people's lists write it —
//! through the entry recognisers directly (small inputs, many shapes), and through every function that
//! cuts such text. Nothing may panic; a title comes from the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use takeaway::loader::entry::{self, inline};
use takeaway::loader::markdown::{self, MdBlock};
use takeaway::loader::title;
use takeaway::model::venue;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // As the first paragraph of a list item, the way the loader sees an entry.
    let md = format!("- {text}\n");
    for block in markdown::parse(&md) {
        if let MdBlock::List { items, .. } = block {
            for item in &items {
                if let Some(head) = entry::recognise(item.first_para()) {
                    let _ = head.title.len();
                }
            }
        }
    }
    // The cutters on the raw text.
    let head = entry::clean_title(text);
    let _ = head.title.len();
    let _ = entry::describe(text);
    let _ = entry::split_authors(text);
    let _ = entry::quoted_title(text);
    let _ = entry::reads_as_names(text);
    let _ = title::split_tail(text);
    let _ = title::trailing_pipe_venue(text);
    let _ = inline::strip_lead(text);
    let _ = entry::fields::bare_urls(text);
    let _ = entry::section::wraps(text);
    let _ = venue::venue_year(text);
    let _ = venue::venue_name(text);
});
