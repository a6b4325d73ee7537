//! End-to-end checks of quote extraction on short articles.

use super::*;

fn named(text: &str, spans: &[(&str, Label, &str)]) -> Vec<Named> {
    spans
        .iter()
        .map(|&(surface, label, entity)| {
            let start = text.find(surface).unwrap();
            Named {
                start,
                end: start + surface.len(),
                label,
                entity: entity.into(),
            }
        })
        .collect()
}

/// (quote, kind, cue, speaker, speaker text) of each quote.
fn quotes(text: &str, named: &[Named]) -> Vec<(String, &'static str, String, String, String)> {
    find_quotes(text, named)
        .into_iter()
        .map(|q| {
            let slice = |span: Option<(usize, usize)>| {
                span.map(|(s, e)| text[s..e].to_string())
                    .unwrap_or_default()
            };
            (
                text[q.start..q.end].to_string(),
                q.kind.as_str(),
                slice(q.cue),
                q.speaker,
                slice(q.speaker_mention),
            )
        })
        .collect()
}

#[test]
fn pronouns_continuations_and_surnames() {
    let text = "Russia and Iran agreed on a centre, Russian Foreign Minister Sergei Lavrov said.\n\n\
                Lavrov told reporters the centre would open in March. “We agreed,” he said. “It will work.”";
    let names = named(
        text,
        &[
            ("Russia", Label::Loc, "Russia"),
            ("Sergei Lavrov", Label::Person, "Sergei Lavrov"),
            ("Lavrov told", Label::Person, "Sergei Lavrov"),
        ],
    );
    // "Lavrov told" names just "Lavrov".
    let mut names = names;
    names[2].end = names[2].start + "Lavrov".len();
    let got = quotes(text, &names);
    let speakers: Vec<(&str, &str, &str, &str)> = got
        .iter()
        .map(|(q, kind, cue, speaker, _)| (q.as_str(), *kind, cue.as_str(), speaker.as_str()))
        .collect();
    assert_eq!(
        speakers,
        [
            (
                "Russia and Iran agreed on a centre",
                "reported",
                "said",
                "Sergei Lavrov"
            ),
            (
                "the centre would open in March",
                "reported",
                "told",
                "Sergei Lavrov"
            ),
            ("We agreed,", "direct", "said", "Sergei Lavrov"),
            ("It will work.", "direct", "", "Sergei Lavrov"),
        ]
    );
    assert_eq!(got[2].4, "he");
}

#[test]
fn unnamed_sources_stay_empty() {
    let text =
        "\"The market has stopped worrying,\" said an energy analyst at a London brokerage. \
                She said cargoes had been arriving at a record pace.";
    let got = quotes(text, &named(text, &[("London", Label::Loc, "London")]));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].4, "an energy analyst at a London brokerage");
    assert_eq!((got[0].3.as_str(), got[1].3.as_str()), ("", ""));
    assert_eq!(got[1].0, "cargoes had been arriving at a record pace");
}

#[test]
fn flattened_multi_paragraph_quote() {
    let text = "Mr Cutler said: \"Phil did not cause it. \"But I'm not surprised they filed a suit.\" A judge will set a date.";
    let got = quotes(
        text,
        &named(text, &[("Cutler", Label::Person, "Bruce Cutler")]),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(
        got[0].0,
        "Phil did not cause it. \"But I'm not surprised they filed a suit."
    );
    assert_eq!((got[0].1, got[0].3.as_str()), ("direct", "Bruce Cutler"));
}

#[test]
fn offsets_are_bytes_on_char_boundaries() {
    let text = "Erdoğan told Rutte that Türkiye expected “concrete solidarity” from allies.";
    for q in find_quotes(
        text,
        &named(text, &[("Erdoğan", Label::Person, "Recep Tayyip Erdoğan")]),
    ) {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert_eq!(q.speaker, "Recep Tayyip Erdoğan");
    }
}

#[test]
fn no_text_no_quotes() {
    assert!(find_quotes("", &[]).is_empty());
    assert!(find_quotes("\"", &[]).is_empty());
    assert!(find_quotes("said said said, according to", &[]).is_empty());
}

#[test]
fn relative_clauses_passives_and_appositions() {
    let text = "The exercise comes after Araqchi met President Vladimir Putin, who said ties were \
                “not directed against anyone”. Reports of an early poll have been described as \
                \"idle speculation\" by Downing Street. The Bishop of Durham, the Rt Rev Dr Tom Wright, \
                described the novel as a \"great thriller\". Foreign Secretary Jack Straw will visit \
                Auschwitz, it has been announced.";
    let names = named(
        text,
        &[
            ("Araqchi", Label::Person, "Abbas Araqchi"),
            ("Vladimir Putin", Label::Person, "Vladimir Putin"),
            ("Downing Street", Label::Loc, "Downing Street"),
            ("Tom Wright", Label::Person, "Tom Wright"),
            ("Jack Straw", Label::Person, "Jack Straw"),
        ],
    );
    let got = quotes(text, &names);
    let rows: Vec<(&str, &str, &str)> = got
        .iter()
        .map(|(q, kind, _, speaker, _)| (q.as_str(), *kind, speaker.as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("not directed against anyone", "partial", "Vladimir Putin"),
            ("idle speculation", "partial", "Downing Street"),
            ("great thriller", "partial", "Tom Wright"),
            (
                "Foreign Secretary Jack Straw will visit Auschwitz",
                "reported",
                ""
            ),
        ]
    );
    // The passive without an agent has a cue but no speaker's words.
    assert_eq!((got[3].2.as_str(), got[3].4.as_str()), ("announced", ""));
}

#[test]
fn not_quotes() {
    let text = "The industry has coined the term \"time-shifting\" to describe it. I say this as a fan. \
                Former virus writer Marek Strihavka, aka Benny from the 29A virus writing group, \
                recently quit. Rival Nokia, based in Espoo, Finland, announced a similar investment. \
                Kenteris has denied claims that he faked a crash.";
    assert_eq!(quotes(text, &[]), []);
}
