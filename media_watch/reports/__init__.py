"""Reports for the first head: the figures of any period, the monthly report and the annual
report to the population.

* :mod:`.figures`: what is counted over a period and how (the definitions are there);
* :mod:`.tables`: the figures as labelled tables in the active language;
* :mod:`.documents`: the monthly report as a PDF on the letterhead and as a workbook;
* :mod:`.mailing`: the monthly report mailed to the Heads (``media_watch.jobs``);
* :mod:`.annual`: the annual report to the population drafted as a news item;
* :mod:`.admin` and :mod:`.dashboard`: Media watch → Reports and the Heads' dashboard panel.
"""
