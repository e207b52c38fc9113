"""Screening: counterparties and goods checked against sanctions and control lists and the transfer network.

Stages, one module each (data flows one way):

- ``model``: the list entity and hit types every part shares.
- ``lists``: readers for the official list formats (OpenSanctions FtM JSON lines, OFAC SDN XML and CSV, EU FSF XML,
  UN SC XML, UK CSV) turning a file into ``ListInfo`` and ``Entity`` objects; ``ListStore`` loads them into the
  knowledge base in one transaction and answers candidate lookups by blocking key.
- ``names``: normalisation, transliteration and blocking keys of names; ``match``: the scorer that explains a hit.
- ``goods``: HS6/CN8 codes against the control lists and free-text goods descriptions to candidate codes.
- ``service``: one screening (name, country, birth date, identifiers, goods) with network context and the
  stored decisions, used by the CLI, the API and the web page alike.
"""
