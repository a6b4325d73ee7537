"""The error classes of entities found on a real news corpus, one test each, on short sentences
written for these tests: labels (countries and nationalities, companies, titles), spans
(organisations kept whole), canonical names (acronyms, surnames, spelling variants, stable
ids), every field of an article, and linear cost."""

from __future__ import annotations

import random
import time

import pandas as pd
import pytest

import tidings
from tidings import analysis
from tidings.tag import entity_id


def tag(*texts: str) -> pd.DataFrame:
    return tidings.tag(list(texts), progress=False)


def found(mentions: pd.DataFrame, text: str) -> list[tuple[str, str]]:
    """(label, entity) of each mention written ``text``."""
    rows = mentions[mentions["text"] == text]
    return list(zip(rows["label"], rows["entity"]))


def entities_written(mentions: pd.DataFrame, start: str) -> set[str]:
    """The entities of the mentions whose text starts with ``start``."""
    return set(mentions.loc[mentions["text"].str.startswith(start), "entity"])


def test_a_country_is_a_place_and_a_nationality_its_own_entity() -> None:
    m = tag("France and Germany signed the treaty. French and German officials were pleased, "
            "and the French said more talks would follow in France.")
    assert set(found(m, "France")) == {("LOC", "France")}
    assert set(found(m, "French")) == {("NORP", "French")}
    assert set(m.loc[m["text"] == "French", "country"]) == {"France"}
    assert m.loc[m["text"] == "France", "country"].isna().all()
    counts = analysis.entity_counts(m)
    assert counts.set_index("entity").loc["France", "label"] == "LOC"
    assert counts.set_index("entity").loc["French", "mentions"] == 2
    merged = analysis.entity_counts(m, merge_demonyms=True).set_index("entity")
    assert (merged.loc["France", "label"], merged.loc["France", "mentions"]) == ("LOC", 4)
    assert merged.loc["France", "entity_id"] == entity_id("LOC", "France")
    assert "French" not in merged.index


def test_compound_nationalities_are_one_mention() -> None:
    m = tag("West German bankers and East German officials met North American investors on Tuesday.")
    assert found(m, "West German") == [("NORP", "West German")]
    assert found(m, "East German") == [("NORP", "East German")]
    assert found(m, "North American") == [("NORP", "North American")]
    assert not (m["text"] == "West").any()


def test_a_company_with_a_legal_form_or_trade_is_never_a_person() -> None:
    m = tag("Dome Petroleum Ltd said it would sell assets. Dome said the sale to Amoco Corp would "
            "close soon, and Dome shares rose.")
    assert set(found(m, "Dome Petroleum Ltd")) == {("ORG", "Dome Petroleum Ltd")}
    assert set(found(m, "Dome")) == {("ORG", "Dome Petroleum Ltd")}
    assert set(m.loc[m["text"] == "Dome", "linked_by"]) == {"short name"}
    m = tag("Corp said on Friday that its profits rose.")
    assert not (m["label"] == "PERSON").any()


def test_a_company_read_as_a_person_elsewhere_in_the_corpus_is_the_company() -> None:
    m = tag(
        "Drexel Burnham Lambert Inc said it would underwrite the offering of 200 mln dlrs of notes.",
        "Drexel Burnham Lambert Inc was lead manager of the issue for Holiday Corp.",
        "The notes are non-callable for three years, Drexel said as lead manager.",
        "Edelman of Drexel said that Hudson had a tougher comparison.",
        "Shearson Lehman Brothers Inc said it bought 5.1 pct of the company.",
        "In a filing with the Securities and Exchange Commission, Shearson said it bought the stake.",
        "Shearson Lehman Brothers Inc raised its rating on the shares.",
    )
    assert set(found(m, "Drexel")) == {("ORG", "Drexel Burnham Lambert Inc")}
    assert set(found(m, "Shearson")) == {("ORG", "Shearson Lehman Brothers Inc")}
    assert set(m.loc[m["text"].isin(["Drexel", "Shearson"]), "linked_by"]) == {"short name"}


def test_a_surname_the_corpus_uses_for_people_still_names_them() -> None:
    # "Brown" names a person the corpus writes in full, not the company beginning with it.
    m = tag(
        "Brown Group Inc said quarterly profits rose on shoe sales.",
        "Brown Group Inc will pay a dividend of 40 cts a share.",
        "Gordon Brown said the budget would help families, and Tony Blair agreed.",
        "Gordon Brown met Tony Blair in Downing Street on Monday.",
        "Brown said Tony Blair backed the budget.",
    )
    assert set(found(m, "Brown")) == {("PERSON", "Gordon Brown")}


PARTY = [
    "Labour won the by-election in Hartlepool by 2,000 votes.",
    "The Conservatives said Labour had raised taxes 66 times.",
    "Labour will publish its manifesto on Wednesday, the party said.",
    "Charles Kennedy said Labour had failed pensioners.",
    "Labour MPs rebelled over university top-up fees.",
    "A Labour spokesman denied the report in The Guardian.",
    "Labour's lead over the Tories narrowed to three points, a poll for The Times found.",
    "Michael Howard accused Labour of wasting public money.",
    "Labour councils in Wales froze council tax.",
    "The Liberal Democrats and Labour clashed over the Iraq war.",
    "Labour held the seat of Leicester South, the returning officer said.",
    "Gordon Brown told the Labour conference that growth would return.",
    "Labour has governed since 1997.",
    "The SNP accused Labour of neglecting Scotland.",
]


def test_a_party_is_no_surname_of_a_headline_name() -> None:
    m = tag(
        "Blair Labour pledge on schools\n\nTony Blair said Gordon Brown and Alan Milburn would lead "
        "the campaign in Sedgefield.",
        "Labour's election chief Alan Milburn said Tony Blair and Gordon Brown would campaign in Sedgefield.",
        *PARTY,
    )
    assert set(found(m, "Labour")) == {("ORG", "Labour")}


def test_organisations_are_kept_whole() -> None:
    m = tag("The Securities and Exchange Commission fined Goldman, Sachs and Co on Monday. "
            "Shares of Jones Medical Industries Inc fell.")
    assert found(m, "Securities and Exchange Commission") == [("ORG", "Securities and Exchange Commission")]
    assert found(m, "Goldman, Sachs and Co") == [("ORG", "Goldman, Sachs and Co")]
    assert ("ORG", "Jones Medical Industries Inc") in found(m, "Jones Medical Industries Inc")
    assert not (m["label"] == "PERSON").any()


def test_a_nationality_starts_an_organisation_but_not_a_state_body() -> None:
    m = tag("The British Chambers of Commerce said exports fell. The Iranian Foreign Ministry "
            "denied the report.")
    assert found(m, "British Chambers of Commerce") == [("ORG", "British Chambers of Commerce")]
    assert found(m, "Iranian") == [("NORP", "Iranian")]


def test_secretary_of_state_is_a_title() -> None:
    m = tag("Secretary of State George Shultz arrived in Bonn. The Chancellor of the Exchequer "
            "Nigel Lawson stayed in London.")
    assert not (m["text"] == "State").any() and not (m["text"] == "Exchequer").any()
    people = m[m["label"] == "PERSON"].set_index("text")
    assert people.loc["George Shultz", "role"] == "Secretary of State"
    assert people.loc["Nigel Lawson", "role"] == "Chancellor of the Exchequer"


def test_a_phrase_of_common_words_is_no_organisation() -> None:
    m = tag("The general election will be held in May. The party lost the last election.\n\n"
            "Labour won the General Election in 1997, the general secretary said.")
    assert not (m["text"] == "General Election").any()


def test_acronyms_join_the_name_that_spells_them() -> None:
    m = tag(
        "The Securities and Exchange Commission (SEC) opened an inquiry. The SEC said it would report.",
        "The SEC approved the merger on Friday, after talks with the Treasury.",
        "The Employers Confederation of the Philippines (ECOP) met unions in Manila.",
    )
    assert set(found(m, "SEC")) == {("ORG", "Securities and Exchange Commission")}
    assert set(m.loc[m["text"] == "SEC", "linked_by"]) == {"acronym"}
    assert found(m, "Employers Confederation of the Philippines") == [
        ("ORG", "Employers Confederation of the Philippines")
    ]
    assert found(m, "ECOP") == [("ORG", "Employers Confederation of the Philippines")]
    assert set(found(m, "Manila")) == {("LOC", "Manila")}


def test_surnames_join_the_person_their_documents_point_to() -> None:
    m = tag(
        "Treasury Secretary James Baker met Bundesbank president Karl Otto Poehl in Frankfurt.",
        "James Baker said the Louvre accord and the Bundesbank had steadied the dollar.",
        "White House chief of staff Howard Baker spoke to senator John Tower about the Tower commission.",
        "Howard Baker and John Tower met senator Sam Nunn on the Tower commission report.",
        "Baker met Poehl again in Frankfurt to discuss the Bundesbank rate.",
        "Baker said John Tower would present the Tower commission report to Sam Nunn.",
        "Baker arrived late on Friday.",
    )
    by_doc = m[m["text"] == "Baker"].groupby("doc")["entity"].first()
    assert by_doc[4] == "James Baker" and by_doc[5] == "Howard Baker"
    assert by_doc[6] == "Baker"
    assert set(m.loc[(m["text"] == "Baker") & m["doc"].isin([4, 5]), "linked_by"]) == {"surname"}


def test_a_surname_names_the_person_the_corpus_uses_it_for() -> None:
    reagan = [
        "Reagan told Mikhail Gorbachev that Congress would back the arms talks.",
        "Reagan asked Congress to fund the Contras in Nicaragua.",
        "Reagan wrote to Mikhail Gorbachev about the arms talks in Geneva.",
        "Reagan met George Shultz before the Geneva talks.",
        "Reagan told Congress that George Shultz would lead the talks.",
        "Reagan told Congress that Nicaragua threatened its neighbours.",
        "In Geneva, Reagan and Mikhail Gorbachev agreed to meet again.",
        "George Shultz said Reagan would veto the bill Congress passed.",
        "Reagan and George Shultz flew to Geneva on Monday.",
        "Reagan said Nicaragua had attacked the Contras, and George Shultz agreed.",
    ]
    m = tag(
        "Ronald Reagan met Mikhail Gorbachev in Geneva with George Shultz, then asked Congress "
        "to fund the Contras in Nicaragua.",
        *reagan,
        "Nancy Reagan opened a library in Los Angeles.",
        "Besides Reagan, two senators spoke at the dinner on Friday.",
        "Reagan arrived late on Friday.",
    )
    bare = m[m["text"] == "Reagan"]
    # Where the evidence reads "Reagan" as Ronald Reagan, and where none does, because the
    # corpus uses the surname for him alone; Nancy Reagan's one document does not make it
    # ambiguous.
    assert set(bare["entity"]) == {"Ronald Reagan"}
    assert set(bare.loc[bare["doc"] >= 12, "linked_by"]) == {"surname"}
    assert set(found(m, "Nancy Reagan")) == {("PERSON", "Nancy Reagan")}
    # A sentence's opening adverb is no part of the name.
    assert found(m, "Besides Reagan") == []
    assert "Reagan" in set(m.loc[m["doc"] == 12, "text"])


def test_wrong_joins_stay_apart() -> None:
    m = tag(
        "Dome Petroleum shares fell in Calgary on news from Ottawa.",
        "Analyst Todd Domer said Dome Petroleum shares fell in Calgary.",
        "George Bush met Mikhail Gorbachev.",
        "Jeb Bush won in Florida.",
        "Bush spoke on Tuesday.",
    )
    assert set(found(m, "Todd Domer")) == {("PERSON", "Todd Domer")}
    assert set(found(m, "Bush")) == {("PERSON", "Bush")}


def test_a_name_written_throughout_is_no_misspelling_of_a_rarer_one() -> None:
    m = tag("Ronald Reagan asked Congress to pass the budget.",
            "President Reagan met White House chief of staff Donald Regan on Monday. Reagan said "
            "the budget would pass, and Reagan aides agreed. Reagan flew to California.",
            "President Bashar al-Assad met envoys in Damascus. Asasd said the talks would go on.")
    assert "Donald Regan" not in set(m.loc[m["text"] == "Reagan", "entity"])
    assert set(found(m, "Asasd")) == {("PERSON", "Bashar al-Assad")}


def test_entity_ids_are_stable_and_order_free() -> None:
    texts = ["Hassan Rowhani met Vladimir Putin in Moscow.", "Hassan Rouhani and Vladimir Putin spoke.",
             "Putin flew to Tehran.", "The French embassy in Tehran was closed."]
    forward = tag(*texts)
    backward = tidings.tag(pd.Series(texts[::-1], index=[3, 2, 1, 0]), progress=False).sort_values(["doc", "start"])
    pd.testing.assert_frame_equal(forward.reset_index(drop=True), backward.reset_index(drop=True))
    for row in forward.itertuples():
        assert row.entity_id == entity_id(row.label, row.entity)
    assert forward.groupby("entity")["entity_id"].nunique().max() == 1


def test_every_field_of_an_article_is_tagged() -> None:
    raw = ("Gas exporters meet in Tehran\n\n"
           "TEHRAN (Reuters) - Ministers of the Gas Exporting Countries Forum met in Tehran on Monday, "
           "said Iranian oil minister Bijan Zanganeh.\n\n"
           "Zanganeh said prices would rise.\n\n"
           "Bijan Zanganeh speaks at the Gas Exporting Countries Forum in Tehran. (AP)")
    corpus = tidings.Corpus.from_pandas(pd.DataFrame({"text": [raw]})).clean(progress=False).tag(progress=False)
    entities, document = corpus.entities, corpus.documents.iloc[0]
    fields = {"title": document["title"], "dateline": document["dateline"], "byline": document["byline"],
              "body": document["clean_text"], "captions": "\n\n".join(document["captions"])}
    assert {"body"} <= set(entities["field"]) <= set(fields)
    for row in entities.itertuples():
        assert fields[row.field][row.start:row.end] == row.text
    tagged_fields = set(entities["field"])
    for field in ("title", "captions"):
        if isinstance(fields[field], str) and "Tehran" in fields[field]:
            assert field in tagged_fields
    assert tidings.tag(["Iran said."], progress=False)["field"].tolist() == ["text"]


def _cpu(texts: list[str]) -> float:
    started = time.process_time()
    tidings.tag(texts, workers=1, progress=False)
    return time.process_time() - started


def test_cost_grows_linearly_with_the_names_of_a_document() -> None:
    first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Ines", "Jonas"]
    rng = random.Random(12)
    surnames = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4)).capitalize()
                for _ in range(8000)]

    def document(n: int) -> str:
        return " ".join(f"{first[k % 10]} {surnames[k]} said on Monday." for k in range(n))

    _cpu([document(100)])  # load the model outside the timing
    # Four times the names of one document cost about four times the time; a quadratic cost
    # would be sixteen times. The bound lies between the two on a log scale (8), so that a
    # loaded machine does not fail the test and a quadratic step still does.
    seconds = [min(_cpu([document(n)]) for _ in range(3)) for n in (2000, 8000)]
    assert seconds[1] / seconds[0] < 8.0, seconds
    documents = [[document(20)] * n for n in (100, 400)]
    seconds = [min(_cpu(d) for _ in range(3)) for d in documents]
    assert seconds[1] / seconds[0] < 8.0, seconds


@pytest.mark.parametrize("merge", [False, True])
def test_entity_counts_have_one_label_per_entity(merge: bool) -> None:
    m = tag("Iran and Iraq met. Iranian and Iraqi envoys spoke. Iran's Ayatollah Ali Khamenei said Iranians agree.")
    counts = analysis.entity_counts(m, merge_demonyms=merge)
    assert not counts.duplicated(["entity", "label"]).any()
    assert set(counts.loc[counts["entity"] == "Iran", "label"]) == {"LOC"}


def test_a_wire_desk_signing_off_is_an_organisation() -> None:
    m = tag("Oil prices rose on Friday, traders said.\n-- London Newsroom +44 171 542 7658\n",
            "Rates were steady. -- New York Commodities Desk +1 212 859 1640")
    assert found(m, "London Newsroom") == [("ORG", "London Newsroom")]
    assert found(m, "New York Commodities Desk") == [("ORG", "New York Commodities Desk")]
    assert not m["text"].isin(["London", "New York"]).any()


def test_the_town_of_a_dateline_is_a_place() -> None:
    m = tag("DOWNHILL RESULTS .\n\nVAIL, Colorado 1996-12-07 Renate Goetschl won the downhill.",
            "FEEDLOT CATTLE ROUNDUP .\n\nDODGE CITY 1996-12-06 Trade was slow on Friday.")
    assert found(m, "VAIL") == [("LOC", "VAIL")]
    assert found(m, "DODGE CITY") == [("LOC", "DODGE CITY")]
    assert not (m["text"] == "DOWNHILL RESULTS").any()


def test_teams_in_results_lines_are_organisations() -> None:
    report = ("Standings in the basketball league after Thursday's matches, the coach said:\n"
              "Limoges ( France ) 9 3 6 12\nKinder Bologna ( Italy ) 9 4 5 13\n"
              "Group B\nCharleroi ( Belgium ) 9 0 9 9\n")
    m = tag(report)
    assert found(m, "Limoges") == [("ORG", "Limoges")]
    assert found(m, "Kinder Bologna") == [("ORG", "Kinder Bologna")]
    assert found(m, "Charleroi") == [("ORG", "Charleroi")]
    assert not (m["text"] == "Group B").any()
    crews = tag("Results of the two-man bobsleigh race: 1. United States III ( Brian Shimer , "
                "Randy Jones ) 1:45.91 2. Canada I ( Pierre Lueders , Dave MacEachern ) 1:45.93. "
                "In Canada I think the track is faster.")
    assert found(crews, "United States III") == [("ORG", "United States III")]
    assert found(crews, "Canada I") == [("ORG", "Canada I")]
    assert ("LOC", "Canada") in found(crews, "Canada")
    scores = tag("Premier league soccer results on Saturday, the striker scored twice:\n"
                 "Coventry 1 ( Whelan 60 ) Tottenham 2 ( Sheringham 12 , Allen 80 )\n")
    assert found(scores, "Coventry") == [("ORG", "Coventry City")]


def test_offices_and_societies_are_kept_whole() -> None:
    m = tag("Britain's Office of Fair Trading asked for comments. The president of the Brazilian "
            "Plastic Surgery Society spoke.")
    assert found(m, "Office of Fair Trading") == [("ORG", "Office of Fair Trading")]
    assert found(m, "Brazilian Plastic Surgery Society") == [("ORG", "Brazilian Plastic Surgery Society")]


def test_a_person_is_no_longer_than_the_name() -> None:
    m = tag("Scores in the cricket test match, day two: J. Murray c Blewett b Warne 24, "
            "M. Waugh c Murray b Benjamin 27. Bowling: Benjamin 9.4-0-43-1, Walsh 9-0-34-0.",
            "Odds for first goalscorer: Fernando Redondo 9-1 Giovanni 14-1 Luis Milla 25-1.")
    names = set(m.loc[m["label"] == "PERSON", "text"])
    assert {"J. Murray", "Blewett", "Murray", "Benjamin", "Fernando Redondo",
            "Giovanni", "Luis Milla"} <= names
    assert not any(any(c.isdigit() for c in n) or " b " in n or " c " in n for n in names)
    m = tag("Zairean Prime Minister Kengo wa Dondo met Ludwig van Beethoven's biographer.")
    assert "Kengo wa Dondo" in set(m.loc[m["label"] == "PERSON", "text"])


def test_a_firm_named_after_its_partners_is_one_organisation() -> None:
    m = tag("Standard and Poor's said it lowered the debt ratings of Navistar International Corp.",
            "The issue is rated AAA by Standard and Poor's and secured by mortgage certificates.",
            "London-based dealer Gill and Duffus said Ivory Coast cocoa output would fall.")
    assert set(found(m, "Standard and Poor")) == {("ORG", "Standard and Poor")}
    assert found(m, "Gill and Duffus") == [("ORG", "Gill and Duffus")]
    assert not (m["label"] == "PERSON").any()
    # People named side by side stay people.
    m = tag("Reagan and Shultz met Gorbachev in Geneva.",
            "Yasser Arafat spoke in Cairo on Monday. Both Arafat and Netanyahu want more talks.")
    people = {"Reagan", "Shultz", "Gorbachev", "Yasser Arafat", "Arafat", "Netanyahu"}
    assert set(m.loc[m["label"] == "PERSON", "text"]) == people


def test_an_organisation_keeps_a_head_written_in_lowercase_or_misspelt() -> None:
    m = tag("Eastman Kodak Co said it filed a shelf registration with the Securities and Exchange "
            "commission for debt securities.",
            "Eastman Kodak Co said in a filing with the Securities and Exchange Comission that it "
            "holds ten pct of the company.",
            "The Securities and Exchange Commission approved the rule. The Securities and Exchange "
            "Commission said Eastman Kodak Co would follow it.")
    for text in ("Securities and Exchange commission", "Securities and Exchange Comission"):
        assert found(m, text) == [("ORG", "Securities and Exchange Commission")]
    assert not (m["text"] == "Securities and Exchange").any()


def test_an_election_is_no_organisation() -> None:
    m = tag("She said the Conservatives would announce their proposals closer to the General Election.")
    assert not m["text"].str.contains("Election").any()


def test_the_person_after_a_title_is_a_person_mid_sentence() -> None:
    m = tag("Deng Xiaoping told visiting U.S. Secretary of State George Shultz that China's troubles "
            "were over.",
            "The talks were attended by Secretary of State George Shultz and Commerce Secretary "
            "Malcolm Baldrige.")
    assert set(found(m, "George Shultz")) == {("PERSON", "George Shultz")}
    assert not m["text"].str.contains("State|Commerce").any()


def test_a_variant_written_as_often_as_the_name_is_another_name() -> None:
    m = tag("Ronald Reagan asked Congress to pass the budget.",
            "President Reagan met White House chief of staff Donald Regan on Monday. Regan said the "
            "budget would pass. Reagan agreed.")
    assert "Donald Regan" not in set(m.loc[m["text"] == "Reagan", "entity"])
    assert set(found(m, "Regan")) == {("PERSON", "Donald Regan")}


def test_a_company_is_one_entity_whatever_its_legal_form() -> None:
    m = tag("Harlow Mining Ltd. said output rose. Its parent, Harlow Mining, owns the mine.",
            "Harlow Mining Ltd said it would sell a stake in the Quebec mine to Teck Corp.",
            "Shares of Harlow Mining Ltd rose after Teck Corp bought the stake.",
            "The notes are rated AAA by Standard and Poor's Corp, the agency said.",
            "Standard and Poor's said it affirmed the ratings of Quebec.",
            "Standard and Poor's cut the rating of Teck Corp.",
            "Analysts at Standard & Poor's expect more downgrades of mining companies.")
    assert entities_written(m, "Harlow") == {"Harlow Mining Ltd"}
    assert entities_written(m, "Standard") == {"Standard & Poor's"}
    # A short name settled in its document follows its company's name across the corpus.
    m = tag("Kessler Bank AG raised its dividend. Kessler said profits rose.",
            "Kessler Bank said it would open a branch in Frankfurt.",
            "Analysts at Kessler Bank expect interest rates to fall.",
            "Kessler Bank shares rose in Frankfurt.")
    assert entities_written(m, "Kessler") == {"Kessler Bank"}


def test_a_company_name_ending_in_co_is_an_organisation() -> None:
    m = tag("Pacific Equity Ltd said it raised its stake in Oglebay Norton Co to 10.6 pct.",
            "Shares of Du Pont Co rose today, while Bay Co Building Authority bonds fell.")
    assert found(m, "Oglebay Norton Co") == [("ORG", "Oglebay Norton Co")]
    assert found(m, "Du Pont Co") == [("ORG", "Du Pont Co")]


def test_a_part_of_a_group_or_a_one_word_name_is_no_legal_form_variant() -> None:
    m = tag("Citicorp International Ltd arranged the loan. Citicorp said profits rose.",
            "Citicorp Ltd said it would open an office in Sydney.",
            "The CPI rose 0.4 pct in March, the Labor Department said.",
            "CPI Corp said it would buy back shares.")
    assert set(found(m, "Citicorp International Ltd")) == {("ORG", "Citicorp International Ltd")}
    assert ("ORG", "CPI Corp") not in found(m, "CPI")


def test_a_bank_s_name_without_its_trade_names_the_bank() -> None:
    m = tag("Bellport Bank Corp said it expects a loss for the quarter. Bellport said it will raise "
            "its provision for loan losses, and Bellport has cut its dividend.")
    assert set(found(m, "Bellport")) == {("ORG", "Bellport Bank Corp")}
    m = tag("The World Bank said Third World debt must be cut, and World Bank economists agreed.")
    assert not (m["text"] == "World").any()


def test_a_gazetteer_alias_never_renames_a_parent_company() -> None:
    m = tag("Time Warner said profits at Warner Bros fell, while Warner Brothers released two films.")
    assert found(m, "Time Warner") == [("ORG", "Time Warner")]
    assert set(found(m, "Warner Brothers")) == {("ORG", "Warner Bros")}


def test_a_surname_read_as_a_nationality_is_the_person_named_in_full() -> None:
    m = tag("Investor Karl Kirkorian bought more shares on Monday. Kerkorian now holds 12 pct "
            "of the airline.",
            "Dr Maria Latino of the clinic said the trial began in May. "
            "Latino added that results were due by the summer.")
    assert set(found(m, "Kerkorian")) == {("PERSON", "Karl Kirkorian")}
    assert set(found(m, "Latino")) == {("PERSON", "Maria Latino")}
    m = tag("Comedian Dawn French opened the show. French officials were not amused.")
    assert set(found(m, "French")) == {("NORP", "French")}
    m = tag("Father Luis Catholic blessed the boats. Catholics gathered at the harbour.")
    assert set(found(m, "Catholics")) == {("NORP", "Catholic")}


def test_a_one_word_company_is_one_entity_however_its_legal_form_is_spelt() -> None:
    m = tag("Veltronic Inc said its first quarter profit rose. Veltronic makes circuit boards.",
            "Veltronic Inc said it would buy a plant in Ohio from Carrow Corp.",
            "Shares of Veltronic Inc. fell after Veltronic said sales slowed.",
            "Brandel PLC raised its dividend. Brandel said profits rose in Britain.",
            "Analysts expect Brandel PLC to report higher profits.",
            "Brandel Plc said it sold its stake in the brewer.")
    assert entities_written(m, "Veltronic") == {"Veltronic Inc"}
    assert entities_written(m, "Brandel") == {"Brandel PLC"}
    # A one-word name alone and with a legal form may be two things; two forms are two names.
    m = tag("Corvane Corp said it bought the mill.", "Corvane Corp said profits rose.",
            "Corvane Inc., a different firm, said it opened a store.")
    assert entities_written(m, "Corvane") == {"Corvane Corp", "Corvane Inc."}


def test_an_agreement_keeps_its_topic() -> None:
    m = tag("Canada told a council meeting of the General Agreement on Tariffs and Trade (GATT) in "
            "Geneva that the European Convention on Human Rights did not apply. The Commission on "
            "Monday said it would reply.")
    assert found(m, "General Agreement on Tariffs and Trade") == [("ORG", "General Agreement on Tariffs and Trade")]
    assert found(m, "GATT") == [("ORG", "General Agreement on Tariffs and Trade")]
    assert "European Convention on Human Rights" in set(m["text"])
    assert not m["text"].isin(["General Agreement", "Tariffs", "Tariffs and Trade", "Commission on Monday"]).any()


def test_an_acronym_read_as_a_person_joins_its_definition() -> None:
    m = tag("Delegates to the General Agreement on Tariffs and Trade (GATT) met in Geneva on Monday.",
            "GATT's council decided to set up a panel. GATT said the talks would go on.")
    assert set(m.loc[m["text"] == "GATT", "label"]) == {"ORG"}
    assert entities_written(m, "GATT") == {"General Agreement on Tariffs and Trade"}


def test_common_nouns_in_capitals_are_no_entities() -> None:
    m = tag("Sales of DVD players and HDTV sets rose, Sony Corp said, as GNP grew two pct and the "
            "PSBR fell. Ray DVD sales were strong. Gross national product (GNP) rose in Japan.")
    assert not m["text"].isin(["DVD", "HDTV", "GNP", "PSBR", "Ray DVD"]).any()
    assert found(m, "Sony Corp") == [("ORG", "Sony Corp")]
    assert found(m, "Japan") == [("LOC", "Japan")]


def test_a_group_s_word_before_a_noun_is_the_group() -> None:
    m = tag("The region's resorts and Western tourists were hit. However, Western diplomats said the "
            "talks had failed, and the Catholic church said Republican senators would vote against it.")
    assert set(found(m, "Western")) == {("NORP", "Western")}
    assert set(m.loc[m["text"].isin(["Catholic", "Republican"]), "label"]) <= {"NORP"}
    assert not (m["label"] == "PERSON").any()


def test_a_place_the_gazetteer_names_is_no_misspelt_surname() -> None:
    m = tag("Maurice Greene won the 100 metres in Athens, Greece, on Sunday. Greene said he was "
            "tired.",
            "Carlos Brasil, the central bank governor, said Brazil would cut rates.")
    assert set(found(m, "Greece")) == {("LOC", "Greece")}
    assert set(found(m, "Greene")) == {("PERSON", "Maurice Greene")}
    assert set(found(m, "Brazil")) == {("LOC", "Brazil")}
