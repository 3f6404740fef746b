use super::*;

fn entry(title: &str, links: &[(&str, &str)], affiliations: &[&str]) -> Entry {
    Entry {
        title: title.into(),
        links: links
            .iter()
            .map(|(l, u)| (l.to_string(), u.to_string()))
            .collect(),
        affiliations: affiliations.iter().map(|a| a.to_string()).collect(),
    }
}

fn owl() -> Entry {
    entry(
        "Owls at Night: Silent Flight",
        &[
            ("Paper", "https://arxiv.org/abs/2401.00001"),
            ("Code", "https://github.com/owls/night"),
        ],
        &["Owl Uni", "Barn Lab"],
    )
}

#[test]
fn after_a_link_group_item_with_its_notes() {
    let text = "# OWL 2024\n\n## Papers\n\n### Flight\n\n\
                * Wings \\[[Paper](https://a.example/w)]\n  * Uni A\n  * A takeaway\n    * Deeper\n\n\
                ### Sight\n\n* Eyes \\[[Paper](https://a.example/e)]\n";
    let (out, line) = insert(text, 7, Shape::Plain, &owl()).unwrap();
    assert_eq!(
        out,
        "# OWL 2024\n\n## Papers\n\n### Flight\n\n\
         * Wings \\[[Paper](https://a.example/w)]\n  * Uni A\n  * A takeaway\n    * Deeper\n\
         * Owls at Night: Silent Flight \\[[Paper](https://arxiv.org/abs/2401.00001)] \\[[Code](https://github.com/owls/night)]\n  * Owl Uni & Barn Lab\n\n\
         ### Sight\n\n* Eyes \\[[Paper](https://a.example/e)]\n"
    );
    assert_eq!(line, 11);
}

#[test]
fn after_a_title_link_item() {
    let text = "### DL Compiler\n\n* [Welder: Tiles](https://www.usenix.org/w)\n\n### GNN\n";
    let (out, line) = insert(text, 3, Shape::TitleLink, &owl()).unwrap();
    assert_eq!(
        out,
        "### DL Compiler\n\n* [Welder: Tiles](https://www.usenix.org/w)\n\
         * [Owls at Night: Silent Flight](https://arxiv.org/abs/2401.00001) \\[[Code](https://github.com/owls/night)]\n  * Owl Uni & Barn Lab\n\n### GNN\n"
    );
    assert_eq!(line, 4);
}

#[test]
fn after_a_link_less_item_with_an_affiliation() {
    let text = "## Papers\n\n- Talons and Torque\n  - Owl Uni & Barn Lab\n  - Grip is torque\n- Feathers\n  - Wing Lab\n";
    let (out, line) = insert(
        text,
        6,
        Shape::Plain,
        &entry("Pellets Reveal Diets", &[], &["Pellet Institute"]),
    )
    .unwrap();
    assert_eq!(
        out,
        "## Papers\n\n- Talons and Torque\n  - Owl Uni & Barn Lab\n  - Grip is torque\n- Feathers\n  - Wing Lab\n\
         - Pellets Reveal Diets\n  - Pellet Institute\n"
    );
    assert_eq!(line, 8);
}

#[test]
fn in_a_numbered_list_with_bold_titles() {
    let text = "# Reading\n\n1. **Owls Can Count.** *Ann Smith*. OWL 2020. [[pdf](https://o.example/c.pdf)]\n\
                2. **Owls Can Fly.** OWL 2021. [[pdf](https://o.example/f.pdf)]\n\nThe end.\n";
    let (out, line) = insert(
        text,
        4,
        Shape::BoldTitle,
        &entry("Owls Can Hoot", &[("pdf", "https://o.example/h.pdf")], &[]),
    )
    .unwrap();
    assert_eq!(
        out,
        "# Reading\n\n1. **Owls Can Count.** *Ann Smith*. OWL 2020. [[pdf](https://o.example/c.pdf)]\n\
         2. **Owls Can Fly.** OWL 2021. [[pdf](https://o.example/f.pdf)]\n\
         3. **Owls Can Hoot.** [[pdf](https://o.example/h.pdf)]\n\nThe end.\n"
    );
    assert_eq!(line, 5);
    // A plain numbered list: the next number, affiliations under the text's column.
    let text = "9) Alpha [paper](https://a.example/a)\n10) Beta [paper](https://a.example/b)\n";
    let (out, _) = insert(
        text,
        2,
        Shape::Plain,
        &entry("Gamma", &[("paper", "https://a.example/g")], &["Lab"]),
    )
    .unwrap();
    assert_eq!(
        out,
        "9) Alpha [paper](https://a.example/a)\n10) Beta [paper](https://a.example/b)\n\
         11) Gamma [paper](https://a.example/g)\n    * Lab\n"
    );
}

#[test]
fn a_list_numbered_one_one_one_goes_on_so_and_a_period_outside_the_bold_stays_outside() {
    let text = "## Toolkits\n\n\
                1. **SeqAttack: Attacks**. *Ann Smith*. OWL 2021. [[pdf](https://o.example/s.pdf)]\n\
                1. **OpenHoot: A Toolkit**. *Bo Li*. OWL 2021. [[pdf](https://o.example/o.pdf)]\n";
    let (out, _) = insert(
        text,
        4,
        Shape::BoldTitle,
        &entry("Owls Attack", &[("pdf", "https://o.example/a.pdf")], &[]),
    )
    .unwrap();
    assert_eq!(
        out,
        format!("{text}1. **Owls Attack**. [[pdf](https://o.example/a.pdf)]\n")
    );
}

#[test]
fn line_endings_a_missing_last_one_and_loose_lists_are_kept() {
    let text = "* A \\[[Paper](https://a)]\r\n  * Uni\r\n";
    let (out, _) = insert(
        text,
        1,
        Shape::Plain,
        &entry("B", &[("Paper", "https://b")], &[]),
    )
    .unwrap();
    assert_eq!(
        out,
        "* A \\[[Paper](https://a)]\r\n  * Uni\r\n* B \\[[Paper](https://b)]\r\n"
    );

    let text = "* A \\[[Paper](https://a)]\n  * Uni";
    let (out, line) = insert(text, 1, Shape::Plain, &entry("B", &[], &["Lab"])).unwrap();
    assert_eq!(out, "* A \\[[Paper](https://a)]\n  * Uni\n* B\n  * Lab");
    assert_eq!(line, 3);

    let text = "* A\n  * Uni\n\n* B\n  * Lab\n\n## Next\n";
    let (out, line) = insert(text, 4, Shape::Plain, &entry("C", &[], &["Inst"])).unwrap();
    assert_eq!(
        out,
        "* A\n  * Uni\n\n* B\n  * Lab\n\n* C\n  * Inst\n\n## Next\n"
    );
    assert_eq!(line, 7);
}

#[test]
fn nested_items_keep_their_indentation_and_text_is_made_safe() {
    let text = "* Topic\n    + Old [x] one \\[[Paper](https://a)]\n        + Uni\n* Other\n";
    let (out, _) = insert(
        text,
        2,
        Shape::Plain,
        &entry(
            "New [GraphRAG]\nline",
            &[("Paper", "https://x.example/a b(c)")],
            &["  Lab\tOne "],
        ),
    )
    .unwrap();
    assert_eq!(
        out,
        "* Topic\n    + Old [x] one \\[[Paper](https://a)]\n        + Uni\n\
         \x20   + New \\[GraphRAG\\] line \\[[Paper](https://x.example/a%20b\\(c\\))]\n        + Lab One\n* Other\n"
    );
}

#[test]
fn what_cannot_be_written_is_refused() {
    let text = "# T\n\n* A\n";
    assert_eq!(
        insert(text, 9, Shape::Plain, &owl()),
        Err(WriteError::NoLine(9))
    );
    assert_eq!(
        insert(text, 1, Shape::Plain, &owl()),
        Err(WriteError::NotAnItem(1))
    );
    assert_eq!(
        insert(text, 3, Shape::Plain, &entry(" \n", &[], &[])),
        Err(WriteError::NoTitle)
    );
}
