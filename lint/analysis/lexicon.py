"""Word lists the analysis starts from (policy reference H3, H5, H7), with inflection helpers.

Rule kinds can extend or replace these through their YAML parameters; these are the defaults.
"""

from __future__ import annotations

_IRREGULAR = {
    "say": ["says", "said", "saying"],
    "tell": ["tells", "told", "telling"],
    "write": ["writes", "wrote", "written", "writing"],
    "admit": ["admits", "admitted", "admitting"],
    "reply": ["replies", "replied", "replying"],
    "deny": ["denies", "denied", "denying"],
    "testify": ["testifies", "testified", "testifying"],
    "find": ["finds", "found", "finding"],
    "show": ["shows", "showed", "shown", "showing"],
    "think": ["thinks", "thought", "thinking"],
    "speak": ["speaks", "spoke", "spoken", "speaking"],
    "rant": ["rants", "ranted", "ranting"],
    "brag": ["brags", "bragged", "bragging"],
    "gloat": ["gloats", "gloated", "gloating"],
    "slam": ["slams", "slammed", "slamming"],
    "quip": ["quips", "quipped", "quipping"],
    "fret": ["frets", "fretted", "fretting"],
    "plead": ["pleads", "pleaded", "pled", "pleading"],
}


def inflect(lemma: str) -> list[str]:
    """The lemma and its -s/-ed/-ing forms (regular English spelling rules, plus exceptions)."""
    words = lemma.split()
    head, rest = words[0], " ".join(words[1:])
    if head in _IRREGULAR:
        forms = [head, *_IRREGULAR[head]]
    elif head.endswith("e"):
        forms = [head, head + "s", head + "d", head[:-1] + "ing"]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        forms = [head, head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    elif head.endswith(("sh", "ch", "s", "x")):
        forms = [head, head + "es", head + "ed", head + "ing"]
    else:
        forms = [head, head + "s", head + "ed", head + "ing"]
    return [f"{f} {rest}".strip() for f in forms]


REPORT_VERB_LEMMAS = """
    say tell add ask write state declare announce explain note claim admit insist warn argue
    reply respond comment testify tweet post report hail describe agree urge gush boast
    confirm deny acknowledge quote recall continue conclude predict concede complain shout
    whisper cry scream exclaim yell mutter remark observe stress emphasise emphasize assert
    maintain allege contend suggest recount joke quip plead vow promise pledge caution
    lament brag rant slam blast crow gloat fret
    call dub term label brand accuse praise criticise criticize condemn denounce decry mock
    dismiss characterise characterize thank answer retort counter interject murmur chant
    recite reiterate repeat summarise summarize inform advise demand wonder muse chide scold
    rebuke scoff snap taunt jeer
""".split()
REPORT_PHRASES = ("point out", "had this to say", "in an interview", "according to", "went on")


def report_verbs() -> frozenset[str]:
    words = {f for lemma in REPORT_VERB_LEMMAS for f in inflect(lemma)}
    words |= {f for p in ("point out",) for f in inflect(p)}
    return frozenset(words)


REPORT_VERBS = report_verbs()

# Nouns that can stand as the source of a quotation or a claim (H3 "source-noun phrase").
SOURCE_NOUNS = frozenset(
    """
    statement report agency official officials spokesperson spokesman spokeswoman spokespeople
    police ministry military filing court judge government company firm prosecutor prosecutors
    lawyer lawyers attorney attorneys witness witnesses resident residents mayor president
    minister chancellor senator governor chief director ceo chairman chairwoman chair
    commissioner secretary general colonel captain officer officers manager executive
    executives researcher researchers scientist scientists professor economist economists
    analyst spokesperson's department embassy council committee board union party campaign
    office ministry's document letter memo release announcement study survey poll paper
    filing indictment ruling verdict lawsuit complaint testimony transcript website post
    newspaper broadcaster network magazine outlet agency's authorities authority regulator
    coach captain manager player teacher doctor doctors nurse nurses victim victims family
    mother father son daughter wife husband brother sister friend neighbour neighbor
    organisers organizers organiser organizer founder owner author editor reporter reporters
    correspondent ambassador envoy diplomat diplomats minister's senator's widow widower
    activist activists campaigner campaigners protester protesters farmer farmers worker
    workers student students clerk novelist writer historian commander admiral
    he she they it we i
    authors narrator announcer host anchor presenter jury panel aide aides adviser advisers
    advisor advisors staffer staffers candidate nominee lawmaker lawmakers legislator
    legislators congressman congresswoman representative justice justices dissent opinion
    commission bank lender institute foundation university hospital charity coalition
    alliance association federation league club team organization organisation group
    groups city county state district administration legislature parliament cabinet
    message email e-mail tweet caption ad advert advertisement video petition resolution
    guidelines passage text notice note letters affidavit motion brief summary biography
    memoir book column editorial blog website site
    two three both pair couple trio
    plan proposal ordinance law statute regulation contract agreement treaty charter
    constitution policy manual guidance audit review inquiry investigation
    railway airline utility operator exchange carrier insurer producer maker manufacturer
    retailer developer builder
    """.split()
)

# Source nouns that are documents: they "read" and their text "follows" (H3, real-copy 3).
DOCUMENT_NOUNS = frozenset(
    """
    statement report filing letter memo note release announcement document transcript text
    message email e-mail tweet post notice ruling verdict indictment complaint affidavit
    motion brief petition resolution order judgment judgement decision opinion dissent
    summary editorial column caption ad advert advertisement sign-off communique communiqué
    plan proposal ordinance law bill act statute regulation contract agreement treaty charter
    constitution policy manual guidance audit review section clause article provision rule
    rules documents records minutes tables filings statistics estimates returns accounts
    """.split()
)
SOURCE_NOUNS = SOURCE_NOUNS | DOCUMENT_NOUNS

# Things that carry words without a speaker: their text needs no one to have said it ("a
# banner reading “…”", "“…,” the sign on the gate read", "a hand-lettered sign: ‘…’").
INSCRIPTION_NOUNS = frozenset(
    """
    sign signs banner banners placard placards plaque poster posters inscription graffiti
    t-shirt t-shirts shirt billboard billboards menu label headline headlines sticker
    stickers mural slogan motto tattoo
    """.split()
)

PRONOUNS = frozenset("he she they it we i".split())

# Capitalised words that never name a speaker on their own: function words and quantifiers
# that are capitalised only because they open a sentence ("Everyone agreed: …").
NOT_NAMES = frozenset(
    """
    The A An This That These Those It Its He She They We I You Your Our Their His Her Yes No But
    And Or If When While Then There Here What Who Why How Where Which In On At For From By With As
    Of To After Before Meanwhile However Still Yet So Also Quote Note Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April May June July August September
    October November December Mr Mrs Ms Dr
    Everything Everyone Everybody Nobody Nothing Someone Somebody Something Anyone Anybody
    Anything All Some Many Most Few Several Each Every Both Other Others Such Another Any None
    Not Now Today Yesterday Tomorrow Later Earlier Once Again Even Just Only Perhaps Maybe
    Indeed Thus Therefore Instead Although Though Because Since Until Unless Whether Despite
    During Under Over Into Through About Between Against Without Within Among Across Like
    According Asked Told Said
    """.split()
)

WORK_NOUNS = frozenset(
    """
    titled entitled named book film movie song album series headline slogan hashtag novel play
    poem show documentary article essay episode column podcast memoir single track painting
    """.split()
)
# nouns right after a short quotation that make it a name, not speech (the “Build Back Better”
# agenda, the “Off the Record” podcast)
TITLE_NOUNS_AFTER = frozenset(
    """
    slogan slogans campaign act bill law agenda movement initiative program programme plan
    policy doctrine operation tour podcast show series hashtag motto brand chant party caucus
    coalition exhibition festival album song film movie documentary book report column
    """.split()
)
MENTION_CUES = ("called", "known as", "dubbed", "termed", "nicknamed", "the word", "the term",
                "the phrase", "the words", "the expression", "the label", "labelled", "labeled",
                "branded", "referred to as", "hyphenated as", "translated as", "spelled",
                "spelt", "written as", "abbreviated as", "meaning", "means", "as in", "the name",
                "the title", "renamed", "the slogan", "the motto", "the nickname", "nickname")
DOUBT_CUES = ("so-called", "so called", "supposed", "supposedly", "purported", "purportedly",
              "self-styled", "self-proclaimed", "would-be", "alleged", "in the name of",
              "qualifies as")
