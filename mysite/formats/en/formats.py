# "20 February 2023", as the organisation writes dates, not Django's
# American "Feb. 20, 2023".
DATE_FORMAT = "j F Y"
