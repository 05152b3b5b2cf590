"""Links to one record (`?mote=12`): what a page says when the address names none it can show.

One message per kind, the same whether the record does not exist, was removed or belongs to
a chapter the user may not see, so an address cannot be used to probe which ids exist.
"""

ADDRESS_NOT_FOUND = {
    "mote": "Fant ikke møtet som lenken viser til. Det kan være slettet, eller du har ikke "
            "tilgang til det.",
    "politiker": "Fant ikke politikeren som lenken viser til. Vedkommende kan være slettet, "
                 "eller du har ikke tilgang.",
    "uttalelse": "Fant ikke uttalelsen som lenken viser til. Den kan være slettet, eller du har "
                 "ikke tilgang til den.",
    "innlegg": "Fant ikke innlegget som lenken viser til. Det kan være slettet, eller du har "
               "ikke tilgang til det.",
    "kommune": "Fant ikke kommunen som lenken viser til. Bruk kommunenummeret med fire sifre, "
               "for eksempel 0301.",
}
