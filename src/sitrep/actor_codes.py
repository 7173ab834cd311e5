"""Actor codes: ACLED's inter codes, and the names sitrep gives the actors the dictionary
leaves generic (civilians, rioters, an unidentified armed group or militia), each with the
placeholder ``{country}`` the events stage fills in from where the event happened.

Needs: nothing. Used by ``actors`` (naming mentions), ``actor_kinds`` (naming them from the
words around them) and the event stages that recode a side (a crowd's victims as
civilians, a crowd as rioters).
"""

from __future__ import annotations

COUNTRY_PLACEHOLDER = "{country}"

INTER_STATE = 1
INTER_IDENTITY = 4
INTER_RIOTERS = 5
INTER_PROTESTERS = 6
INTER_CIVILIANS = 7
INTER_EXTERNAL = 8

GOVERNMENT_PREFIX = "Government of"
CIVILIANS_NAME = "Civilians ({country})"
CIVILIANS_PREFIX = "Civilians"
RIOTERS_NAME = "Rioters ({country})"
UNIDENTIFIED_ARMED_GROUP = "Unidentified Armed Group ({country})"
UNIDENTIFIED_ARMED_PREFIX = "Unidentified Armed Group"
UNIDENTIFIED_ETHNIC_MILITIA = "Unidentified Ethnic Militia ({country})"
COMMUNAL_MILITIA_PREFIX = "Unidentified Communal Militia"
PRIVATE_SECURITY_PREFIX = "Private Security Forces"  # guards a firm or a person hires
