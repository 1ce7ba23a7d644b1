import pytest

from storyline.text.segment import one_line, segment, split_sentences
from storyline import Document
from storyline.text import prose_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Senate voted. The House did not.", ["The U.S. Senate voted.", "The House did not."]),
        ("It ended at 4 a.m. on Monday. Police left.", ["It ended at 4 a.m. on Monday.", "Police left."]),
        ("A guard found the leak at 3 a.m. Firefighters came.", ["A guard found the leak at 3 a.m.", "Firefighters came."]),
        ("The ferry left at 7 p.m. Tuesday and at 6 a.m. Eastern. It was late.",
         ["The ferry left at 7 p.m. Tuesday and at 6 a.m. Eastern.", "It was late."]),
        ("It docked at 9 p.m. Lund time and unloaded.", ["It docked at 9 p.m. Lund time and unloaded."]),
        ("It sails at 7 a.m. Jan. 5 and at 9 a.m. Mondays.", ["It sails at 7 a.m. Jan. 5 and at 9 a.m. Mondays."]),
        ("It docked at 6 a.m. New York time. Crews unloaded.", ["It docked at 6 a.m. New York time.", "Crews unloaded."]),
        ("It sank at 8 p.m. New Year's Eve.", ["It sank at 8 p.m. New Year's Eve."]),
        ("The book by J. R. R. Tolkien sold well. It was reprinted.", ["The book by J. R. R. Tolkien sold well.", "It was reprinted."]),
        ("The talks were led by Kim Jong-un. Seoul welcomed them.", ["The talks were led by Kim Jong-un.", "Seoul welcomed them."]),
        ('"Get out now!" the officer shouted. People ran.', ['"Get out now!" the officer shouted.', "People ran."]),
        ("“Is this safe?” asked one resident. Nobody knew.", ["“Is this safe?” asked one resident.", "Nobody knew."]),
        ("Shares of Acme Inc. rose 3 percent. Analysts were surprised.", ["Shares of Acme Inc. rose 3 percent.", "Analysts were surprised."]),
        ('Her agent told E! News on Friday, "She is resting." Fans cheered.',
         ['Her agent told E! News on Friday, "She is resting."', "Fans cheered."]),
        ('"She was taken to hospital," said Ofc. Ada Lind. The report said more.',
         ['"She was taken to hospital," said Ofc. Ada Lind.', "The report said more."]),
        ("The court ruled in Lund Ferries v. Dahl on Monday. Both sides spoke.",
         ["The court ruled in Lund Ferries v. Dahl on Monday.", "Both sides spoke."]),
        ("He took vitamin v. Then he slept.", ["He took vitamin v.", "Then he slept."]),
        ("“I told the crew, ‘We need to leave now.’ ” The ferry left at noon.",
         ["“I told the crew, ‘We need to leave now.’ ”", "The ferry left at noon."]),
        ("The crowd shouted Wow! Then it rained.", ["The crowd shouted Wow!", "Then it rained."]),
        ("She got an A! Her mother cried.", ["She got an A!", "Her mother cried."]),
        ("Harbour board reaches ferry deal The agreement would add two crossings a day.",
         ["Harbour board reaches ferry deal", "The agreement would add two crossings a day."]),
        ("The ruling was put on hold while the town appealed But that appeal failed in May.",
         ["The ruling was put on hold while the town appealed", "But that appeal failed in May."]),
        ("She read The ferryman's tale and said The end was sad.", ["She read The ferryman's tale and said The end was sad."]),
        ("Image caption The pier was closed on Monday.", ["Image caption The pier was closed on Monday."]),
        ("The band played a song entitled The end of days.", ["The band played a song entitled The end of days."]),
    ],
)
def test_hard_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_offsets_point_into_the_text_and_respect_the_range():
    text = "Skip this. Keep this one. And this one."
    spans = split_sentences(text, 11)
    assert [text[a:b] for a, b in spans] == ["Keep this one.", "And this one."]


def test_lines_of_one_sentence_each_are_kept_whole_without_their_blanks():
    text = "  Harbour reopens after the fire\n\nThe ferry runs again from Monday. \u200b\nDid the council know?"
    assert sentences(text) == ["Harbour reopens after the fire", "The ferry runs again from Monday.", "Did the council know?"]


def test_a_quotation_of_several_sentences_is_one_unit():
    from storyline.text.segment import segment

    text = ('Fire chief Rune Adler spoke at dawn. "We lost the roof. We saved the boats," he said. The port reopens.\n'
            '"The smoke was thick. Nobody could see the quay. We waited. Then we ran. It was over," a guard said.')
    sentences = segment(0, text, [(0, text.index("\n")), (text.index("\n") + 1, len(text))])
    units = [s.text for s in sentences]
    assert units[:3] == ["Fire chief Rune Adler spoke at dawn.", '"We lost the roof. We saved the boats," he said.',
                         "The port reopens."]
    assert units[3] == '"The smoke was thick.'  # five sentences: too long to keep whole
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_invisible_characters_and_ligatures_are_left_out_of_a_sentences_text_but_not_of_its_span():
    text = "A\u200brwa Lind, the har\u00adbour master, closed the pier on Monday. It was unsafe."
    first = segment(0, text, [(0, len(text))])[0]
    assert first.text == "Arwa Lind, the harbour master, closed the pier on Monday."
    assert text[first.start:first.end].startswith("A\u200brwa")
    notes = ("The pier gave way under the crowd at the Lund Regatta.2 The board said the beam failed first.12 Vik wrote 3.2 "
             "pages. The rules changed after Sept.11 and art.5 of the treaty. See vol.12 of the records. It is *closed.*")
    assert [s.text for s in segment(0, notes, [(0, len(notes))])] == [
        "The pier gave way under the crowd at the Lund Regatta.", "The board said the beam failed first.",
        "Vik wrote 3.2 pages.", "The rules changed after Sept.11 and art.5 of the treaty.", "See vol.12 of the records.",
        "It is *closed.*"]
    pdf = "The ofﬁcial report on the ﬂooded quay was ﬁled on Monday."  # a PDF's ligatures, spelled out
    assert segment(0, pdf, [(0, len(pdf))])[0].text == "The official report on the flooded quay was filed on Monday."
    lost = "The of?cial report on the ?ooded quay was ?led in Lind?s name. It is at lund.gov/report?id=12 and see?ing."
    assert [s.text for s in segment(0, lost, [(0, len(lost))])] == [  # a copy that lost them to "?"
        "The official report on the flooded quay was filed in Lind's name.", "It is at lund.gov/report?id=12 and see?ing."]


def test_a_typewriters_doubled_quote_marks_close_a_quote_and_read_as_one():
    text = ("\"We had no plan at all,'' said Mona Lind, who runs the ferry cafe. \"It just happened,'' she told the Lund "
            "Evening Post. The cafe opened in 2029 after the shows ``Harbour Lights'' and ''Low Tide\" were filmed there.")
    assert [s.text for s in segment(0, text, [(0, len(text))])] == [
        '"We had no plan at all," said Mona Lind, who runs the ferry cafe.', '"It just happened," she told the Lund Evening Post.',
        'The cafe opened in 2029 after the shows "Harbour Lights" and "Low Tide" were filmed there.']
    for text, expected in (("``They called it `madness,''' said Ole Vik.", '"They called it `madness,\'" said Ole Vik.'),
                           ("The 6'2'' skipper from Lund steered the ferry home on Sunday.", None)):  # inches
        assert segment(0, text, [(0, len(text))])[0].text == (expected or text)


@pytest.mark.parametrize("text, expected", [
    ("The R&B; singer sued AT&T; and the Lund Q&A; ran late.", "The R&B singer sued AT&T and the Lund Q&A ran late."),
    ("The A&BC; deal fell through.", "The A&BC deal fell through."),
    ("Lund Lines bought its ships from K&V; Skarholm built its own.", None),  # a semicolon of the sentence's own
    ("The club met at 8; it closed at 10.", None),
    ("Lund Lines Inc (LUND.O) said it would cut sailings.", "Lund Lines Inc said it would cut sailings."),
    ("Skarholm Ferries [SKAR.UL] and Holm AG <HOLMa.DE> agreed.", "Skarholm Ferries and Holm AG agreed."),
    ("Its PurePulse™ radar and Holm® app failed.", "Its PurePulse radar and Holm app failed."),
    ("The mayor cited clause (4.B) of the harbour charter in the U.S. (Lund).", None),
])
def test_marks_news_style_leaves_out_are_left_out_of_a_sentences_text(text, expected):
    assert segment(0, text, [(0, len(text))])[0].text == (expected or text)


@pytest.mark.parametrize("text, expected", [
    ("F irst the pier cracked, then it fell.", "First the pier cracked, then it fell."),
    ("A fter the storm, the ferry sailed.", "After the storm, the ferry sailed."),
    ("T he harbour reopened on Monday.", "The harbour reopened on Monday."),
    ("A round of talks on the pier ended at dawn.", None),  # a word of one letter: not "Around of talks"
    ("T cells fight the infection, the doctor said.", None),
])
def test_a_drop_cap_set_apart_from_its_word_is_joined_to_it(text, expected):
    assert segment(0, text, [(0, len(text))])[0].text == (expected or text)


def test_a_label_glued_to_a_sentence_is_left_out_of_it():
    text = ("The harbour board met on Monday. Image The board's spokeswoman, Ada Lind, said the pier would reopen. "
            "Link Former harbour master Ole Vik called the decision reckless. Image Comics will publish a book on it. "
            "Updated | When the pier fell, nobody was on it. Image Comics President Ada Lind said so. "
            "Buy Photo Harbour master Ole Vik inspects the pier. SHARE COPY LINK Divers searched the harbour on Monday. "
            "[Video Link] The pier fell into the bay at dawn. Getty Hundreds of islanders watched it go. "
            "Getty Center officials lent a painting of the pier. Play Facebook Twitter Google Plus Embed Pier Falls Into "
            "Lund Bay 1:43 Divers found no one under it. EMBED <>More News Videos Cranes lifted the pier's deck on Friday. "
            "Play Facebook Twitter Embed Lund News at 5:30 Pier Falls 01:02:10 Boats circled the pier. "
            "Play Facebook Twitter Embed Divers searched the bay from 6:00 Monday until dusk. "
            "Additional Information Lundline may cancel sailings in a storm. More information about the pier will follow.")
    sentences = [text[a:b] for a, b in [(s.start, s.end) for s in segment(0, text, [(0, len(text))])]]
    assert sentences == ["The harbour board met on Monday.", "The board's spokeswoman, Ada Lind, said the pier would reopen.",
                         "Former harbour master Ole Vik called the decision reckless.",
                         "Image Comics will publish a book on it.", "When the pier fell, nobody was on it.",
                         "Image Comics President Ada Lind said so.", "Harbour master Ole Vik inspects the pier.",
                         "Divers searched the harbour on Monday.", "The pier fell into the bay at dawn.",
                         "Hundreds of islanders watched it go.", "Getty Center officials lent a painting of the pier.",
                         "Divers found no one under it.", "Cranes lifted the pier's deck on Friday.", "Boats circled the pier.",
                         "Play Facebook Twitter Embed Divers searched the bay from 6:00 Monday until dusk.",
                         "Lundline may cancel sailings in a storm.", "More information about the pier will follow."]


def test_a_word_hyphenated_across_a_line_is_whole_again_and_a_compound_keeps_its_hyphen():
    text = ("Police investigating the theft of the astro-\nlabe said the gov-\nernment's best-\nknown expert, Dr "
            "Achter-\nberg, had seen the COVID-\n19 e-\nmail to Jean-\nPierre be-\ncause of the news-\npaper. "
            "Achterberg said so in an e-mail.")
    [first, _] = segment(0, text, [(0, len(text))])
    assert first.text == ("Police investigating the theft of the astrolabe said the government's best-known expert, "
                          "Dr Achterberg, had seen the COVID-19 e-mail to Jean-Pierre because of the newspaper.")
    assert text[first.start:first.end].startswith("Police") and text[first.end - 1] == "."
    assert one_line("a full-\ntime job and a T-\nshirt") == "a full-time job and a T-shirt"
    text = "Traffic on the line was halt-\ned for a day, and the crew felt help-\nless."
    [line] = segment(0, text, [(0, len(text))])
    assert line.text == "Traffic on the line was halted for a day, and the crew felt helpless."


def test_blanks_left_by_bold_marks_go_inside_brackets_and_become_one_space_elsewhere():
    from storyline.text.reflow import unmarked

    assert one_line(unmarked('They called it **"a disaster"** and the (**Harwick Astrolabe**), **Lund**, left.')) == \
        'They called it "a disaster" and the (Harwick Astrolabe), Lund, left.'


def test_markdown_italic_marks_are_blanked_but_not_stars_or_underscores_inside_words():
    from storyline.text.reflow import unmarked

    assert one_line(unmarked("The *Orrinford Ledger* and _Harbour Weekly_ said (*so*) it was stolen.")) == \
        "The Orrinford Ledger and Harbour Weekly said (so) it was stolen."
    for marked, read in (("_**Lund**_ rose.", "Lund rose."), ("***Lund*** rose.", "Lund rose."),
                         ("The _Harbour Weekly_'s editor", "The Harbour Weekly's editor"), ("The *pier*—old—fell.", "The pier—old—fell.")):
        assert one_line(unmarked(marked)).strip() == read
    dated = "*SKARHOLM* — The ferry Stella Nord ran aground off the island on Sunday night, the coastguard said."
    assert [s.text for s in prose_sentences([Document(dated)])] == [dated.split("— ")[1]]  # an italic dateline goes too
    for kept in ("It costs 5 * 3 * 2 pounds.", "I am the f*** victim here, he said.", "He yelled f*ck and f*ck again.",
                 "See museum_staff_list and file_a.",
                 "Alley Al (@_OrrinfordAl_) March 6, 2025",
                 "An odd *star, left open."):
        assert one_line(unmarked(kept)) == kept
