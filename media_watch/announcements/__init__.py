"""The coming week's announcements for the authorised body (model regulation p.10.1).

Every Friday the press office sends the Ministry of Culture and Information what it announces
for the next week: briefings, press events and planned publications.

* :mod:`.week`: the week, Monday to Sunday in Asia/Almaty;
* :mod:`.items`: what is announced for a week, with its titles in Kazakh and Russian;
* :mod:`.documents`: the PDF per language and the spreadsheet;
* :mod:`.sending`: the message to the configured addresses through the outbox, and the Friday
  sending (once a week, in any number of workers);
* :mod:`.admin`: Media watch → Weekly announcements: the preview, the downloads and "send now".
"""
