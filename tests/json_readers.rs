//! The two ways a request is read agree (issue 17 item 7): `json::from_str` (a string, the
//! CLI and `new Ecosystem(text)`) and `json::from_reader` (pieces of bytes, as
//! `Ecosystem.fromChunks` gets them from JS) give the same error code and path. The fuzz
//! target `reader` checks the same on generated input; these are the cases it found.

#[path = "support/pieces.rs"]
mod pieces;
use pieces::Pieces;

type Eco = dealteam::model::Ecosystem;

/// The error code and path both readers give for `text`, once they are checked to agree.
fn refused_alike(text: &str) -> (&'static str, String) {
    let whole = dealteam::json::from_str::<Eco>(text).unwrap_err();
    let b = text.as_bytes();
    let chunked = dealteam::json::from_reader::<_, Eco>(Pieces::new(b, 1), || Some(Pieces::new(b, 1))).unwrap_err();
    assert_eq!((chunked.code, &chunked.path), (whole.code, &whole.path), "{text:?}");
    (whole.code.as_str(), whole.path)
}

#[test]
fn anything_but_an_object_is_refused_alike_by_both_readers() {
    for text in [
        "[0]",
        " \n[{\"partners\": []}]",
        "12",
        "\"x\"",
        "null",
        "",
        "  ",
        "[",
        "\u{c}{}",
        "[0] x",
    ] {
        assert_eq!(refused_alike(text), ("invalid_json", "".to_string()), "{text:?}");
        // and in the same words: a list or a single value, or the JSON's own fault
        let whole = dealteam::json::from_str::<Eco>(text).unwrap_err();
        let b = text.as_bytes();
        let chunked = dealteam::json::from_reader::<_, Eco>(Pieces::new(b, 1), || None).unwrap_err();
        assert_eq!(chunked.message, whole.message, "{text:?}");
    }
    // a partner's account given as a list: the list is refused, whatever follows its `[`
    for text in [
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": ["x", [{"id": 1}]]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": ["x", [ 5]]}]}"#,
        r#"{"partners": [{"id": "a", "name": "A", "kind": "si", "accounts": ["x", []]}]}"#,
    ] {
        assert_eq!(refused_alike(text).1, "partners[0].accounts[1]", "{text}");
    }
    // a value of the wrong type after a tab, a newline or a return (serde_json places the error
    // on the white space just before the value when the text is held whole): its field is named
    for text in [
        "{\"currency\": \t\t[\"x\"]}",
        "{\"currency\":\n[\"x\"]}",
        "{\"currency\":\r\n [\"x\"]}",
        "{\"currency\": [\"x\"]}",
    ] {
        assert_eq!(
            refused_alike(text),
            ("invalid_value", "currency".to_string()),
            "{text:?}"
        );
    }
    let ok = br#"  {"partners": []}"#;
    let read = dealteam::json::from_reader::<_, Eco>(Pieces::new(ok, 1), || None);
    assert_eq!(read.map(|e| e.partners.len()).ok(), Some(0));
}
