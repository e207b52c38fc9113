"""Sentence-level behaviour on sentences written for these tests (not taken from the dev corpus).

Each case names the grammar it exercises: case and prepositions for roles, voice, clause
structure for status, coreference across sentences. They guard the rules that should carry
over to unseen text, where the dev-corpus floor cannot see them.
"""

from __future__ import annotations

import pytest

from armsflow import Document, extract_document


def events(text: str, lang: str) -> set[tuple]:
    result = extract_document(Document(id="t", text=text, lang=lang)).to_dict()
    for event in result["events"]:
        assert event["evidence"] in text  # nothing invented
    return {
        (e["type"], e["supplier"], e["recipient"], e["item"], e["status"])
        if e["type"] == "transfer"
        else (e["type"], e["imposer"], e["target"], e["status"])
        for e in result["events"]
    }


CASES = [
    # German word order is free: case and prepositions, not position, decide the roles.
    ("de", "An Polen lieferte Südkorea im Frühjahr weitere Panzer.", ("transfer", "KOR", "POL", "armoured-vehicle")),
    ("de", "Die Fregatten wurden von Italien an Ägypten übergeben.", ("transfer", "ITA", "EGY", "ship", "delivered")),
    # "man"/"er" are nominative: the bare state is the receiving object.
    (
        "de",
        "Peking widersprach: Man liefere Russland keine Waffen.",
        ("transfer", "CHN", "RUS", "military-equipment", "denied"),
    ),
    # English: the subject precedes the verb, "to" marks the recipient, passives take "by"/"from".
    ("en", "Norway will send two frigates to Poland.", ("transfer", "NOR", "POL", "ship", "planned")),
    ("en", "The howitzers were supplied to Kenya by Turkey.", ("transfer", "TUR", "KEN", "artillery", "delivered")),
    # Carrying goods to a state hands them over.
    (
        "en",
        "Investigators say a Belarusian airline has been flying drones to Sudan.",
        ("transfer", "BLR", "SDN", "uav", "delivered"),
    ),
    # A relative pronoun separated from its clause by a parenthesis still points back.
    (
        "en",
        "The report names firms in India and Vietnam which, according to customs records, "
        "have shipped machine tools to Iran.",
        ("transfer", "IND", "IRN", "technology", "delivered"),
    ),
    # The trained forces receive the trainers, wherever the training happens.
    (
        "en",
        "Canada has sent instructors to Latvia to train Ukrainian soldiers.",
        ("transfer", "CAN", "UKR", "personnel", "delivered"),
    ),
    # Status from clause structure.
    (
        "de",
        "Die Regierung in Madrid erwägt, Chile Radargeräte zu liefern.",
        ("transfer", "ESP", "CHL", "sensor", "considered"),
    ),
    ("en", "Japan has refused to sell submarines to Taiwan.", ("transfer", "JPN", "TWN", "ship", "refused")),
    # A participle set off by commas describes the goods; where they were built is where they come from.
    (
        "en",
        "The frigates, built in Italy, were handed over to the Indonesian navy last week.",
        ("transfer", "ITA", "IDN", "ship", "delivered"),
    ),
    # abkaufen: the seller is the dative object.
    ("de", "Indien hat Frankreich 26 Kampfflugzeuge abgekauft.", ("transfer", "FRA", "IND", "combat-aircraft")),
    # Negotiating a purchase is weighing it.
    (
        "de",
        "Ägypten verhandelt mit China über den Kauf von Kampfjets.",
        ("transfer", "CHN", "EGY", "combat-aircraft", "considered"),
    ),
    # A relative clause states its noun's deeds as fact; the hedge on the measure stays outside.
    (
        "en",
        "Washington is weighing new sanctions on Chinese firms that supply Russia with drone engines.",
        ("transfer", "CHN", "RUS", "technology", "delivered"),
    ),
    # Hearsay does not weaken: "soll … geliefert haben" reports a past delivery, "soll liefern" a plan.
    (
        "de",
        "Israel soll Aserbaidschan Kamikaze-Drohnen geliefert haben.",
        ("transfer", "ISR", "AZE", "uav", "delivered"),
    ),
    ("de", "Russland soll dem Iran Kampfjets liefern.", ("transfer", "RUS", "IRN", "combat-aircraft", "planned")),
    # Buying verbs alone give a deal, not a handover.
    ("en", "Kenya acquired six Chinese-made Z-9 helicopters.", ("transfer", "CHN", "KEN", "helicopter", "agreed")),
    (
        "en",
        "Iran has been arming the Houthis with anti-ship missiles, US officials say.",
        ("transfer", "IRN", "houthis", "other-missile", "delivered"),
    ),
    # A blocked re-export: the permitted (dative) state is the exporter, the vetoing state only blocks.
    (
        "de",
        "Die Schweiz lehnt es ab, Deutschland die Wiederausfuhr von Munition an die Ukraine zu erlauben.",
        ("transfer", "DEU", "UKR", "ammunition", "refused"),
    ),
    # Adopting another's sanctions imposes them; frozen assets are a measure.
    ("de", "Die Schweiz übernimmt die EU-Sanktionen gegen Belarus.", ("sanction", "CHE", "BLR", "imposed")),
    ("en", "Switzerland froze the assets of a Venezuelan general.", ("sanction", "CHE", "VEN", "imposed")),
    # A party to the transfer just reported denies it in the next sentence.
    (
        "de",
        "Der Iran hat Russland Hunderte Drohnen geliefert. Teheran bestreitet das.",
        ("transfer", "IRN", "RUS", "uav", "denied"),
    ),
    # An adjective on the receiving forces is not the goods' origin; a seizer is neither side.
    (
        "de",
        "Rheinmetall liefert der ukrainischen Armee weitere Skyranger-Flugabwehrpanzer.",
        ("transfer", "DEU", "UKR", "air-defence-system", "delivered"),
    ),
    (
        "en",
        "A shipment of Iranian rifles bound for Yemen was seized by the US Navy.",
        ("transfer", "IRN", "YEM", "small-arms", "delivered"),
    ),
    # A participle after the goods is its own transfer; the main verb keeps the goods too.
    (
        "en",
        "The Philippines has received the first two of four corvettes ordered from South Korea.",
        ("transfer", "KOR", "PHL", "ship", "delivered"),
    ),
    (
        "en",
        "The Philippines has received the first two of four corvettes ordered from South Korea.",
        ("transfer", "KOR", "PHL", "ship", "agreed"),
    ),
    # With no exporter named anywhere, a named system comes from its maker's state.
    (
        "en",
        "The sale of 12 Rafale jets to Serbia was finalised in August.",
        ("transfer", "FRA", "SRB", "combat-aircraft"),
    ),
    # A speaker coordinated with "und" is also the subject of the next clause.
    (
        "de",
        "Die USA haben Bedenken geäußert und drohen mit Sanktionen gegen die indonesische Rüstungsbehörde.",
        ("sanction", "USA", "IDN", "planned"),
    ),
    # A refusal answering a request refuses the transfer; "the F-35 programme" is not goods.
    (
        "de",
        "Riad hatte um die Flugzeuge gebeten, Berlin hatte die Lieferung jedoch jahrelang blockiert.",
        ("transfer", "DEU", "SAU", "combat-aircraft", "refused"),
    ),
    # The verb leads over an agent noun: negotiating with a supplier weighs buying from it.
    (
        "en",
        "Brasilia is now negotiating with a South Korean supplier for K9 self-propelled howitzers.",
        ("transfer", "KOR", "BRA", "artillery", "considered"),
    ),
    # "accused of supplying": the accused noun supplies; nobody is quoted.
    (
        "en",
        "The Treasury sanctioned Chinese companies accused of supplying engines for Iranian drones.",
        ("transfer", "CHN", "IRN", "technology", "delivered"),
    ),
    # A delivery to come under a signed deal: agreed, and planned.
    (
        "en",
        "India will supply BrahMos cruise missiles to Vietnam under a deal signed on Tuesday.",
        ("transfer", "IND", "VNM", "cruise-missile", "agreed"),
    ),
    # Readiness is not speech; an attributive participle's "von" agent supplies; rejecting a request refuses.
    (
        "de",
        "Polen hat sich bereit erklärt, der Ukraine MiG-29 zu überlassen.",
        ("transfer", "POL", "UKR", "combat-aircraft", "planned"),
    ),
    (
        "de",
        "Die Ukraine wartet noch auf die von Deutschland versprochenen Iris-T-Systeme.",
        ("transfer", "DEU", "UKR", "air-defence-system", "planned"),
    ),
    (
        "en",
        "Israel has rejected Ukrainian requests for Iron Dome.",
        ("transfer", "ISR", "UKR", "air-defence-system", "refused"),
    ),
    # German present passive; a group's own fighters; a contract "between" two states.
    (
        "de",
        "Der Hisbollah werden vom Iran jedes Jahr Panzerabwehrraketen geliefert.",
        ("transfer", "IRN", "hezbollah", "anti-tank-weapon"),
    ),
    (
        "de",
        "Die Wagner-Söldner wurden nach Mali verlegt.",
        ("transfer", "wagner-group", "MLI", "personnel", "delivered"),
    ),
    (
        "en",
        "Wagner fighters have been deployed to the Central African Republic since 2018.",
        ("transfer", "wagner-group", "CAF", "personnel", "delivered"),
    ),
    (
        "en",
        "The contract for 12 Caesar howitzers was signed between France and Armenia in June.",
        ("transfer", "FRA", "ARM", "artillery", "agreed"),
    ),
    # Deliveries that arrive somewhere, their goods unnamed.
    (
        "de",
        "Erste Lieferungen aus Japan waren im Frühjahr über Singapur nach Vietnam gelangt.",
        ("transfer", "JPN", "VNM", "military-equipment", "delivered"),
    ),
    # A second frame about the same goods shares the named recipient.
    (
        "de",
        "Großbritannien will der Ukraine Storm-Shadow-Marschflugkörper liefern, "
        "Deutschland lehnt die Lieferung von Taurus weiter ab.",
        ("transfer", "DEU", "UKR", "cruise-missile", "refused"),
    ),
    # "ordered by X": the agent of buying is the buyer; the maker supplies.
    (
        "en",
        "The first batch of Leopard 2A8 tanks ordered by Lithuania will arrive in 2026.",
        ("transfer", "DEU", "LTU", "armoured-vehicle", "planned"),
    ),
    # What a package "includes" is what it delivers.
    (
        "en",
        "Sweden announced a new military aid package for Ukraine that includes CV90 infantry fighting vehicles.",
        ("transfer", "SWE", "UKR", "armoured-vehicle", "planned"),
    ),
    (
        "de",
        "Deutschland kündigte ein neues Paket für die Ukraine an, das auch Iris-T-Systeme umfasst.",
        ("transfer", "DEU", "UKR", "air-defence-system", "planned"),
    ),
    # A buyer announcing a purchase asks; it is no supplier's plan.
    ("de", "Algerien kündigte an, chinesische Drohnen zu beschaffen.", ("transfer", "CHN", "DZA", "uav", "requested")),
    # Export controls name their destination; a listing is no quote; a reason is no target.
    ("en", "Japan tightened export controls on chipmaking equipment to China.", ("sanction", "JPN", "CHN", "imposed")),
    (
        "en",
        "The Commerce Department added 12 Chinese entities to its Entity List for supporting Russia's military.",
        ("sanction", "USA", "CHN", "imposed"),
    ),
    # A deal with an arms maker: the maker's state sells, even when its name ends like goods ("Systems").
    (
        "en",
        "Manila has signed a $400 million contract with Israel's Elbit Systems for coastal radar stations.",
        ("transfer", "ISR", "PHL", "sensor", "agreed"),
    ),
    # "a purchase by X": X buys.
    (
        "en",
        "The deal is the third major Israeli arms purchase by the Philippines since 2020.",
        ("transfer", "ISR", "PHL", "military-equipment", "agreed"),
    ),
    # Price caps and embargoes are measures.
    ("en", "The EU agreed a cap on the price of Russian oil.", ("sanction", "EU", "RUS", "imposed")),
    # A finite verb before a name is a verb ("beschafft Rumänien"), not an adjective ("gebrauchte Kampfjets").
    ("de", "Inzwischen beschafft Rumänien Raketenwerfer in Israel.", ("transfer", "ISR", "ROU", "artillery", "agreed")),
    # What a purchase replaces is no party, even with an adjective before its maker's name.
    (
        "de",
        "Als Ersatz für die betagten Saab Gripen will Thailand acht Kampfjets in Südkorea kaufen.",
        ("transfer", "KOR", "THA", "combat-aircraft", "requested"),
    ),
    (
        "de",
        "Die USA verhängten Sanktionen gegen iranische Drohnenhersteller.",
        ("sanction", "USA", "IRN", "imposed"),
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES, ids=[c[1][:40] for c in CASES])
def test_sentence(lang, text, expected):
    found = events(text, lang)
    assert any(e[: len(expected)] == expected for e in found), found


def test_taking_part_is_not_receiving():
    assert events("Egyptian pilots took part in a joint exercise with Saudi units.", "en") == set()


def test_requests_continue_the_transfer_just_named():
    text = (
        "The State Department has approved a possible sale of 16 F-16 fighters to Turkey. "
        "Ankara requested the jets in 2021 after it was expelled from the F-35 programme over its "
        "purchase of Russian S-400 missiles."
    )
    found = events(text, "en")
    assert ("transfer", "USA", "TUR", "combat-aircraft", "requested") in found
    assert ("transfer", "RUS", "TUR", "air-defence-system", "agreed") in found
    assert not any(e[1] == "RUS" and e[3] == "combat-aircraft" for e in found), found


def test_follow_up_sentences_continue_the_pair_unless_another_state_acts():
    text = (
        "Die Niederlande stellen der Ukraine weitere Drohnen zur Verfügung. "
        "Zudem sollen die zugesagten F-16-Kampfjets bis Ende des Monats übergeben werden. "
        "Belgien hat dagegen die Lieferung seiner Jets erneut verschoben."
    )
    found = events(text, "de")
    assert ("transfer", "NLD", "UKR", "combat-aircraft", "planned") in found
    assert ("transfer", "NLD", "UKR", "combat-aircraft", "delivered") not in found


def test_goods_named_earlier_come_from_their_maker():
    text = "India will supply BrahMos cruise missiles to Vietnam. Indonesia is also in talks to buy the missile."
    assert ("transfer", "IND", "IDN", "cruise-missile", "considered") in events(text, "en")


def test_verb_forms_after_a_determiner_are_nouns():
    # "ships" here is the target, not a verb of shipping
    assert events("The Houthis have fired missiles at ships in the Red Sea.", "en") == set()


def test_a_state_in_an_attribution_compound_speaks():
    result = extract_document(
        Document(id="t", text="Nordkorea liefert nach US-Angaben Munition an Russland.", lang="de")
    ).to_dict()
    pairs = {(e["supplier"], e["recipient"], e["source"]) for e in result["events"]}
    assert pairs == {("PRK", "RUS", "US-Angaben")}


def test_coordinated_goods_each_go_to_their_own_recipient():
    text = (
        "Die Bundesregierung hat Rüstungsexporte genehmigt. "
        "Genehmigt wurden unter anderem Fregatten für Algerien und Luftverteidigungssysteme für Singapur."
    )
    found = events(text, "de")
    assert ("transfer", "DEU", "DZA", "ship", "agreed") in found
    assert ("transfer", "DEU", "SGP", "air-defence-system", "agreed") in found
    assert ("transfer", "DEU", "SGP", "ship", "agreed") not in found


def test_part_of_an_order_is_the_delivered_quantity():
    text = "Poland has taken delivery of the first 24 of 96 AH-64E Apache helicopters ordered from the United States."
    result = extract_document(Document(id="t", text=text, lang="en")).to_dict()
    quantities = {(e["status"], e["quantity"]) for e in result["events"]}
    assert quantities == {("delivered", 24), ("agreed", 96)}


def test_a_reason_is_not_a_target():
    found = events(
        "The Commerce Department added 12 Chinese entities to its Entity List for supporting Russia's military.", "en"
    )
    assert not any(e[0] == "sanction" and e[2] == "RUS" for e in found), found


def test_producers_are_not_goods():
    found = events("Kazakh firms have shipped machine tools to Russian arms makers.", "en")
    assert {e[3] for e in found} == {"technology"}, found


def test_forces_after_a_state_adjective_receive_and_are_no_goods():
    text = (
        "Iran has continued to supply Shahed drones to Russia, Ukraine's military intelligence said. "
        "According to the agency, several hundred of the drones reached Russian units in January alone, "
        "most of them shipped across the Caspian Sea."
    )
    # "reached Russian units" is the same delivery; "most of them shipped" is passive: Russia ships nothing
    assert events(text, "en") == {("transfer", "IRN", "RUS", "uav", "delivered")}
    assert events("Die Granaten erreichten russische Einheiten innerhalb weniger Wochen.", "de") == set()
    assert events("Germany delivered two more IRIS-T units to Ukraine.", "en") == {
        ("transfer", "DEU", "UKR", "air-defence-system", "delivered")
    }


def test_a_blocked_re_export_is_the_re_exporters_refused_transfer_not_a_sanction():
    # the state stopped from passing goods on is the supplier; the blocking state imposes no measure
    assert events("Die Schweiz verweigert Deutschland die Weitergabe von Gepard-Munition an die Ukraine.", "de") == {
        ("transfer", "DEU", "UKR", "ammunition", "refused")
    }
    assert events("Switzerland blocked Germany from re-exporting Gepard ammunition to Ukraine.", "en") == {
        ("transfer", "DEU", "UKR", "ammunition", "refused")
    }
    # an export stop against a country stays a measure
    assert ("sanction", "USA", "TUR", "imposed") in events("Washington blocked arms sales to Turkey.", "en")


def test_missiles_without_a_name_are_missiles_and_a_missile_corvette_is_a_ship():
    assert events("Der Iran hat Raketen an die Huthis geliefert.", "de") == {
        ("transfer", "IRN", "houthis", "other-missile", "delivered")
    }
    assert events("India handed over the missile corvette INS Kirpan to Vietnam.", "en") == {
        ("transfer", "IND", "VNM", "ship", "delivered")
    }


def test_completing_a_delivery_is_a_delivery_and_may_the_month_is_no_hedge():
    assert events("Russland hat die Lieferung von S-400-Systemen an die Türkei abgeschlossen.", "de") == {
        ("transfer", "RUS", "TUR", "air-defence-system", "delivered")
    }
    # a contract about a delivery is still a deal
    assert events(
        "Moskau und Neu-Delhi haben einen Vertrag über die Lieferung von S-400-Systemen an Indien abgeschlossen.", "de"
    ) == {("transfer", "RUS", "IND", "air-defence-system", "agreed")}
    assert events("Germany plans to complete the delivery of 18 Leopard tanks to Ukraine by May.", "en") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "planned")
    }


def test_model_numbers_are_no_quantities_and_used_goods_are_goods():
    result = extract_document(
        Document(id="t", text="Tokyo has approved the transfer of 40 used Type 74 tanks to the Philippines.", lang="en")
    )
    assert [(e.supplier, e.recipient, e.item, e.status, e.quantity) for e in result.events] == [
        ("JPN", "PHL", "armoured-vehicle", "agreed", 40)
    ]


def test_a_deal_with_a_state_makes_it_the_seller_when_no_maker_says_otherwise():
    assert events("Katar unterzeichnete einen Vertrag über zwölf NH90-Hubschrauber mit Italien.", "de") == {
        ("transfer", "ITA", "QAT", "helicopter", "agreed")
    }


def test_measures_against_suppliers_and_refused_requests():
    text = "Die USA verhängten Sanktionen gegen chinesische Firmen, die Drohnenteile nach Russland geliefert haben."
    assert events(text, "de") == {
        ("sanction", "USA", "CHN", "imposed"),
        ("transfer", "CHN", "RUS", "technology", "delivered"),
    }
    text = "The Treasury designated three Turkish companies for shipping drone components to Russia."
    assert ("transfer", "TUR", "RUS", "technology", "delivered") in events(text, "en")
    assert events("Britain froze the assets of two Belarusian arms dealers.", "en") == {
        ("sanction", "GBR", "BLR", "imposed")
    }
    # the refused request is stated too: Kyiv asked (the contract keeps it as requested)
    assert events("Die Regierung in Rom lehnte eine Anfrage Kiews nach SAMP/T-Systemen ab.", "de") == {
        ("transfer", "ITA", "UKR", "air-defence-system", "refused"),
        ("transfer", "ITA", "UKR", "air-defence-system", "requested"),
    }
    # "-teil" names parts of weapons only after a weapon word
    found = events("Der Großteil der Panzer ging an die Ukraine, ein Vorteil für Kiew.", "de")
    assert not any(e[3] == "technology" for e in found), found


def test_belief_hedges_and_hopes_request():
    assert events("Sudan's army is believed to have received Iranian Mohajer-6 drones.", "en") == {
        ("transfer", "IRN", "SDN", "uav", "considered")
    }
    assert events("Die Ukraine hofft auf weitere ATACMS-Raketen aus den USA.", "de") == {
        ("transfer", "USA", "UKR", "ballistic-missile", "requested")
    }
    assert events("Schweden wird der Ukraine das Flugzeug ASC 890 überlassen.", "de") == {
        ("transfer", "SWE", "UKR", "other-aircraft", "planned")
    }


def test_training_sends_trainers_and_what_the_training_is_on_stays():
    assert events("Die Bundeswehr bildet ukrainische Soldaten an Leopard-Panzern aus.", "de") == {
        ("transfer", "DEU", "UKR", "personnel", "delivered")
    }
    assert events("The Netherlands trains Ukrainian pilots on F-16 jets in Romania.", "en") == {
        ("transfer", "NLD", "UKR", "personnel", "delivered")
    }


def test_group_fighters_are_people_and_parts_for_weapons_are_technology():
    assert events("Russia has deployed around 1,000 Africa Corps fighters to Mali.", "en") == {
        ("transfer", "RUS", "MLI", "personnel", "delivered")
    }
    assert events("China hat dem Iran angeblich Teile für ballistische Raketen geliefert.", "de") == {
        ("transfer", "CHN", "IRN", "technology", "delivered")
    }
    assert events("Teile der Lieferung sind in der Ukraine angekommen.", "de") == set()


def test_conditions_threats_and_undecided_questions():
    # a condition is no transfer; the threat names its target
    assert events("Washington droht Peking mit Strafmaßnahmen, falls China Russland mit Waffen beliefert.", "de") == {
        ("sanction", "USA", "CHN", "planned")
    }
    assert events("The US warned Beijing of consequences if it supplies Russia with weapons.", "en") == set()
    assert events("Washington threatened Ankara with sanctions.", "en") == {("sanction", "USA", "TUR", "planned")}
    assert events("No decision has been taken on sending Taurus missiles to Ukraine.", "en") == {
        ("transfer", "DEU", "UKR", "cruise-missile", "considered")
    }
    assert events("Kyiv is pushing Washington for long-range ATACMS missiles.", "en") == {
        ("transfer", "USA", "UKR", "ballistic-missile", "requested")
    }
    assert events("Japan friert die Vermögen von 30 russischen Rüstungsfirmen ein.", "de") == {
        ("sanction", "JPN", "RUS", "imposed")
    }


def test_german_present_passive_is_no_future():
    assert events("Der Ukraine werden von Deutschland Panzer geliefert.", "de") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "delivered")
    }
    assert events("Der Ukraine werden von Deutschland Panzer geliefert werden.", "de") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "planned")
    }


def test_accusations_of_arming_and_expected_deliveries():
    text = "North Korean shells were found in Ukraine, Kyiv said, accusing Pyongyang of arming Russia."
    assert ("transfer", "PRK", "RUS", "military-equipment", "delivered") in events(text, "en")
    assert events("Iran is arming the Houthis.", "en") == {
        ("transfer", "IRN", "houthis", "military-equipment", "delivered")
    }
    assert events("Die Lieferung der ersten F-16 aus Dänemark an die Ukraine wird im Sommer erwartet.", "de") == {
        ("transfer", "DNK", "UKR", "combat-aircraft", "planned")
    }


def test_whose_goods_arrive_receives_them():
    assert events("Vietnam's first batch of T-90S tanks arrived from Russia in 2017.", "en") == {
        ("transfer", "RUS", "VNM", "armoured-vehicle", "delivered")
    }


def test_version_letters_money_and_cargo_vessels():
    result = extract_document(Document(id="t", text="Algeria took delivery of its first Su-57E fighters.", lang="en"))
    assert [(e.supplier, e.recipient, e.item, e.designation) for e in result.events] == [
        ("RUS", "DZA", "combat-aircraft", "Su-57E")
    ]
    assert (
        events("Die Niederlande stellen der Ukraine zusätzlich 100 Millionen Euro für Drohnen bereit.", "de") == set()
    )
    found = events("Ein Frachtschiff mit iranischen Waffen für die Huthis wurde abgefangen.", "de")
    assert not any(e[3] == "ship" for e in found), found
    assert ("transfer", "ITA", "EGY", "ship", "delivered") in events(
        "Italy delivered two frigates with Aster missiles to Egypt.", "en"
    )


def test_be_to_is_a_plan():
    assert events("The contract covers 48 J-10C jets, which China is to deliver to Egypt by 2027.", "en") >= {
        ("transfer", "CHN", "EGY", "combat-aircraft", "planned")
    }
    assert events("Germany is to deliver more IRIS-T systems to Ukraine.", "en") == {
        ("transfer", "DEU", "UKR", "air-defence-system", "planned")
    }


def test_german_plural_names_and_owners_of_bought_goods():
    result = extract_document(
        Document(
            id="t", text="Die italienische Regierung genehmigte den Verkauf von 24 Eurofightern an Kuwait.", lang="de"
        )
    )
    assert [(e.supplier, e.recipient, e.item, e.status, e.designation, e.quantity) for e in result.events] == [
        ("ITA", "KWT", "combat-aircraft", "agreed", "Eurofighter", 24)
    ]
    assert events("Most of Nigeria's Super Tucanos were bought from the United States in 2021.", "en") == {
        ("transfer", "USA", "NGA", "combat-aircraft", "agreed")
    }


def test_speakers_end_at_the_verb_and_replacements_are_not_sought_goods():
    text = "Nach Angaben des Pentagons wurden der Ukraine bislang 31 Abrams-Panzer geliefert."
    assert events(text, "de") == {("transfer", "USA", "UKR", "armoured-vehicle", "delivered")}
    assert events("Vietnam sucht nach Ersatz für seine alten russischen Kampfjets.", "de") == set()
    assert events("The Kremlin rejected claims that it had supplied the Taliban with weapons.", "en") == {
        ("transfer", "RUS", "AFG", "military-equipment", "denied")
    }


def test_part_of_an_order_named_in_a_partitive_relative_clause_is_delivered():
    for text, lang in (
        ("Indonesien hat 42 Rafale-Jets in Frankreich bestellt, von denen sechs bereits geliefert wurden.", "de"),
        ("Indonesia ordered 42 Rafale jets from France, six of which have already been delivered.", "en"),
    ):
        result = extract_document(Document(id="t", text=text, lang=lang))
        assert sorted((e.supplier, e.recipient, e.status, e.quantity) for e in result.events) == [
            ("FRA", "IDN", "agreed", 42),
            ("FRA", "IDN", "delivered", 6),
        ]


def test_member_states_are_not_the_union_and_opposed_deals_are_undecided():
    assert events("Mehrere EU-Staaten liefern der Ukraine Kampfjets vom Typ F-16.", "de") == set()
    assert ("sanction", "EU", "RUS", "imposed") in events("EU-Sanktionen gegen Russland treten in Kraft.", "de")
    assert events(
        "Gegen die Lieferung von Leopard-Panzern nach Saudi-Arabien gibt es Widerstand im Bundestag.", "de"
    ) == {("transfer", "DEU", "SAU", "armoured-vehicle", "considered")}


def test_a_states_possessive_on_a_group_locates_the_group():
    text = "The United Arab Emirates shipped armoured vehicles to Sudan's RSF via Chad, UN monitors said."
    assert events(text, "en") == {("transfer", "ARE", "rsf", "armoured-vehicle", "delivered")}


def test_what_was_agreed_what_can_be_carried_and_goods_on_their_way():
    text = (
        "Russia and Belarus have agreed that Minsk will receive Iskander-M systems capable of carrying nuclear "
        "warheads."
    )
    assert events(text, "en") == {("transfer", "RUS", "BLR", "ballistic-missile", "agreed")}
    assert events("More Bradley fighting vehicles are on their way to Ukraine from the US.", "en") == {
        ("transfer", "USA", "UKR", "armoured-vehicle", "delivered")
    }


def test_goods_ordered_and_handed_over_and_blocked_sanctions():
    text = "The first two of twelve Rafales ordered by Serbia were handed over in Belgrade."
    result = extract_document(Document(id="t", text=text, lang="en"))
    assert sorted((e.supplier, e.recipient, e.status, e.quantity) for e in result.events) == [
        ("FRA", "SRB", "agreed", 12),
        ("FRA", "SRB", "delivered", 2),
    ]
    assert ("transfer", "KOR", "PHL", "ship", "delivered") in events(
        "The corvettes ordered from South Korea were handed over to the Philippines.", "en"
    )
    assert events("Ungarn blockiert ein neues EU-Sanktionspaket gegen Russland.", "de") == set()
    assert events("The Biden administration paused a shipment of 2,000-pound bombs to Israel.", "en") == {
        ("transfer", "USA", "ISR", "guided-bomb", "refused")
    }


def test_a_catch_all_head_takes_the_kind_of_its_modifier():
    assert events("Moldova will receive air defence equipment from Romania.", "en") == {
        ("transfer", "ROU", "MDA", "air-defence-system", "planned")
    }


def test_approved_requests_and_infinitives_after_a_fronted_phrase():
    # the approval and the request it answers (two statuses: both, by the contract)
    assert events("Washington has approved Kyiv's request for Patriot interceptors.", "en") == {
        ("transfer", "USA", "UKR", "air-defence-system", "agreed"),
        ("transfer", "USA", "UKR", "air-defence-system", "requested"),
    }
    assert events("Laut Medienberichten plant Südkorea, Polen weitere K2-Panzer zu liefern.", "de") == {
        ("transfer", "KOR", "POL", "armoured-vehicle", "planned")
    }
    # a list of recipients stays a list
    assert len(events("Russland plant, Belarus, Kasachstan und Armenien Waffen zu liefern.", "de")) == 3


def test_a_general_export_stop_is_a_measure_and_one_stopped_delivery_is_not():
    # suspending, halting or revoking the permits for arms exports to a country imposes an export stop
    for text, lang, imposer, target in [
        ("Spain suspended arms exports to Israel.", "en", "ESP", "ISR"),
        ("Britain revoked licences for arms exports to Israel.", "en", "GBR", "ISR"),
        ("Berlin setzt Waffenlieferungen an Saudi-Arabien aus.", "de", "DEU", "SAU"),
        ("Kanada hat die Exportgenehmigungen für Rüstungsgüter nach Israel eingefroren.", "de", "CAN", "ISR"),
        ("Deutschland stoppt Rüstungsexporte in die Türkei.", "de", "DEU", "TUR"),
    ]:
        found = events(text, lang)
        assert ("sanction", imposer, target, "imposed") in found, text
        assert ("transfer", imposer, target, "technology", "refused") not in found, text  # permits are no goods
    assert ("sanction", "DEU", "TUR", "lifted") in events(
        "Deutschland hebt den Stopp der Rüstungsexporte in die Türkei auf.", "de"
    )
    assert ("sanction", "EU", "SYR", "lifted") in events("The EU suspended sanctions on Syria.", "en")
    # a counted or named consignment is one refused transfer
    assert events("Germany stopped the delivery of 48 Eurofighters to Saudi Arabia.", "en") == {
        ("transfer", "DEU", "SAU", "combat-aircraft", "refused")
    }


def test_a_measure_right_after_another_continues_against_its_target():
    text = (
        "Die Slowakei lehnt weitere Militärhilfe ab. Die Slowakei werde keine Waffen mehr abgeben. "
        "Die EU will ihre Sanktionen gegen Belarus verschärfen. "
        "Künftig sollen auch Ausfuhren von Drohnenbauteilen in das Land verboten werden."
    )
    found = events(text, "de")
    assert ("sanction", "EU", "BLR", "planned") in found
    assert {e[2] for e in found if e[0] == "sanction"} == {"BLR"}


def test_a_participle_set_off_by_commas_describes_the_goods():
    # its agent supplies the goods of the clause before it
    assert events(
        "Mehrere Dutzend Leopard-1-Panzer sind in der Ukraine eingetroffen, geliefert von Dänemark und Norwegen.", "de"
    ) >= {
        ("transfer", "DNK", "UKR", "armoured-vehicle", "delivered"),
        ("transfer", "NOR", "UKR", "armoured-vehicle", "delivered"),
    }
    assert events("The tanks arrived in Kyiv last week, supplied by Poland and Slovakia.", "en") == {
        ("transfer", "POL", "UKR", "armoured-vehicle", "delivered"),
        ("transfer", "SVK", "UKR", "armoured-vehicle", "delivered"),
    }
    # between subject and verb it is an aside: who paid is no party, the clause's verb still has the goods
    assert events("Twelve Caesar howitzers, paid for by Denmark, were handed to Ukraine by France.", "en") == {
        ("transfer", "FRA", "UKR", "artillery", "delivered")
    }


def test_answers_to_appeals_and_demands():
    # the answer and the appeal or demand it answers (two statuses: both, by the contract)
    assert events("Seoul rejected Kyiv's appeal for lethal weapons.", "en") == {
        ("transfer", "KOR", "UKR", "military-equipment", "refused"),
        ("transfer", "KOR", "UKR", "military-equipment", "requested"),
    }
    assert events("Berlin lehnte die Forderung Kiews nach Taurus-Marschflugkörpern ab.", "de") == {
        ("transfer", "DEU", "UKR", "cruise-missile", "refused"),
        ("transfer", "DEU", "UKR", "cruise-missile", "requested"),
    }
    assert events("Washington granted Taipei's demand for more Stinger missiles.", "en") == {
        ("transfer", "USA", "TWN", "air-defence-system", "agreed"),
        ("transfer", "USA", "TWN", "air-defence-system", "requested"),
    }


def test_neither_nor_joins_the_suppliers():
    assert events("Weder Russland noch China haben Waffen an Myanmar geliefert.", "de") == {
        ("transfer", "RUS", "MMR", "military-equipment", "refused"),
        ("transfer", "CHN", "MMR", "military-equipment", "refused"),
    }
    # the unnamed junta is neither of them, and nobody else is named: no transfer
    assert events("Neither Russia nor China has supplied weapons to the junta, Moscow insisted.", "en") == set()


def test_building_for_a_buyer_under_a_deal():
    assert events("Im Rahmen eines Vertrags baut TKMS vier Fregatten für Ägypten.", "de") == {
        ("transfer", "DEU", "EGY", "ship", "agreed")
    }
    assert ("transfer", "USA", "BGR", "combat-aircraft", "planned") in events(
        "Lockheed Martin will build 24 F-16 Block 70 jets for Bulgaria under a deal signed in 2019.", "en"
    )


def test_promised_goods_awaited_from_a_state_and_weighing_whether():
    assert events("Kiew wartet noch immer auf die zugesagten Gripen-Jets aus Schweden.", "de") == {
        ("transfer", "SWE", "UKR", "combat-aircraft", "planned")
    }
    # "prüft, ob …" weighs the transfer (an open question alone asserts nothing); "es" is the subject
    assert events("Griechenland prüft, ob es der Ukraine ältere Kampfjets überlassen kann.", "de") == {
        ("transfer", "GRC", "UKR", "combat-aircraft", "considered")
    }
    assert events("Greece is considering whether it can give older fighter jets to Ukraine.", "en") == {
        ("transfer", "GRC", "UKR", "combat-aircraft", "considered")
    }
    assert (
        events("Vučić said he would investigate whether Serbian rounds had been re-exported to Ukraine.", "en") == set()
    )


def test_a_delayed_delivery_is_still_to_come():
    assert events("Die Lieferung der ersten F-35 an Polen verzögert sich.", "de") == {
        ("transfer", "USA", "POL", "combat-aircraft", "planned")
    }
    assert events("The delivery of the first F-35s to Poland has been delayed.", "en") == {
        ("transfer", "USA", "POL", "combat-aircraft", "planned")
    }
    # after the delays it came
    assert events("Poland received its first F-35s from the US after years of delays.", "en") == {
        ("transfer", "USA", "POL", "combat-aircraft", "delivered")
    }


def test_a_plural_pronoun_takes_up_the_firms_just_named():
    for text, lang in [
        ("The US sanctioned three Chinese firms because they had shipped drone parts to Russia.", "en"),
        (
            "Die USA haben gegen drei chinesische Firmen Sanktionen verhängt, weil diese Drohnenteile an "
            "Russland geliefert haben sollen.",
            "de",
        ),
    ]:
        assert events(text, lang) == {
            ("sanction", "USA", "CHN", "imposed"),
            ("transfer", "CHN", "RUS", "technology", "delivered"),
        }, text
    # a state is "it": the subject of the first clause
    assert ("transfer", "IRN", "RUS", "uav", "delivered") in events(
        "Iran delivered drones to Russia, and it also sent missiles.", "en"
    )


def test_people_serving_with_another_states_forces_were_sent():
    for text, lang, supplier, recipient in [
        ("Nordkoreanische Soldaten kämpfen an der Seite russischer Truppen in der Region Kursk.", "de", "PRK", "RUS"),
        ("Thousands of North Korean soldiers are fighting for Russia.", "en", "PRK", "RUS"),
        ("Cuban mercenaries are serving in the Russian army.", "en", "CUB", "RUS"),
        ("Kubanische Söldner dienen in der russischen Armee.", "de", "CUB", "RUS"),
    ]:
        assert events(text, lang) == {("transfer", supplier, recipient, "personnel", "delivered")}, text
    # fighting in a country or against its troops sends nobody to anyone
    assert events("Russische Soldaten kämpfen in der Ukraine.", "de") == set()
    assert events("Ukrainische Soldaten kämpfen gegen russische Truppen.", "de") == set()


def test_withdrawing_from_a_purchase_refuses_it():
    for text, lang, supplier, recipient, item in [
        ("India has pulled out of a deal to buy Russian Ka-226 helicopters.", "en", "RUS", "IND", "helicopter"),
        ("Kasachstan hat den Kauf russischer Su-30SM auf Eis gelegt.", "de", "RUS", "KAZ", "combat-aircraft"),
        ("Kazakhstan put the purchase of Russian Su-30SM jets on hold.", "en", "RUS", "KAZ", "combat-aircraft"),
        ("Indien ist vom Kauf russischer Hubschrauber zurückgetreten.", "de", "RUS", "IND", "helicopter"),
    ]:
        assert events(text, lang) == {("transfer", supplier, recipient, item, "refused")}, text


def test_goods_described_by_a_participle_or_a_purpose_are_still_the_goods():
    # "built by" describes the submarines; "für Angriffe" is what the images are for
    assert events("Jakarta took possession of two Scorpene submarines built by Naval Group.", "en") == {
        ("transfer", "FRA", "IDN", "ship", "delivered")
    }
    assert events(
        "China soll Russland Satellitenbilder für Angriffe auf ukrainische Ziele bereitgestellt haben.", "de"
    ) == {("transfer", "CHN", "RUS", "space-technology", "delivered")}
    assert ("transfer", "RUS", "houthis", "space-technology", "delivered") in events(
        "Russland soll der Huthi-Miliz Satellitendaten für ihre Angriffe auf Handelsschiffe geliefert haben.", "de"
    )
    # kits for local assembly are technology
    assert ("transfer", "IRN", "VEN", "technology", "delivered") in events(
        "Iran has furnished Caracas with drones as well as kits for local assembly.", "en"
    )
    # a navy commissioning ships puts them into service
    assert ("transfer", "KOR", "PHL", "ship", "delivered") in events(
        "The Philippine Navy commissioned two new corvettes built by South Korea's HD Hyundai.", "en"
    )


def test_a_blocked_re_export_from_a_states_stocks_is_that_states_refused_transfer():
    for text, lang in [
        ("Die Schweiz blockiert weiterhin die Weitergabe von Munition aus deutschen Beständen an die Ukraine.", "de"),
        ("Switzerland blocked the re-export of ammunition from German stocks to Ukraine.", "en"),
    ]:
        assert events(text, lang) == {("transfer", "DEU", "UKR", "ammunition", "refused")}, text


def test_not_ruling_out_is_weighing():
    assert events("Südkorea schließt Waffenlieferungen an die Ukraine nicht mehr aus.", "de") == {
        ("transfer", "KOR", "UKR", "military-equipment", "considered")
    }
    assert events("Berlin has not ruled out sending Taurus missiles to Kyiv.", "en") == {
        ("transfer", "DEU", "UKR", "cruise-missile", "considered")
    }
    assert events("Berlin has ruled out sending Taurus missiles to Kyiv.", "en") == {
        ("transfer", "DEU", "UKR", "cruise-missile", "refused")
    }


def test_who_allows_completes_or_approaches():
    # whoever allows a shipment exports it
    assert events(
        "Japan eased its restrictions on defence exports, allowing Patriot missiles to be shipped to the "
        "United States.",
        "en",
    ) >= {("transfer", "JPN", "USA", "air-defence-system", "agreed")}
    # completing the handover of one's own system delivers it (not the maker)
    assert events("Romania completed the handover of its Patriot battery to Ukraine.", "en") == {
        ("transfer", "ROU", "UKR", "air-defence-system", "delivered")
    }
    # a gerund after "about" belongs to the subject; the one approached would sell
    assert events("Iraq has approached South Korea about acquiring KF-21 fighters.", "en") == {
        ("transfer", "KOR", "IRQ", "combat-aircraft", "requested")
    }
    # trainers named by a designation are aircraft, not instructors
    assert {e[3] for e in events("Turkey will supply 24 Hurjet trainers to Spain.", "en")} == {"other-aircraft"}


def test_the_contents_of_a_transfer_or_package_just_reported():
    assert events(
        "Die Bundesregierung genehmigte Rüstungsexporte an Israel. Darunter sind auch Munition und Panzerabwehrwaffen.",
        "de",
    ) >= {("transfer", "DEU", "ISR", "ammunition", "agreed"), ("transfer", "DEU", "ISR", "anti-tank-weapon", "agreed")}
    assert events("The US announced a new aid package for Ukraine. It includes Stinger missiles.", "en") == {
        ("transfer", "USA", "UKR", "air-defence-system", "planned")
    }
    assert ("transfer", "USA", "UKR", "air-defence-system", "considered") in events(
        "The US approved a new aid package for Ukraine. It could also include Stinger missiles.", "en"
    )
    assert events(
        "Die Bundesregierung hat weitere Rüstungsexporte an Israel genehmigt. Nach Angaben des Ministeriums "
        "handelt es sich um Munition und Ersatzteile.",
        "de",
    ) >= {("transfer", "DEU", "ISR", "ammunition", "agreed"), ("transfer", "DEU", "ISR", "technology", "agreed")}
    # a sentence with a subject of its own is not the contents of the last transfer
    assert events("Russia supplied jets to Iran. Russia's arsenal includes Su-35s.", "en") == {
        ("transfer", "RUS", "IRN", "combat-aircraft", "delivered")
    }


def test_reports_called_fabrications_are_denied_and_loads_are_not_units():
    text = "Iran sent two shipments of Fath-360 missiles to Russia last month. Tehran called the reports fabrications."
    result = extract_document(Document(id="t", text=text, lang="en"))
    assert sorted((e.status, e.quantity) for e in result.events) == [("delivered", None), ("denied", None)]
    assert events(
        "Armenia is diversifying away from Russia. The country signed a deal with France for radars.", "en"
    ) == {("transfer", "FRA", "ARM", "sensor", "agreed")}


def test_sanction_targets_after_gegen_and_gegenueber():
    # a genitive after "gegen" is the target's, not the imposer's ("Sanktionen der EU")
    assert events("Großbritannien hebt die Sanktionen gegen Syriens Zentralbank auf.", "de") == {
        ("sanction", "GBR", "SYR", "lifted")
    }
    assert events("Japan verschärft die Exportkontrollen gegenüber China.", "de") == {
        ("sanction", "JPN", "CHN", "imposed")
    }
    assert events("Die Sanktionen der EU gegen Russland bleiben in Kraft.", "de") == {
        ("sanction", "EU", "RUS", "imposed")
    }


def test_who_delivers_within_a_deal_or_a_request_being_weighed():
    # partners agreeing on a named system: its maker's state supplies
    assert events("Vietnam and the Czech Republic have agreed on the supply of twelve L-39NG trainer jets.", "en") == {
        ("transfer", "CZE", "VNM", "other-aircraft", "agreed")
    }
    # "durch" after a delivery noun names who delivers; as a route it names nobody
    assert events("Die Türkei hat die Lieferung von 40 Eurofightern durch Großbritannien vereinbart.", "de") == {
        ("transfer", "GBR", "TUR", "combat-aircraft", "agreed")
    }
    assert events("Die Lieferungen durch Polen in die Ukraine laufen weiter.", "de") == set()
    # weighing someone's request: the request, from the one weighing it, and the answer weighed
    assert events("Das Pentagon prüft derzeit eine Anfrage Polens nach weiteren Apache-Hubschraubern.", "de") == {
        ("transfer", "USA", "POL", "helicopter", "requested"),
        ("transfer", "USA", "POL", "helicopter", "considered"),
    }
    # a state's navy takes over the ship; whoever uses smuggled goods received them
    assert events("Die Marine Ägyptens hat eine weitere Meko-Fregatte aus Kiel übernommen.", "de") == {
        ("transfer", "DEU", "EGY", "ship", "delivered")
    }
    assert events("Hamas fighters have used rockets smuggled from Iran, Israeli officials claim.", "en") == {
        ("transfer", "IRN", "hamas", "artillery-ammunition", "delivered")
    }


def test_trainers_go_to_the_trainees_state_and_help_to_build():
    assert events("German instructors are training Ukrainian soldiers in Lithuania.", "en") == {
        ("transfer", "DEU", "UKR", "personnel", "delivered")
    }
    assert events("US instructors are training Ukrainian soldiers in Ukraine.", "en") == {
        ("transfer", "USA", "UKR", "personnel", "delivered")
    }
    assert events("Russia is helping Iran build drones.", "en") == {
        ("transfer", "RUS", "IRN", "technology", "delivered")
    }
    assert events("Russia is helping Iran build a satellite launch site.", "en") == {
        ("transfer", "RUS", "IRN", "space-technology", "delivered")
    }


def test_stocks_fleets_parts_and_awaited_goods():
    # a stock or fleet of goods is goods of that kind; parts of a named system are technology
    assert events("Die Ukraine erhält von Dänemark das gesamte Artilleriearsenal.", "de") == {
        ("transfer", "DNK", "UKR", "artillery", "delivered")
    }
    assert events("Die Niederlande liefern keine F-35-Teile mehr an Israel.", "de") == {
        ("transfer", "NLD", "ISR", "technology", "refused")
    }
    assert events("Frankreich hat Kiew weitere Aster-Raketen zugesagt.", "de") == {
        ("transfer", "FRA", "UKR", "air-defence-system", "planned")
    }
    assert events("Kyiv is still waiting for the F-16s promised by the Netherlands.", "en") == {
        ("transfer", "NLD", "UKR", "combat-aircraft", "planned")
    }


def test_whose_goods_arrive_for_whom_and_refused_purchases():
    assert events("Die ersten Leopard-2-Panzer für Tschechien sind aus Deutschland eingetroffen.", "de") == {
        ("transfer", "DEU", "CZE", "armoured-vehicle", "delivered")
    }
    assert ("transfer", "SRB", "UKR", "ammunition", "denied") in events(
        "Serbia has denied reports that its ammunition was reaching Ukraine through third countries.", "en"
    )
    assert events("Die USA verweigern Ankara seit Jahren den Kauf von F-35-Jets.", "de") == {
        ("transfer", "USA", "TUR", "combat-aircraft", "refused")
    }
    assert events("China unterstützt Pakistan beim Bau von U-Booten.", "de") == {
        ("transfer", "CHN", "PAK", "technology", "delivered")
    }


def test_funders_former_owners_and_forces_of_a_state():
    # buying for another state: the seller's state supplies, the one bought for receives (funders are no party)
    assert events("Britain and Norway jointly bought NASAMS launchers for Ukraine.", "en") == {
        ("transfer", "NOR", "UKR", "air-defence-system", "agreed")
    }
    result = extract_document(Document(id="t", text="Argentina has signed for 24 ex-Danish F-16s.", lang="en"))
    assert [(e.supplier, e.recipient, e.status, e.quantity) for e in result.events] == [("DNK", "ARG", "agreed", 24)]
    assert events("The Indonesian air force will receive the first of 42 Rafales in early 2026.", "en") == {
        ("transfer", "FRA", "IDN", "combat-aircraft", "planned")
    }


def test_talks_that_are_over_do_not_hedge():
    assert events("After months of negotiations, Washington agreed to provide Kyiv with ATACMS missiles.", "en") == {
        ("transfer", "USA", "UKR", "ballistic-missile", "agreed")
    }
    assert events("Washington is negotiating with Kyiv about ATACMS missiles.", "en") <= {
        ("transfer", "USA", "UKR", "ballistic-missile", "considered")
    }


def test_awaited_goods_users_of_supplied_goods_and_relatives_on_an_order():
    assert events("Thailand is still waiting for its Chinese-built submarine.", "en") == {
        ("transfer", "CHN", "THA", "ship", "planned")
    }
    assert events("Kiew wartet auf Taurus-Marschflugkörper aus Deutschland.", "de") == {
        ("transfer", "DEU", "UKR", "cruise-missile", "planned")
    }
    assert events("Ethiopian forces used Iranian Mohajer-6 drones supplied in 2021.", "en") == {
        ("transfer", "IRN", "ETH", "uav", "delivered")
    }
    assert events("Die Philippinen haben bei Indien Brahmos-Raketen bestellt, die nun ausgeliefert wurden.", "de") == {
        ("transfer", "IND", "PHL", "cruise-missile", "agreed"),
        ("transfer", "IND", "PHL", "cruise-missile", "delivered"),
    }


def test_talks_framing_deals_and_factories_abroad():
    assert events("India is in advanced talks to buy 26 Rafale Marine jets.", "en") == {
        ("transfer", "FRA", "IND", "combat-aircraft", "considered")
    }
    # "Dem Vernehmen nach" is a source, not a "nach" that ends the weighing
    assert events("Dem Vernehmen nach erwägt Seoul, Artilleriegranaten an die USA zu verkaufen.", "de") == {
        ("transfer", "KOR", "USA", "artillery-ammunition", "considered")
    }
    # a deal named in a fronted phrase frames the transfer: agreed, and still to come
    assert events("Under the agreement, Turkey will also transfer drone technology to Indonesia.", "en") == {
        ("transfer", "TUR", "IDN", "technology", "agreed"),
        ("transfer", "TUR", "IDN", "technology", "planned"),
    }
    assert events("Der Rüstungskonzern Rheinmetall soll Munitionsfabriken in der Ukraine bauen.", "de") == {
        ("transfer", "DEU", "UKR", "technology", "planned")
    }


def test_the_one_whose_request_to_re_export_is_refused_re_exports():
    for text, lang in [
        (
            "Die Schweizer Regierung lehnte ein Gesuch Spaniens ab, Flugabwehrkanonen an die Ukraine weiterzugeben.",
            "de",
        ),
        ("Switzerland rejected Spain's request to re-export anti-aircraft guns to Ukraine.", "en"),
    ]:
        assert events(text, lang) == {("transfer", "ESP", "UKR", "air-defence-system", "refused")}, text


def test_a_request_from_a_state_answered():
    # the answer and the request it answers (two statuses: both, by the contract)
    assert events("Berlin approved a request from Kyiv for more Marder vehicles.", "en") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "agreed"),
        ("transfer", "DEU", "UKR", "armoured-vehicle", "requested"),
    }
    assert events("Berlin lehnte eine Anfrage aus Kiew nach weiteren Marder-Panzern ab.", "de") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "refused"),
        ("transfer", "DEU", "UKR", "armoured-vehicle", "requested"),
    }


def test_an_unnamed_army_in_a_named_state():
    assert events("Das Afrikakorps hat in Mali Kampfhubschrauber an die Armee übergeben.", "de") == {
        ("transfer", "africa-corps", "MLI", "helicopter", "delivered")
    }


def test_launches_leases_refused_orders_and_nuclear_weapons():
    assert events("Russia launched an Iranian satellite into orbit from Kazakhstan.", "en") == {
        ("transfer", "RUS", "IRN", "space-technology", "delivered")
    }
    assert events("Russia launched missiles at Kyiv.", "en") == set()
    assert events("South Korea has agreed to lease two submarines to Indonesia.", "en") == {
        ("transfer", "KOR", "IDN", "ship", "agreed")
    }
    assert {e[1:3] for e in events("Indonesia will lease two submarines from South Korea.", "en")} == {("KOR", "IDN")}
    assert events("Ankara refused to deliver the corvette Pakistan had ordered.", "en") == {
        ("transfer", "TUR", "PAK", "ship", "refused"),
        ("transfer", "TUR", "PAK", "ship", "agreed"),
    }
    assert events("Russland hat Weißrussland taktische Atomwaffen überlassen.", "de") == {
        ("transfer", "RUS", "BLR", "military-equipment", "delivered")
    }


def test_it_continues_the_subject_of_the_sentence_before():
    text = (
        "Morocco is stepping up its military modernisation. The kingdom has ordered 24 Apache helicopters from "
        "the United States. It is also negotiating with Israel over the purchase of Barak MX air defence systems."
    )
    assert ("transfer", "ISR", "MAR", "air-defence-system", "considered") in events(text, "en")


def test_the_delivery_of_goods_just_ordered_is_scheduled():
    for text, lang in [
        (
            "Poland signed a deal to buy 96 Apache attack helicopters from the United States. "
            "Deliveries are due to begin in 2028.",
            "en",
        ),
        ("Polen hat 96 Apache-Hubschrauber in den USA bestellt. Die Auslieferung soll 2028 beginnen.", "de"),
    ]:
        assert events(text, lang) == {
            ("transfer", "USA", "POL", "helicopter", "agreed"),
            ("transfer", "USA", "POL", "helicopter", "planned"),
        }, text


def test_what_a_shipment_included_went_with_it():
    assert events("The shipment, which included Javelin missiles, was delivered to Kyiv on Friday.", "en") == {
        ("transfer", "USA", "UKR", "anti-tank-weapon", "delivered")
    }


def test_goods_coordinated_with_a_purpose_are_a_purpose_too():
    # what the parts are for (tanks, howitzers) is not itself shipped
    assert events("Serbia ships spare parts for tanks and howitzers to Armenia.", "en") == {
        ("transfer", "SRB", "ARM", "technology", "delivered")
    }
    assert events("Tschechien liefert der Ukraine Ersatzteile für Panzer und Haubitzen.", "de") == {
        ("transfer", "CZE", "UKR", "technology", "delivered")
    }
    # coordinated goods of their own stay goods
    assert ("transfer", "CZE", "UKR", "artillery", "delivered") in events(
        "Tschechien liefert der Ukraine Ersatzteile für Panzer sowie zwölf Haubitzen.", "de"
    )


def test_parts_after_a_platform_named_as_a_purpose_are_more_goods():
    # "für die Haubitze K9" says what the shells are for; the parts and tools after it are goods of their own,
    # and the list does not end the clause that "liefern" closes
    assert events("Finnland wird Granaten für die Haubitze K9, Ersatzteile und Werkzeug an Estland liefern.", "de") == {
        ("transfer", "FIN", "EST", "artillery-ammunition", "planned"),
        ("transfer", "FIN", "EST", "technology", "planned"),
    }
    assert events("Finland will deliver shells for the K9 howitzer, spare parts and tools to Estonia.", "en") == {
        ("transfer", "FIN", "EST", "artillery-ammunition", "planned"),
        ("transfer", "FIN", "EST", "technology", "planned"),
    }


def test_missiles_for_an_air_defence_system_are_air_defence():
    # interceptors named through the system they are for take the system's category (GUIDELINES: air defence
    # systems and capabilities); missiles for fighters stay missiles
    assert events("Deutschland liefert Raketen für das Patriot-System an die Ukraine.", "de") == {
        ("transfer", "DEU", "UKR", "air-defence-system", "delivered")
    }
    assert events("Germany delivers missiles for the Patriot system to Ukraine.", "en") == {
        ("transfer", "DEU", "UKR", "air-defence-system", "delivered")
    }
    assert events("The US sold missiles for its F-16 fighters to Taiwan.", "en") == {
        ("transfer", "USA", "TWN", "other-missile", "agreed")
    }


def test_a_system_that_names_its_maker_is_no_goods():
    # "F-16-Hersteller", "F-16 maker": the aircraft describe the firm; only the instructors are sent
    assert events("Der F-16-Hersteller Lockheed schickt Ausbilder nach Rumänien.", "de") == {
        ("transfer", "USA", "ROU", "personnel", "delivered")
    }
    assert events("F-16 maker Lockheed Martin sends instructors to Romania.", "en") == {
        ("transfer", "USA", "ROU", "personnel", "delivered")
    }
    assert events("Die USA liefern F-16-Kampfjets an Rumänien.", "de") == {
        ("transfer", "USA", "ROU", "combat-aircraft", "delivered")
    }


def test_a_standard_named_by_an_actor_is_no_origin():
    # "NATO-configured", "NATO-standard": the goods are built to a standard; NATO supplies nothing
    assert events("In June, Portugal announced selecting the NATO-configured A-29N from Brazil.", "en") == {
        ("transfer", "BRA", "PRT", "combat-aircraft", "requested")
    }
    assert events("Die Ukraine erhielt Nato-kompatible Granaten aus Deutschland.", "de") == {
        ("transfer", "DEU", "UKR", "artillery-ammunition", "delivered")
    }


def test_an_announced_aid_package_passes_its_parties_to_its_contents():
    # "Hilfspaket" names goods still to be listed, like "Militärpaket" and "aid package"
    text = "Die USA haben ein weiteres Hilfspaket für die Ukraine angekündigt. Es umfasst Artilleriemunition."
    assert events(text, "de") == {("transfer", "USA", "UKR", "artillery-ammunition", "planned")}
    assert events("Deutschland hat der Ukraine ein Hilfspaket mit Panzern geliefert.", "de") == {
        ("transfer", "DEU", "UKR", "armoured-vehicle", "delivered")
    }


def test_the_subject_of_a_perfect_of_saying_speaks_not_its_addressee():
    text = "Frankreich hat der Slowakei mitgeteilt, dass Belgien zwölf Haubitzen an Kiew geliefert habe."
    result = extract_document(Document(id="t", text=text, lang="de")).to_dict()
    sources = {e["source"] for e in result["events"]}
    assert sources == {"Frankreich"}, result["events"]


def test_asides_in_parentheses_neither_end_a_clause_nor_break_a_list():
    text = (
        "Österreich hat im Vorjahr Kriegsmaterial an Deutschland exportiert. Die drei wichtigsten Abnehmerländer "
        "waren Deutschland (80 Millionen Euro), die Niederlande (30 Millionen Euro) und Polen (12 Millionen Euro)."
    )
    found = events(text, "de")
    for recipient in ("DEU", "NLD", "POL"):
        assert ("transfer", "AUT", recipient, "military-equipment", "delivered") in found, found


def test_an_abbreviation_in_parentheses_after_a_name_is_an_aside():
    # even when the abbreviation is an actor of its own ("NORINCO"), the clause goes on after it
    text = "Tanks bought by the Malian Army (MA) from the Turkish firm Otokar (OTK) arrived in Bamako."
    assert events(text, "en") == {
        ("transfer", "TUR", "MLI", "armoured-vehicle", "agreed"),
        ("transfer", "TUR", "MLI", "armoured-vehicle", "delivered"),
    }
    found = events("Howitzers ordered from the Korea Aerospace Industries (KAI) reached Egypt in May.", "en")
    assert ("transfer", "KOR", "EGY", "artillery", "delivered") in found, found


def test_a_temporal_as_with_its_own_subject_and_verb_opens_a_clause():
    # its talks hedge nothing of the main clause, and its name is no party of it
    assert events("Qatar signed a deal for 12 Rafale jets from France as Macron held talks in Doha.", "en") == {
        ("transfer", "FRA", "QAT", "combat-aircraft", "agreed")
    }
    assert events("Poland delivered tanks to Ukraine as Russia pressed its offensive.", "en") == {
        ("transfer", "POL", "UKR", "armoured-vehicle", "delivered")
    }
    # not "as well as", not "as" before a noun phrase without a verb
    assert ("transfer", "FRA", "QAT", "helicopter", "agreed") in events(
        "Qatar bought Rafale jets as well as helicopters from France.", "en"
    )


def test_goods_after_against_are_the_threat_not_the_goods():
    assert events(
        "Kenya asked France for more Mistral systems to protect its bases against drones and rockets.", "en"
    ) == {("transfer", "FRA", "KEN", "air-defence-system", "requested")}


def test_goods_words_modifying_another_noun_are_no_goods():
    # "jet fuel" is fuel, "drone attacks" are attacks
    found = events("The EU sanctioned a firm that supplies jet fuel to the Myanmar junta.", "en")
    assert not [e for e in found if e[0] == "transfer"], found
    assert ("transfer", "IRN", "RUS", "uav", "delivered") in events(
        "Iran has shipped attack drones to Russia, and drone attacks on Kyiv have grown.", "en"
    )


def test_the_weapon_is_the_system_named_before():
    text = "Norway builds the NASAMS air defence system. Norway sold the weapon to Lithuania in 2023."
    assert ("transfer", "NOR", "LTU", "air-defence-system", "agreed") in events(text, "en")
    # with no system named before, one weapon is weapons
    assert ("transfer", "NOR", "LTU", "military-equipment", "agreed") in events(
        "Norway sold the weapon to Lithuania.", "en"
    )


def test_forces_in_the_dative_receive_and_equipment_is_military():
    text = "Die Türkei hat der somalischen Spezialeinheit Gorgor Ausrüstung bereitgestellt."
    assert events(text, "de") == {("transfer", "TUR", "SOM", "military-equipment", "delivered")}


@pytest.mark.parametrize(
    "text",
    [
        "Die USA liefern Patriot-Raketen an Katar, verlautete aus dem Pentagon.",
        "Wie aus dem Pentagon verlautete, liefern die USA Patriot-Raketen an Katar.",
    ],
)
def test_verlauten_reports_from_whom_the_news_comes(text):
    result = extract_document(Document(id="t", text=text, lang="de")).to_dict()
    assert {(e["supplier"], e["recipient"], e["source"]) for e in result["events"]} == {("USA", "QAT", "Pentagon")}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Turkey has delivered 20 drones to Kuwait, the Kuwaiti army announced on Tuesday.", "the Kuwaiti army"),
        ("Canada will not sell arms to Israel, Foreign Minister Melanie Joly announced yesterday.", "Joly"),
        # announcing goods of one's own is a claim of one's own, no attribution of the one before
        ("Russia delivered jets to Syria, and Iran announced new drone sales to Venezuela.", None),
    ],
)
def test_an_announcement_after_the_claim_names_its_source(text, source):
    result = extract_document(Document(id="t", text=text, lang="en")).to_dict()
    first = result["events"][0]
    assert (first["source"] is None) if source is None else (source in first["source"])


@pytest.mark.parametrize(
    ("text", "lang", "source"),
    [
        ("Pakistan's defence minister has denied reports that China will supply jets to Pakistan.", "en", "minister"),
        ("Iran's foreign minister denies reports Tehran plans to send missiles to Russia.", "en", "minister"),
        ("Präsident Vučić bestritt, dass Belgrad Munition an Kiew verkaufe.", "de", "Vučić"),
    ],
)
def test_who_denies_in_a_governing_clause_is_the_source(text, lang, source):
    result = extract_document(Document(id="t", text=text, lang=lang)).to_dict()
    denied = [e for e in result["events"] if e["status"] == "denied"]
    assert denied and all(e["source"] and e["source"].endswith(source) for e in denied)


@pytest.mark.parametrize(
    "text",
    [
        "Zumindest hatte das algerische Fernsehen bestätigt, dass Russland Su-57 an Algerien geliefert hat.",
        "Zuvor hatte im Februar das algerische Fernsehen bestätigt, dass Russland Su-57 an Algerien geliefert hat.",
    ],
)
def test_an_opening_adverb_is_no_source_the_subject_after_the_auxiliary_is(text):
    result = extract_document(Document(id="t", text=text, lang="de")).to_dict()
    assert {e["source"] for e in result["events"]} == {"algerische Fernsehen"}


def test_torpedoes_are_missiles_as_in_sipris_categories():
    # SIPRI counts torpedoes with the missiles; the contract's `other-missile` holds anti-ship weapons.
    assert events("Italien liefert Schwergewichtstorpedos an Indonesien.", "de") == {
        ("transfer", "ITA", "IDN", "other-missile", "delivered")
    }
    assert events("Washington approved the sale of Mk 54 torpedoes to Seoul.", "en") == {
        ("transfer", "USA", "KOR", "other-missile", "agreed")
    }
    assert events("The submarine fired a torpedo at the frigate.", "en") == set()


def test_a_negated_stop_lets_deliveries_go_on_and_nach_before_auch_is_no_destination():
    # not stopping deliveries: they go on, and no measure is taken
    assert events("Die Niederlande werden ihre Waffenlieferungen an Jordanien nicht stoppen.", "de") == {
        ("transfer", "NLD", "JOR", "military-equipment", "delivered")
    }
    assert events("Canada did not halt its arms exports to Jordan.", "en") == {
        ("transfer", "CAN", "JOR", "military-equipment", "delivered")
    }
    # "Nach X … nun auch Y": after X, Y too; X neither receives nor is targeted
    found = events("Nach Schweden und Finnland stoppt nun auch Belgien seine Rüstungsexporte nach Katar.", "de")
    assert not any(e[2] in ("SWE", "FIN") for e in found), found
    assert ("sanction", "BEL", "QAT", "imposed") in found
    # … and they took the same measure before
    assert {("sanction", "SWE", "QAT", "imposed"), ("sanction", "FIN", "QAT", "imposed")} <= found
    # a fronted destination with "auch" before the goods stays a destination
    assert ("transfer", "BEL", "QAT", "armoured-vehicle", "delivered") in events(
        "Nach Katar liefert Belgien nun auch Panzer.", "de"
    )


def test_targeted_before_a_measure_noun_describes_it():
    # "and targeted sanctions": a participle describing the measures, not a second clause that imposes them
    assert events("The Security Council voted to lift the arms embargo and targeted sanctions on Liberia.", "en") == {
        ("sanction", "UN", "LBR", "lifted")
    }
    assert ("sanction", "USA", "IRN", "imposed") in events(
        "Washington targeted Iranian drone makers with sanctions.", "en"
    )


def test_undoing_a_measure_lifts_it():
    assert events("Washington machte die Sanktionen gegen Kuba rückgängig.", "de") == {
        ("sanction", "USA", "CUB", "lifted")
    }


def test_own_jets_sent_on_an_alliance_mission_are_stationed():
    text = "Die Niederlande haben ihre Kampfjets nach Estland entsandt, um die NATO-Ostflanke zu sichern."
    assert events(text, "de") == set()
    assert events("Die Niederlande haben Estland zwölf Kampfjets geschickt.", "de") == {
        ("transfer", "NLD", "EST", "combat-aircraft", "delivered")
    }


def test_discontinued_arms_exports_are_a_measure_and_a_demanded_stop_is_none():
    assert ("sanction", "SWE", "QAT", "imposed") in events(
        "Schweden hat alle Rüstungsexporte nach Katar eingestellt.", "de"
    )
    # discontinued deliveries of one kind of goods: one refused transfer, no export stop
    assert events("Schweden hat die Drohnenlieferungen an Katar eingestellt.", "de") == {
        ("transfer", "SWE", "QAT", "uav", "refused")
    }
    # asking another state to stop its exports: neither a measure nor a transfer
    assert events("Armenien forderte Israel auf, die Rüstungsexporte an Baku einzustellen.", "de") == set()
    assert events("Armenia urged Israel to stop arms exports to Azerbaijan.", "en") == set()


def test_ins_is_a_direction():
    assert events("Serbien liefert Panzer ins Kosovo.", "de") == {
        ("transfer", "SRB", "XKX", "armoured-vehicle", "delivered")
    }
    assert ("sanction", "FRA", "QAT", "imposed") in events(
        "Frankreich hatte alle Rüstungsexporte ins katarische Emirat eingestellt.", "de"
    )


def test_a_states_parliament_acts_for_it():
    assert events("The Slovak parliament approved the purchase of F-16s from the US.", "en") == {
        ("transfer", "USA", "SVK", "combat-aircraft", "agreed")
    }
    assert events("Das slowakische Parlament hat den Kauf von F-16 aus den USA gebilligt.", "de") == {
        ("transfer", "USA", "SVK", "combat-aircraft", "agreed")
    }


def test_what_an_offer_is_for_is_no_purchase_of_the_offeree():
    assert events("Spanien bot Katar Panzer zum Kauf an.", "de") == {
        ("transfer", "ESP", "QAT", "armoured-vehicle", "planned")
    }
    assert events("Spain offered Qatar tanks for sale.", "en") == {
        ("transfer", "ESP", "QAT", "armoured-vehicle", "planned")
    }


def test_not_yet_delivered_is_pending_not_refused():
    assert events("Russia has not yet delivered the S-400 systems to Turkey.", "en") == {
        ("transfer", "RUS", "TUR", "air-defence-system", "agreed")
    }
    assert events("Die Fregatten aus Italien wurden noch nicht an Ägypten geliefert.", "de") == {
        ("transfer", "ITA", "EGY", "ship", "agreed")
    }
    # a plain negation and "keine" stay what they were
    assert events("Russia did not deliver the S-400 systems to Turkey.", "en") == {
        ("transfer", "RUS", "TUR", "air-defence-system", "refused")
    }


def test_ohne_dass_leaves_goods_pending_and_ohne_genehmigung_is_a_manner():
    text = "Katar kaufte die Bomben von Spanien. Katar zahlte bereits, ohne dass die Bomben geliefert wurden."
    assert events(text, "de") == {("transfer", "ESP", "QAT", "guided-bomb", "agreed")}
    assert events("Spanien lieferte ohne Genehmigung Pistolen nach Mexiko.", "de") == {
        ("transfer", "ESP", "MEX", "small-arms", "delivered")
    }


def quantities(text: str, lang: str) -> set[tuple]:
    result = extract_document(Document(id="t", text=text, lang=lang)).to_dict()
    return {(e["item"], e["quantity"]) for e in result["events"] if e["type"] == "transfer"}


def test_millions_count_goods_but_not_money():
    assert quantities("China hat dem Sudan drei Millionen Schuss Munition geliefert.", "de") == {
        ("ammunition", 3_000_000)
    }
    assert quantities("The US delivered 1 million rounds of ammunition to Ukraine.", "en") == {
        ("ammunition", 1_000_000)
    }
    assert quantities("China hat dem Sudan für drei Millionen Euro Munition geliefert.", "de") == {("ammunition", None)}
    assert quantities("The US delivered $2 million worth of ammunition to Ukraine.", "en") == {("ammunition", None)}


def test_military_end_users_in_a_state_are_targets_and_end_ends_nothing_there():
    assert events("The US imposed export controls on military end users in Laos and Myanmar.", "en") == {
        ("sanction", "USA", "LAO", "imposed"),
        ("sanction", "USA", "MMR", "imposed"),
    }


def test_numbers_in_groups_of_three_digits_are_one_count():
    assert quantities("Deutschland lieferte 2 000 Granaten an die Ukraine.", "de") == {("artillery-ammunition", 2000)}
    assert quantities("The US sent 1 200 000 rounds of ammunition to Ukraine.", "en") == {("ammunition", 1_200_000)}


def test_goods_equipped_with_goods_are_described_not_handed_over():
    text = "Peru ordered 20 Caracal helicopters from France. The helicopters are equipped with anti-ship missiles."
    assert events(text, "en") == {("transfer", "FRA", "PER", "helicopter", "agreed")}
    text = (
        "Peru bestellte 20 Caracal-Hubschrauber in Frankreich. "
        "Die Hubschrauber sind mit Seezielflugkörpern ausgestattet."
    )
    assert events(text, "de") == {("transfer", "FRA", "PER", "helicopter", "agreed")}
    # equipping a state is supplying it
    assert events("The US equipped Ukraine with Javelin missiles.", "en") == {
        ("transfer", "USA", "UKR", "anti-tank-weapon", "delivered")
    }


def test_a_regime_in_a_state_is_the_target():
    assert events("Die EU verhängte Sanktionen gegen das Militärregime in Myanmar.", "de") == {
        ("sanction", "EU", "MMR", "imposed")
    }
    assert events("The EU imposed sanctions on the regime in Myanmar.", "en") == {("sanction", "EU", "MMR", "imposed")}


def test_a_former_soviet_republic_is_the_state_talked_about_and_spares_are_goods():
    text = "In Georgien gibt es Unruhen. Deutschland stoppt Rüstungsexporte in die frühere Sowjetrepublik."
    assert ("sanction", "DEU", "GEO", "imposed") in events(text, "de")
    assert events("South Africa sent spares to Zambia.", "en") == {
        ("transfer", "ZAF", "ZMB", "technology", "delivered")
    }


def test_a_count_passes_a_makers_name_and_a_classifier_noun():
    assert quantities("Peru ordered 30 Airbus Caracal military helicopters from France.", "en") == {("helicopter", 30)}
    assert quantities("Peru ordered 12 Lockheed Martin F-35A jets from the United States.", "en") == {
        ("combat-aircraft", 12)
    }
    assert quantities("Chile kaufte 146 Stück des Leopard 2 in Deutschland.", "de") == {("armoured-vehicle", 146)}
    assert quantities("Frankreich liefert Peru neun Exemplare des Hubschraubers Caracal.", "de") == {("helicopter", 9)}
    assert quantities("France will deliver six units of the Caracal helicopter to Peru.", "en") == {("helicopter", 6)}
    # a goods word before the conjunction is no maker: the count stays with the recovery vehicles
    assert quantities("Deutschland lieferte der Ukraine zwei Bergepanzer und Munition.", "de") == {
        ("armoured-vehicle", 2),
        ("ammunition", None),
    }


def test_a_prepositional_aside_holds_no_subject_and_a_german_genitive_state_acts_through_its_body():
    text = (
        "Peru's defence minister, in the presence of his visiting French counterpart, signed a contract "
        "to buy 20 Caracal helicopters."
    )
    assert events(text, "en") == {("transfer", "FRA", "PER", "helicopter", "agreed")}
    assert events("Frankreichs Regierung liefert Panzer an Peru.", "de") == {
        ("transfer", "FRA", "PER", "armoured-vehicle", "delivered")
    }
    assert events("Chinas Staatsführung hat Waffenlieferungen an Russland abgelehnt.", "de") == {
        ("transfer", "CHN", "RUS", "military-equipment", "refused")
    }
    # the genitive before a title and a person is one party with the person, who is no recipient
    text = "Lukaschenko fürchtet um seine Macht. Zum Schutz verspricht ihm Russlands Präsident Putin neue Waffen."
    assert events(text, "de") == {("transfer", "RUS", "BLR", "military-equipment", "planned")}


def test_supplying_a_state_also_without_goods_supplies_the_goods_named_before():
    first = "South Africa supplies Rooivalk helicopters to Zambia. "
    assert events(first + "It is also supplying Namibia.", "en") == {
        ("transfer", "ZAF", "ZMB", "helicopter", "delivered"),
        ("transfer", "ZAF", "NAM", "helicopter", "delivered"),
    }
    assert events("Südafrika liefert Rooivalk-Hubschrauber an Sambia. Auch Namibia wird beliefert.", "de") == {
        ("transfer", "ZAF", "ZMB", "helicopter", "delivered"),
        ("transfer", "ZAF", "NAM", "helicopter", "delivered"),
    }
    # other goods, and a pronoun that is the subject of an active verb, say nothing about the helicopters
    assert events(first + "It also sells oil to Namibia.", "en") == {
        ("transfer", "ZAF", "ZMB", "helicopter", "delivered")
    }
    assert events(first + "It sells food to Namibia.", "en") == {("transfer", "ZAF", "ZMB", "helicopter", "delivered")}


def test_goods_taken_up_by_a_pronoun_for_a_new_buyer_come_from_the_same_supplier_and_hercules_is_a_transport():
    text = "Bolivia bought two Hercules aircraft from Chile. Peru also bought two of them."
    assert events(text, "en") == {
        ("transfer", "CHL", "BOL", "other-aircraft", "agreed"),
        ("transfer", "CHL", "PER", "other-aircraft", "agreed"),
    }
    # an own seller wins
    text = "Bolivia bought two Hercules aircraft from Chile. Peru also bought two of them from Spain."
    assert ("transfer", "ESP", "PER", "other-aircraft", "agreed") in events(text, "en")


def test_goods_arriving_at_a_port_of_a_third_state_are_on_their_way_to_the_buyer():
    text = (
        "Peru bought 42 Stryker vehicles from the United States. 17 vehicles have already arrived at a port in Chile."
    )
    assert events(text, "en") == {
        ("transfer", "USA", "PER", "armoured-vehicle", "agreed"),
        ("transfer", "USA", "PER", "armoured-vehicle", "delivered"),
    }
    text = (
        "Peru kaufte 42 Stryker-Fahrzeuge von den USA. 17 Fahrzeuge sind bereits in einem Hafen in Chile eingetroffen."
    )
    assert ("transfer", "USA", "PER", "armoured-vehicle", "delivered") in events(text, "de")
    # without a transfer before, the port's state is where they arrived
    assert events("17 Stryker vehicles from the US have arrived at a port in Chile.", "en") == {
        ("transfer", "USA", "CHL", "armoured-vehicle", "delivered")
    }


def test_freezing_exports_and_cutting_aid_for_an_army_are_measures():
    assert ("sanction", "CAN", "SAU", "imposed") in events("Canada froze arms exports to Saudi Arabia.", "en")
    assert events("Canada is lifting a freeze on weapons exports to Saudi Arabia.", "en") == {
        ("sanction", "CAN", "SAU", "lifted")
    }
    assert events("Canada imposed a moratorium on arms exports to Saudi Arabia.", "en") == {
        ("sanction", "CAN", "SAU", "imposed")
    }
    # an adjective, no verb of the measure
    assert events("Ukraine urged allies to use frozen Russian assets to buy weapons for Kyiv.", "en") == set()
    text = "Saudi Arabia suspended a $3 billion aid package for the Lebanese army."
    assert events(text, "en") == {("sanction", "SAU", "LBN", "imposed")}
    assert events("Saudi Arabia suspended an aid package for Lebanon's hospitals.", "en") == set()
    assert ("sanction", "USA", "CMR", "imposed") in events("Die USA kürzen die Militärhilfe für Kamerun.", "de")
    assert events("Die EU hat Sanktionen gegen Ägypten gestrichen.", "de") == {("sanction", "EU", "EGY", "lifted")}


def test_a_german_name_after_wie_does_what_the_subject_does():
    text = "Wie Deutschland und Dänemark will auch Finnland keine Waffen mehr an Katar liefern."
    assert events(text, "de") == {
        ("transfer", "DEU", "QAT", "military-equipment", "refused"),
        ("transfer", "DNK", "QAT", "military-equipment", "refused"),
        ("transfer", "FIN", "QAT", "military-equipment", "refused"),
    }
    # after a noun, "wie" gives examples of it
    assert events("Schweden hat Drohnen in Länder wie Peru und Chile exportiert.", "de") == {
        ("transfer", "SWE", "PER", "uav", "delivered"),
        ("transfer", "SWE", "CHL", "uav", "delivered"),
    }


def test_a_region_adjective_is_no_state_and_a_described_german_land_is_a_reference():
    text = "In Peru there is unrest. The EU suspended arms deliveries to the South American country."
    assert ("sanction", "EU", "PER", "imposed") in events(text, "en")
    assert events("Chile sold jets to the South American country of Peru.", "en") == {
        ("transfer", "CHL", "PER", "combat-aircraft", "agreed")
    }
    text = "In Ägypten gibt es Unruhen. Die EU hat ihre Waffenlieferungen in das nordafrikanische Land ausgesetzt."
    assert ("sanction", "EU", "EGY", "imposed") in events(text, "de")
    # the region decides which state of the story is meant
    text = "Chile und Ägypten kaufen Panzer. Deutschland liefert Panzer an das nordafrikanische Land."
    assert ("transfer", "DEU", "EGY", "armoured-vehicle", "delivered") in events(text, "de")


def test_planes_and_jets_of_a_non_combat_role_are_other_aircraft():
    assert events("New Zealand has agreed to buy four maritime patrol planes from the U.S.", "en") == {
        ("transfer", "USA", "NZL", "other-aircraft", "agreed")
    }
    assert events("Peru bought two transport jets from Brazil.", "en") == {
        ("transfer", "BRA", "PER", "other-aircraft", "agreed")
    }
    assert events("Peru bought 12 fighter jets from Sweden.", "en") == {
        ("transfer", "SWE", "PER", "combat-aircraft", "agreed")
    }


def test_close_to_buying_is_considered():
    assert events("Peru is close to buying two frigates from Italy.", "en") == {
        ("transfer", "ITA", "PER", "ship", "considered")
    }
    assert events("Peru bought two frigates from Italy close to the border.", "en") == {
        ("transfer", "ITA", "PER", "ship", "agreed")
    }


def test_a_decision_to_buy_is_an_intention():
    assert events("Peru's decision to buy six warships from Germany surprised analysts.", "en") == {
        ("transfer", "DEU", "PER", "ship", "requested")
    }
    assert events("The decision to approve the sale of F-16s to Turkey came late.", "en") == {
        ("transfer", "USA", "TUR", "combat-aircraft", "agreed")
    }


def test_withheld_goods_were_due_to_the_state_they_are_kept_from():
    assert events("The US withheld Patriot missiles from Peru.", "en") == {
        ("transfer", "USA", "PER", "air-defence-system", "refused")
    }
    assert events("Russland hielt die S-300-Systeme für Peru zurück.", "de") == {
        ("transfer", "RUS", "PER", "air-defence-system", "refused")
    }


def test_terminating_a_contract_cancels_it_and_ending_an_embargo_lifts_it():
    text = "Peru has terminated its contract with Hindustan Aeronautics Limited for seven helicopters."
    assert events(text, "en") == {("transfer", "IND", "PER", "helicopter", "refused")}
    assert events("Peru hat den Vertrag über sieben Hubschrauber mit Indien gekündigt.", "de") == {
        ("transfer", "IND", "PER", "helicopter", "refused")
    }
    assert events("Die EU hat das Waffenembargo gegen Peru aufgekündigt.", "de") == {
        ("sanction", "EU", "PER", "lifted")
    }


def test_a_from_phrase_on_people_names_no_supplier():
    text = (
        "The first shipment of French weapons had been delivered to Peru in April to bolster the army's fight "
        "against Islamist militants encroaching from neighbouring Chile."
    )
    assert events(text, "en") == {("transfer", "FRA", "PER", "military-equipment", "delivered")}
    # goods from a state still come from it, and fighter jets are goods, not people
    assert events("Peru agreed to buy 12 Mirage fighters from Qatar.", "en") == {
        ("transfer", "QAT", "PER", "combat-aircraft", "agreed")
    }


def test_a_german_reflexive_phrase_holds_with_the_subject_between():
    text = "Berichten zufolge interessiert sich auch das Nachbarland Chile für Panzer aus Deutschland."
    assert events(text, "de") == {("transfer", "DEU", "CHL", "armoured-vehicle", "considered")}
    assert events("Peru interessiert sich für Waffen aus Deutschland.", "de") == {
        ("transfer", "DEU", "PER", "military-equipment", "considered")
    }


def test_versand_is_a_noun_of_delivery():
    text = "Österreich bewilligte die Ausfuhr von 800 Gewehren nach Peru. Der Versand solle per Flugzeug erfolgen."
    assert events(text, "de") == {
        ("transfer", "AUT", "PER", "small-arms", "agreed"),
        ("transfer", "AUT", "PER", "small-arms", "planned"),
    }
    assert events("Der Versand von Paketen nach Peru ist teuer.", "de") == set()


def test_the_two_states_as_recipients_of_a_named_supplier_both_receive():
    text = (
        "Pilatus hat Peru 25 Flugzeuge verkauft; 2012 lieferte das Unternehmen 55 PC-21 nach Chile. "
        "Seither hat die Firma den beiden Staaten Ersatzteile für die Flugzeuge geliefert."
    )
    found = events(text, "de")
    assert ("transfer", "CHE", "PER", "technology", "delivered") in found
    assert ("transfer", "CHE", "CHL", "technology", "delivered") in found


def test_a_consortium_named_by_its_system_is_a_firm_not_goods():
    text = (
        "Die Bundesregierung hat dem Eurofighter-Industriekonsortium grünes Licht gegeben, sich an einer "
        "Ausschreibung Saudi-Arabiens zum Kauf neuer Kampfflugzeuge zu beteiligen."
    )
    assert ("transfer", "DEU", "SAU", "combat-aircraft", "agreed") not in events(text, "de")
    assert events("Der Eurofighter-Hersteller BAE Systems lieferte Kampfjets an Katar.", "de") == {
        ("transfer", "GBR", "QAT", "combat-aircraft", "delivered")
    }


def test_another_states_goods_used_by_a_state_were_received():
    assert events("The US-made Hawk missiles are operated by Peru.", "en") == {
        ("transfer", "USA", "PER", "air-defence-system", "delivered")
    }
    assert events("Chinese drones are used by the Nigerian air force.", "en") == {
        ("transfer", "CHN", "NGA", "uav", "delivered")
    }
    # a place of use is no holder
    assert events("Iranian drones used in Ukraine were shot down.", "en") == set()


def test_two_verbs_joined_before_one_object_share_it():
    assert events("Chile bestellte und erhielt 146 Leopard-Panzer aus Deutschland.", "de") == {
        ("transfer", "DEU", "CHL", "armoured-vehicle", "agreed"),
        ("transfer", "DEU", "CHL", "armoured-vehicle", "delivered"),
    }
    text = (
        "India buys arms from Russia. "
        "The Rosoboronexport JSC looks after Russia's export and import of military hardware."
    )
    assert events(text, "en") == {("transfer", "RUS", "IND", "military-equipment", "agreed")}


def test_civil_vehicles_for_the_forces_are_military_equipment():
    assert events("China lieferte Lastwagen für militärische Zwecke an Peru.", "de") == {
        ("transfer", "CHN", "PER", "military-equipment", "delivered")
    }
    assert events("China delivered trucks for the army to Peru.", "en") == {
        ("transfer", "CHN", "PER", "military-equipment", "delivered")
    }
    assert events("China delivered trucks to Peru.", "en") == set()


def test_one_of_a_states_customers_or_export_markets_receives_from_it():
    assert events("Peru is one of Germany's main arms customers.", "en") == {
        ("transfer", "DEU", "PER", "military-equipment", "delivered")
    }
    assert events("Peru is one of Germany's main export markets for arms.", "en") == {
        ("transfer", "DEU", "PER", "military-equipment", "delivered")
    }
    assert events("Germany is looking for new export markets for its tanks.", "en") == set()


def test_and_a_count_with_its_own_finite_verb_opens_a_clause_with_its_own_status():
    text = "France delivered six Rafale jets to Peru and two more are expected next year."
    assert ("transfer", "FRA", "PER", "combat-aircraft", "delivered") in events(text, "en")
    assert quantities(text, "en") >= {("combat-aircraft", 6)}
    text = "France sold 12 Rafale jets to Peru and 6 were delivered in May."
    assert quantities(text, "en") == {("combat-aircraft", 12), ("combat-aircraft", 6)}
    assert events(text, "en") == {
        ("transfer", "FRA", "PER", "combat-aircraft", "agreed"),
        ("transfer", "FRA", "PER", "combat-aircraft", "delivered"),
    }


def test_the_rest_expected_is_planned_and_counted():
    text = "France delivered six Rafale jets to Peru and two more are expected next year."
    assert events(text, "en") == {
        ("transfer", "FRA", "PER", "combat-aircraft", "delivered"),
        ("transfer", "FRA", "PER", "combat-aircraft", "planned"),
    }
    assert quantities(text, "en") == {("combat-aircraft", 6), ("combat-aircraft", 2)}
    text = "Frankreich lieferte sechs Rafale an Peru. Zwei weitere sollen im Mai folgen."
    assert quantities(text, "de") == {("combat-aircraft", 6), ("combat-aircraft", 2)}


def test_a_german_genitive_with_its_article_after_a_request_noun_is_the_asker():
    assert events("Schweden prüft das Ersuchen der Ukraine um Gripen-Kampfjets.", "de") == {
        ("transfer", "SWE", "UKR", "combat-aircraft", "considered"),
        ("transfer", "SWE", "UKR", "combat-aircraft", "requested"),
    }
    assert events("Schweden lehnte die Anfrage der ukrainischen Regierung nach Panzern ab.", "de") == {
        ("transfer", "SWE", "UKR", "armoured-vehicle", "refused"),
        ("transfer", "SWE", "UKR", "armoured-vehicle", "requested"),
    }


def test_one_more_aircraft_after_a_transfer_continues_it_with_its_goods():
    text = (
        "Die Elfenbeinküste hat zwei Transportflugzeuge vom Typ C-295 aus Spanien übernommen. "
        "Ein drittes Flugzeug soll im Herbst folgen."
    )
    assert events(text, "de") == {
        ("transfer", "ESP", "CIV", "other-aircraft", "delivered"),
        ("transfer", "ESP", "CIV", "other-aircraft", "planned"),
    }
    text = "Spain delivered two aircraft to Ivory Coast. A third aircraft will follow in the autumn."
    assert ("transfer", "ESP", "CIV", "combat-aircraft", "planned") in events(text, "en")


def test_hawk_aircraft_are_the_bae_trainer_and_a_german_genitive_after_goods_owns_them():
    assert events("India bought 20 Hawk trainers from Britain.", "en") == {
        ("transfer", "GBR", "IND", "other-aircraft", "agreed")
    }
    assert events("The US sold Hawk missiles to Taiwan.", "en") == {
        ("transfer", "USA", "TWN", "air-defence-system", "agreed")
    }
    text = "Demnach soll Österreich drei gebrauchte UH-60L Black Hawk der jordanischen Luftstreitkräfte erhalten."
    assert events(text, "de") == {("transfer", "JOR", "AUT", "helicopter", "planned")}


def test_a_bare_designation_keeps_the_reading_the_story_gave_it():
    text = (
        "Die US-Navy will der Schweiz 22 Tiger-Kampfjets abkaufen. "
        "Etwa vierzig Tiger wurden bereits an Washington verkauft."
    )
    assert events(text, "de") == {
        ("transfer", "CHE", "USA", "combat-aircraft", "requested"),
        ("transfer", "CHE", "USA", "combat-aircraft", "agreed"),
    }
    # alone, the name has its lexicon reading
    assert events("Frankreich hat Peru zwei Mistral verkauft.", "de") == {
        ("transfer", "FRA", "PER", "air-defence-system", "agreed")
    }


def test_an_export_stop_imposed_without_a_target_is_against_the_storys_target():
    text = (
        "Deutschland stoppt Rüstungsexporte in die Türkei. "
        "Norwegen, Finnland und die Niederlande haben bereits einen Waffen-Exportstopp verhängt."
    )
    found = events(text, "de")
    assert {("sanction", x, "TUR", "imposed") for x in ("NOR", "FIN", "NLD")} <= found
    # no measure in the story: the stop names no target
    text = "Deutschland liefert Panzer nach Chile. Norwegen und Dänemark haben bereits einen Exportstopp verhängt."
    assert events(text, "de") == {("transfer", "DEU", "CHL", "armoured-vehicle", "delivered")}


def test_helis_are_helicopters_and_a_states_arms_exporter_acts_for_it():
    text = "Im nächsten Jahr liefert der russische Waffenexporteur zudem 30 Helis an die afghanische Armee."
    assert events(text, "de") == {("transfer", "RUS", "AFG", "helicopter", "planned")}
    assert events("The Russian arms exporter will deliver 30 helicopters to the Afghan army.", "en") == {
        ("transfer", "RUS", "AFG", "helicopter", "planned")
    }


def test_putting_off_an_export_licence_withholds_it():
    text = "Die Schweiz schiebt die Ausfuhrbewilligung für Fliegerabwehrsysteme nach Pakistan bis auf weiteres auf."
    assert ("transfer", "CHE", "PAK", "air-defence-system", "refused") in events(text, "de")


def test_a_cue_word_inside_a_capitalised_name_is_part_of_the_name():
    text = (
        "The Zambian Air Force has taken delivery of eight K-8P jet trainers from the China National "
        "Aero-Technology Import and Export Corporation."
    )
    assert events(text, "en") == {("transfer", "CHN", "ZMB", "other-aircraft", "delivered")}


def test_a_measure_called_for_is_considered_and_the_caller_is_no_target():
    assert events("Sweden called for an EU-wide arms embargo on Turkey.", "en") == {
        ("sanction", "EU", "TUR", "considered")
    }
    assert events("Schweden fordert ein EU-weites Waffenembargo gegen die Türkei.", "de") == {
        ("sanction", "EU", "TUR", "considered")
    }
    # a measure named as in force stays in force
    text = "The European Union has urged Belgrade to align with its sanctions against Moscow."
    assert events(text, "en") == {("sanction", "EU", "RUS", "imposed")}
    text = (
        "The EU imposed sanctions on Russia. The EU is already working on a further sanctions package against Russia."
    )
    assert ("sanction", "EU", "RUS", "planned") in events(text, "en")


def test_a_state_named_behind_its_body_is_the_party():
    text = (
        "Das Verteidigungsministerium Kolumbiens unterzeichnete mit Spanien einen Vertrag über acht Patrouillenboote."
    )
    assert events(text, "de") == {("transfer", "ESP", "COL", "ship", "agreed")}
    text = "The Ministry of Defence of Colombia bought eight patrol boats from Spain."
    assert events(text, "en") == {("transfer", "ESP", "COL", "ship", "agreed")}
    # a body that hangs on a noun is no party of its own ("Generäle der Armee Myanmars")
    text = "Die EU verhängte Sanktionen gegen Generäle der Armee Myanmars."
    assert events(text, "de") == {("sanction", "EU", "MMR", "imposed")}


def test_replacing_with_acquires_what_comes_in():
    text = "Ecuador is replacing its Cheetah jets with ten Gripen fighters from Sweden."
    got = events(text, "en")
    assert got == {("transfer", "SWE", "ECU", "combat-aircraft", "agreed")}
    text = "Ecuador ersetzt seine alten Kampfjets durch zehn Kampfflugzeuge aus Schweden."
    assert events(text, "de") == {("transfer", "SWE", "ECU", "combat-aircraft", "agreed")}
    # a purpose of a purchase names what is replaced, not a second acquisition
    text = "Ecuador bought ten Gripen fighters from Sweden to replace its Cheetah jets."
    assert events(text, "en") == {("transfer", "SWE", "ECU", "combat-aircraft", "agreed")}
    assert events("Ecuador wants to replace its Cheetah jets by 2030.", "en") == set()


def test_a_plain_word_for_aircraft_takes_the_named_systems_kind():
    assert events("Ecuador bought four Apache aircraft from the United States.", "en") == {
        ("transfer", "USA", "ECU", "helicopter", "agreed")
    }
    # a word for fighters keeps its own kind, whatever the catalogue says of the name
    assert events("Ecuador kaufte der Schweiz zwölf Tiger-Kampfjets ab.", "de") == {
        ("transfer", "CHE", "ECU", "combat-aircraft", "agreed")
    }


def test_holding_back_goods_refuses_them():
    assert events("Chile will hold back a radar system for Ecuador.", "en") == {
        ("transfer", "CHL", "ECU", "sensor", "refused")
    }
    assert events("The sale of attack helicopters to Ecuador is being held back by Chile.", "en") == {
        ("transfer", "CHL", "ECU", "helicopter", "refused")
    }
    # holding back an enemy refuses nothing
    text = "Ecuador's troops held back the rebels with rifles supplied by Chile."
    assert events(text, "en") == {("transfer", "CHL", "ECU", "small-arms", "delivered")}


def test_whom_an_order_is_awarded_to_or_who_wins_it_sells():
    text = "Ecuador hat einen Auftrag über sechs Korvetten an die Niederlande vergeben."
    assert events(text, "de") == {("transfer", "NLD", "ECU", "ship", "agreed")}
    text = "Ecuador awarded a contract for six corvettes to the Netherlands."
    assert events(text, "en") == {("transfer", "NLD", "ECU", "ship", "agreed")}
    text = "The Netherlands won a contract for six corvettes from Ecuador."
    assert events(text, "en") == {("transfer", "NLD", "ECU", "ship", "agreed")}
    # a contract signed with a partner keeps the signer as buyer
    text = "Ecuador signed a contract with the Netherlands for six corvettes."
    assert events(text, "en") == {("transfer", "NLD", "ECU", "ship", "agreed")}


def test_a_shortlist_weighs_each_system_from_its_maker():
    assert events("Ecuador has shortlisted the Rafale and the Gripen for its new fighter programme.", "en") == {
        ("transfer", "FRA", "ECU", "combat-aircraft", "considered"),
        ("transfer", "SWE", "ECU", "combat-aircraft", "considered"),
    }
    # the system chosen "over" another: only the chosen one
    assert events("Ecuador chose the Gripen over the F-16.", "en") == {
        ("transfer", "SWE", "ECU", "combat-aircraft", "requested")
    }


def test_who_expects_a_delivery_receives_it_later():
    text = "Ecuador expects delivery of the remaining six patrol boats from Korea in 2027."
    assert events(text, "en") == {("transfer", "KOR", "ECU", "ship", "planned")}
    text = "Ecuador erwartet die Lieferung von sechs Patrouillenbooten aus Korea im Jahr 2027."
    assert events(text, "de") == {("transfer", "KOR", "ECU", "ship", "planned")}


def test_a_name_before_an_infinitive_is_its_subject():
    text = "The United States expects Russia to use the Iranian drones against Ukraine."
    assert events(text, "en") == {("transfer", "IRN", "RUS", "uav", "delivered")}
    text = "Ecuador became the third country after Peru to buy the radar from Israel."
    assert events(text, "en") == {("transfer", "ISR", "ECU", "sensor", "agreed")}


def test_unnamed_sellers_leave_the_seller_open():
    assert events("Ecuador has received Patriot systems from its Western allies.", "en") == set()
    assert events("Ecuador hat Patriot-Systeme erhalten.", "de") == {
        ("transfer", "USA", "ECU", "air-defence-system", "delivered")
    }


def test_a_part_of_a_total_is_delivered_and_the_total_ordered():
    text = "Die ersten vier von insgesamt zwölf Hubschraubern aus Russland sind in Ecuador eingetroffen."
    got = extract_document(Document(id="t", text=text, lang="de")).to_dict()["events"]
    assert {(e["status"], e["quantity"]) for e in got} == {("delivered", 4), ("agreed", 12)}
    assert {(e["supplier"], e["recipient"], e["item"]) for e in got} == {("RUS", "ECU", "helicopter")}


def test_the_partner_of_a_sellers_arms_deal_buys():
    text = "Ein Rüstungsgeschäft mit Ecuador über 24 Kampfpanzer hat Spanien abgelehnt."
    assert events(text, "de") == {("transfer", "ESP", "ECU", "armoured-vehicle", "refused")}


def test_who_equips_its_own_forces_from_a_state_receives():
    text = "Ecuador rüstet seine Marine mit sechs Fregatten aus Italien auf."
    assert events(text, "de") == {("transfer", "ITA", "ECU", "ship", "delivered")}
    assert events("Italy will equip Ecuador's navy with six frigates.", "en") == {
        ("transfer", "ITA", "ECU", "ship", "planned")
    }


def test_a_year_before_a_participle_is_a_date_not_a_count():
    assert events("Chile in 2019 delivered two helicopters to Ecuador.", "en") == {
        ("transfer", "CHL", "ECU", "helicopter", "delivered")
    }
    # a count before a participle still makes it an adjective ("40 used tanks")
    assert quantities("Chile sold 40 used tanks to Ecuador.", "en") == {("armoured-vehicle", 40)}


def test_keinerlei_negates_and_civil_trade_is_no_arms_trade():
    assert events("Schweden liefert keinerlei Waffen nach Ecuador.", "de") == {
        ("transfer", "SWE", "ECU", "military-equipment", "refused")
    }
    text = "Chile gifted Ecuador two helicopters to aid its fight against drug trafficking."
    assert events(text, "en") == {("transfer", "CHL", "ECU", "helicopter", "delivered")}


def test_states_named_after_including_are_the_unnamed_states():
    text = "Chile is blocking arms sales to countries including Ecuador and Bolivia."
    got = events(text, "en")
    assert ("sanction", "CHL", "ECU", "imposed") in got and ("sanction", "CHL", "BOL", "imposed") in got
    text = "Chile hat Gewehre an mehrere Länder geliefert, darunter Ecuador und Bolivien."
    assert events(text, "de") == {
        ("transfer", "CHL", "ECU", "small-arms", "delivered"),
        ("transfer", "CHL", "BOL", "small-arms", "delivered"),
    }


def test_davon_stands_for_the_goods_named_before():
    text = (
        "Der Leopard-Panzer gehört zur Grundausrüstung der deutschen Armee. "
        "Größere Posten davon wurden bereits an Chile und Ecuador geliefert."
    )
    assert events(text, "de") == {
        ("transfer", "DEU", "CHL", "armoured-vehicle", "delivered"),
        ("transfer", "DEU", "ECU", "armoured-vehicle", "delivered"),
    }
    # "davon ausgehen" names no goods
    text = "Experten gehen davon aus, dass Russland Drohnen an Ecuador liefert."
    assert events(text, "de") == {("transfer", "RUS", "ECU", "uav", "delivered")}


def test_civil_vehicles_handed_to_forces_are_military_equipment():
    text = "Österreich wird 53 Lastkraftwagen an die ecuadorianischen Streitkräfte liefern."
    assert events(text, "de") == {("transfer", "AUT", "ECU", "military-equipment", "planned")}
    assert events("Austria will deliver 53 trucks to the Ecuadorian army.", "en") == {
        ("transfer", "AUT", "ECU", "military-equipment", "planned")
    }
    # trucks for a state, not for its forces, are no arms
    assert events("Österreich liefert 53 Lastwagen an Ecuador.", "de") == set()


def test_an_offered_purchase_is_the_sellers_offer():
    text = "Frankreich hat Ecuador den Kauf eines kompletten U-Bootes angeboten."
    assert events(text, "de") == {("transfer", "FRA", "ECU", "ship", "planned")}
    text = "Sweden has offered Ecuador the purchase of a Gotland-class submarine."
    assert events(text, "en") == {("transfer", "SWE", "ECU", "ship", "planned")}
    # a letter of offer names no offer of its own
    text = (
        "Ecuador signed a Letter of Offer and Acceptance with the United States for the acquisition of 8 Stryker "
        "vehicles."
    )
    assert events(text, "en") == {("transfer", "USA", "ECU", "armoured-vehicle", "agreed")}


def test_the_partner_of_an_agreement_does_not_do_what_was_agreed():
    text = "Russland hatte mit Israel vereinbart, die Lieferung von S-300 an Ecuador auszusetzen."
    got = events(text, "de")
    assert ("transfer", "ISR", "ECU", "air-defence-system", "refused") not in got
    assert ("transfer", "RUS", "ECU", "air-defence-system", "refused") in got


def test_craft_that_carry_goods_are_no_goods_and_touching_down_arrives():
    text = "The Tucano planes arrived in Ecuador on Sunday aboard two Brazilian C-130 Hercules transport planes."
    assert events(text, "en") == {("transfer", "BRA", "ECU", "other-aircraft", "delivered")}
    text = "Die Gewehre aus Russland kamen an Bord eines russischen Transportflugzeugs in Ecuador an."
    assert events(text, "de") == {("transfer", "RUS", "ECU", "small-arms", "delivered")}
    text = "Two transport planes from Brazil touched down in Quito with four Tucano aircraft for Ecuador."
    assert ("transfer", "BRA", "ECU", "other-aircraft", "delivered") in events(text, "en")


def test_initiating_a_procurement_is_an_intention_and_new_goods_words():
    text = "Österreich hat die Beschaffung von zwölf Black-Hawk-Hubschraubern in den USA eingeleitet."
    assert events(text, "de") == {("transfer", "USA", "AUT", "helicopter", "requested")}
    text = "Israel cancelled the sale of an airborne early warning system to Ecuador."
    assert events(text, "en") == {("transfer", "ISR", "ECU", "other-aircraft", "refused")}
    assert events("Schweden bietet Ecuador seine Kampftechnik an.", "de") == {
        ("transfer", "SWE", "ECU", "military-equipment", "planned")
    }


def test_contracted_english_negations_negate():
    assert events("Germany didn't deliver tanks to Ecuador.", "en") == {
        ("transfer", "DEU", "ECU", "armoured-vehicle", "refused")
    }
    assert events("Germany hasn’t delivered the tanks to Ecuador yet.", "en") == {
        ("transfer", "DEU", "ECU", "armoured-vehicle", "agreed")
    }
    assert events("Germany hasn't yet delivered the tanks to Ecuador.", "en") == {
        ("transfer", "DEU", "ECU", "armoured-vehicle", "agreed")
    }
    assert events("Ecuador doesn't want to buy F-16 fighters from the United States.", "en") == {
        ("transfer", "USA", "ECU", "combat-aircraft", "refused")
    }


def test_a_denial_governs_its_own_complement_only():
    text = (
        "The minister confirmed that Chile has gifted Ecuador a helicopter, and denied rumors that Chile would "
        "sell tanks to Ecuador."
    )
    assert events(text, "en") == {
        ("transfer", "CHL", "ECU", "helicopter", "delivered"),
        ("transfer", "CHL", "ECU", "armoured-vehicle", "denied"),
    }


def test_a_lowercase_news_agency_is_the_source():
    text = "Russland hat Ecuador Panzer geliefert, meldet dpa."
    got = extract_document(Document(id="t", text=text, lang="de")).to_dict()["events"]
    assert [(e["supplier"], e["recipient"], e["source"]) for e in got] == [("RUS", "ECU", "dpa")]
    text = "Russland hat Ecuador Panzer geliefert, berichtet die Nachrichtenagentur dpa."
    got = extract_document(Document(id="t", text=text, lang="de")).to_dict()["events"]
    assert [e["source"] for e in got] == ["Nachrichtenagentur dpa"]


def test_services_for_goods_agents_of_nouns_and_beziehungsweise():
    assert events("The United States will provide maintenance for Ecuador's F-16 fleet.", "en") == {
        ("transfer", "USA", "ECU", "technology", "planned")
    }
    text = "Die Ablieferung der sechs Fregatten an Ecuador durch Italien ist für 2027 vorgesehen."
    assert events(text, "de") == {("transfer", "ITA", "ECU", "ship", "planned")}
    text = "Ecuador bezieht Flugzeuge aus chilenischer beziehungsweise peruanischer Produktion."
    assert events(text, "de") == {
        ("transfer", "CHL", "ECU", "combat-aircraft", "delivered"),
        ("transfer", "PER", "ECU", "combat-aircraft", "delivered"),
    }


def test_a_headline_infinitive_is_the_future():
    assert events("UPDATE: Seoul to sell 48 K9 howitzers to Ecuador.", "en") == {
        ("transfer", "KOR", "ECU", "artillery", "planned")
    }
    assert events("Ecuador agreed to buy 48 K9 howitzers from South Korea.", "en") == {
        ("transfer", "KOR", "ECU", "artillery", "agreed")
    }


def test_a_measure_decided_is_taken_and_bracketed_counts_count():
    assert events("The EU decided to impose sanctions on Ecuador.", "en") == {("sanction", "EU", "ECU", "imposed")}
    assert events("The EU plans to impose sanctions on Ecuador.", "en") == {("sanction", "EU", "ECU", "planned")}
    text = "The Government of Ecuador has requested to buy twelve (12) AH-64E Apache helicopters."
    assert quantities(text, "en") == {("helicopter", 12)}


def test_a_participle_after_the_goods_does_not_set_the_main_verbs_status():
    text = "The Netherlands has handed over the last of the 24 F-16 jets it promised to Ecuador."
    assert events(text, "en") == {("transfer", "NLD", "ECU", "combat-aircraft", "delivered")}
    text = "Ecuador has so far received the Caesar howitzers pledged by Denmark."
    assert ("transfer", "DNK", "ECU", "artillery", "delivered") in events(text, "en")


def test_giving_up_an_objection_clears_the_transfer():
    text = "Deutschland gibt seinen Widerstand gegen die Lieferung von Eurofightern an Ecuador auf."
    assert events(text, "de") == {("transfer", "DEU", "ECU", "combat-aircraft", "agreed")}
    assert events("Germany lifted its veto on the sale of Eurofighter jets to Ecuador.", "en") == {
        ("transfer", "DEU", "ECU", "combat-aircraft", "agreed")
    }
    assert events("Germany maintained its veto on the sale of Eurofighter jets to Ecuador.", "en") == {
        ("transfer", "DEU", "ECU", "combat-aircraft", "refused")
    }


def test_the_agent_of_a_noun_of_buying_is_the_buyer():
    assert events("The purchase of six Rafale jets from France by Ecuador was confirmed.", "en") == {
        ("transfer", "FRA", "ECU", "combat-aircraft", "agreed")
    }
    assert events("Der Kauf von sechs Rafale-Jets aus Frankreich durch Ecuador wurde bestätigt.", "de") == {
        ("transfer", "FRA", "ECU", "combat-aircraft", "agreed")
    }


def test_a_relative_clause_on_the_speaker_neither_hedges_nor_hides_the_speaker():
    text = "A source who asked not to be identified said Chile agreed to sell jets to Ecuador."
    got = extract_document(Document(id="t", text=text, lang="en")).to_dict()["events"]
    assert [(e["supplier"], e["recipient"], e["status"], e["source"]) for e in got] == [
        ("CHL", "ECU", "agreed", "source")
    ]
    # a relative clause with a subject of its own keeps that subject as the speaker
    text = "Ecuador's air force flies Chilean jets, which it says it used in clashes last May."
    assert events(text, "en") == {("transfer", "CHL", "ECU", "combat-aircraft", "delivered")}


def test_a_received_request_is_a_request_to_whoever_received_it():
    assert events("Chile received a request from Ecuador for howitzers.", "en") == {
        ("transfer", "CHL", "ECU", "artillery", "requested")
    }
    assert events("Chile erhielt eine Anfrage aus Ecuador nach Haubitzen.", "de") == {
        ("transfer", "CHL", "ECU", "artillery", "requested")
    }


def test_as_promised_keeps_the_delivery():
    assert events("Wie versprochen hat Russland zwei Hubschrauber an Ecuador ausgeliefert.", "de") == {
        ("transfer", "RUS", "ECU", "helicopter", "delivered")
    }


def test_a_dateline_place_in_capitals_is_no_party():
    assert events("PARAGUAY ap ■ Die Europäische Union hat ihr Waffenembargo gegen Ecuador aufgehoben.", "de") == {
        ("sanction", "EU", "ECU", "lifted")
    }
    assert events("ECUADOR (Reuters) - Brazil has delivered six patrol boats to Paraguay.", "en") == {
        ("transfer", "BRA", "PRY", "ship", "delivered")
    }
    # a name in capitals that is the sentence's subject stays a party
    assert events("ECUADOR has received six patrol boats from Brazil.", "en") == {
        ("transfer", "BRA", "ECU", "ship", "delivered")
    }


def test_a_region_adjective_names_no_state():
    assert events("Russia sells helicopters to several Latin American states.", "en") == set()
    assert events("Latin American armies buy Russian helicopters.", "en") == set()
    text = "Israel signed a military accord with Honduras. It will give the Central American nation fighter jets."
    assert events(text, "en") == {("transfer", "ISR", "HND", "combat-aircraft", "planned")}


def test_selling_goods_of_a_kind_in_the_present_is_a_habit():
    assert events("Chile sells rifles to Ecuador and Bolivia.", "en") == {
        ("transfer", "CHL", "ECU", "small-arms", "delivered"),
        ("transfer", "CHL", "BOL", "small-arms", "delivered"),
    }
    # one sale: a count, a determiner or the past
    assert events("Chile sells 40 rifles to Ecuador.", "en") == {("transfer", "CHL", "ECU", "small-arms", "agreed")}
    assert events("Chile sells the rifles to Ecuador.", "en") == {("transfer", "CHL", "ECU", "small-arms", "agreed")}
    assert events("Chile sold rifles to Ecuador.", "en") == {("transfer", "CHL", "ECU", "small-arms", "agreed")}


def test_the_one_called_on_is_asked():
    assert events("Brazil called on Chile to supply Ecuador with rifles.", "en") == {
        ("transfer", "CHL", "ECU", "small-arms", "requested")
    }
    assert events("Brazil called on Chile not to supply Ecuador with rifles.", "en") == set()


def test_the_owner_of_an_arriving_consignment_sent_it():
    assert events("A Chilean shipment of rifles reached Ecuador last week.", "en") == {
        ("transfer", "CHL", "ECU", "small-arms", "delivered")
    }
    assert events("Eine chilenische Lieferung von Gewehren erreichte Ecuador.", "de") == {
        ("transfer", "CHL", "ECU", "small-arms", "delivered")
    }


def test_goods_procured_for_a_state_s_forces_go_to_that_state():
    assert events("Für die ecuadorianische Armee wurden 20 Hubschrauber in Russland beschafft.", "de") == {
        ("transfer", "RUS", "ECU", "helicopter", "agreed")
    }
    assert events("Twenty Russian helicopters were purchased for the Ecuadorian army.", "en") == {
        ("transfer", "RUS", "ECU", "helicopter", "agreed")
    }
    # a future with an infinitive in -en is no passive of a participle without "ge-"
    assert events("Die Niederlande werden Ecuador 18 Kampfjets überlassen.", "de") == {
        ("transfer", "NLD", "ECU", "combat-aircraft", "planned")
    }


def test_a_firm_reporting_a_sale_made_it():
    text = (
        "The United States blocked a sale of jets to Bolivia. "
        "Embraer confirmed the sale of eight Super Tucano aircraft to Ecuador."
    )
    assert events(text, "en") == {
        ("transfer", "USA", "BOL", "combat-aircraft", "refused"),
        ("transfer", "BRA", "ECU", "combat-aircraft", "agreed"),
    }
    assert events("Rheinmetall teilte mit, Ecuador habe 20 Schützenpanzer bestellt.", "de") == {
        ("transfer", "DEU", "ECU", "armoured-vehicle", "agreed")
    }


def test_lease_verbs_hold_up_and_new_goods_words():
    assert events("Die Bundeswehr pachtet fünf Drohnen aus Israel.", "de") == {
        ("transfer", "ISR", "DEU", "uav", "delivered")
    }
    assert events("Ecuador rents five drones from Israel.", "en") == {("transfer", "ISR", "ECU", "uav", "delivered")}
    assert events("Russia has held up a planned sale of air defence systems to Ecuador.", "en") == {
        ("transfer", "RUS", "ECU", "air-defence-system", "refused")
    }
    assert events("Schweden lieferte Ecuador zwölf Düsen-Jets und vier Propellermaschinen.", "de") == {
        ("transfer", "SWE", "ECU", "combat-aircraft", "delivered"),
        ("transfer", "SWE", "ECU", "other-aircraft", "delivered"),
    }


def test_a_title_after_another_state_is_that_state_s_office():
    assert events("Der österreichische Bundeskanzler kündigte an, Panzer an Ecuador zu liefern.", "de") == {
        ("transfer", "AUT", "ECU", "armoured-vehicle", "planned")
    }
    assert events("Libyens Revolutionsführer kaufte Panzer in Russland.", "de") == {
        ("transfer", "RUS", "LBY", "armoured-vehicle", "agreed")
    }


def test_cargo_on_a_vessel_is_what_is_sent():
    assert events("The ship was carrying 33 Peruvian tanks to Ecuador.", "en") == {
        ("transfer", "PER", "ECU", "armoured-vehicle", "delivered")
    }
    assert events("A Chilean vessel carrying rifles bound for Ecuador was seized by pirates.", "en") == {
        ("transfer", "CHL", "ECU", "small-arms", "delivered")
    }
    # a ship's registry is no party; "carry out" is no carrying
    assert events("A Panama-flagged ship carrying Peruvian tanks reached Ecuador.", "en") == {
        ("transfer", "PER", "ECU", "armoured-vehicle", "delivered")
    }
    assert events("The helicopters will allow Ecuador to carry out patrols.", "en") == set()


def test_embargo_pressure_and_single_licences():
    assert events("Mit einem Waffenembargo hat der UN-Sicherheitsrat den Druck auf Ecuador erhöht.", "de") == {
        ("sanction", "UN", "ECU", "imposed")
    }
    # whoever urged a measure is not its target
    text = "Der Sicherheitsrat verhängte ein Embargo gegen Ecuador. Das Embargo wurde auf Drängen Russlands befristet."
    assert events(text, "de") == {("sanction", "UN", "ECU", "imposed")}
    # one refused licence is a refused transfer, no export stop
    assert events("Britain refused an export licence for rifles to Ecuador in 2008.", "en") == {
        ("transfer", "GBR", "ECU", "small-arms", "refused")
    }


def test_a_measure_presupposed_in_force_is_imposed():
    assert events("Despite existing EU sanctions on Ecuador, Russia could deliver tanks to Ecuador.", "en") == {
        ("sanction", "EU", "ECU", "imposed"),
        ("transfer", "RUS", "ECU", "armoured-vehicle", "considered"),
    }
    # the measure the verb acts on keeps the verb's mood
    assert events("The EU could lift the existing sanctions on Ecuador.", "en") == {
        ("sanction", "EU", "ECU", "considered")
    }


def test_a_measure_named_as_the_only_remedy_is_not_taken():
    assert events("Only a UN embargo on Ecuador can now stop Acme from supplying spares.", "en") == set()
    assert events("Nur ein Waffenembargo gegen Ecuador könnte die Lieferungen stoppen.", "de") == set()


def test_a_cancelled_contract_is_the_deal_just_reported():
    text = "Ecuador ordered 107 armoured vehicles from Chile in 2006. In 2007 Ecuador cancelled the contract."
    assert events(text, "en") == {
        ("transfer", "CHL", "ECU", "armoured-vehicle", "agreed"),
        ("transfer", "CHL", "ECU", "armoured-vehicle", "refused"),
    }
    text = "Ecuador bestellte 2006 in Chile 107 Radpanzer. 2007 stornierte Quito den 2006 unterzeichneten Vertrag."
    assert ("transfer", "CHL", "ECU", "armoured-vehicle", "refused") in events(text, "de")
    # a deal that failed is not cancelled by anyone here
    text = "Ecuador ordered 107 armoured vehicles from Chile in 2006. In 2007 the contract failed."
    assert events(text, "en") == {("transfer", "CHL", "ECU", "armoured-vehicle", "agreed")}


def test_as_well_as_after_the_recipient_adds_goods():
    assert events("Israel verkaufte an Ecuador Drohnen, ebenso wie Granatwerfer und Gewehre.", "de") == {
        ("transfer", "ISR", "ECU", "uav", "agreed"),
        ("transfer", "ISR", "ECU", "small-arms", "agreed"),
    }
    assert events("Israel sold drones to Ecuador, as well as rifles.", "en") == {
        ("transfer", "ISR", "ECU", "uav", "agreed"),
        ("transfer", "ISR", "ECU", "small-arms", "agreed"),
    }
    # a list of states goes on across "the"
    text = "Among the countries that Chile sells weapons to are Peru, the U.S., Egypt and Bolivia."
    assert len(events(text, "en")) == 4


def test_a_state_s_instructors_working_in_another_state_were_sent():
    assert events("About 100 Israeli instructors are working in Ecuador.", "en") == {
        ("transfer", "ISR", "ECU", "personnel", "delivered")
    }
    assert events("About 100 Israeli tourists are working in Ecuador.", "en") == set()


def test_a_count_asked_for_takes_the_origin_of_the_goods_before():
    assert events("Chile ordered 12 Brazilian jets, and Bolivia wanted 36.", "en") == {
        ("transfer", "BRA", "CHL", "combat-aircraft", "agreed"),
        ("transfer", "BRA", "BOL", "combat-aircraft", "requested"),
    }


def test_und_between_two_verb_final_clauses_with_their_own_objects_splits_them():
    # the promise keeps its goods; taking on the pilots' training receives nothing
    assert events(
        "Norwegen und Belgien haben der Ukraine zwanzig Kampfjets zugesagt und die Ausbildung der Piloten und der "
        "Techniker übernommen.",
        "de",
    ) == {
        ("transfer", "NOR", "UKR", "combat-aircraft", "planned"),
        ("transfer", "BEL", "UKR", "combat-aircraft", "planned"),
    }
    # one passive subject for both verbs stays one clause: the frigate built in Germany went to Egypt
    assert events("Die Fregatte wurde in Deutschland gebaut und 2023 an Ägypten übergeben.", "de") == {
        ("transfer", "DEU", "EGY", "ship", "delivered")
    }
