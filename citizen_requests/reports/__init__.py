"""Reports about requests: the figures, the dashboard's charts and the exports.

* :mod:`.figures`: what is counted and how (the definitions are there), the annual summary and
  the overdue list;
* :mod:`.charts`: the dashboard's bar charts, laid out for SVG;
* :mod:`.exports`: the register and the annual summary as CSV and XLSX.

The admin (``citizen_requests.admin.reports``) reads them through the names below.
"""

from .charts import BarChart, bar_chart, dashboard_charts
from .exports import (
    REGISTER_COLUMNS,
    register_csv,
    register_header,
    register_rows,
    register_xlsx,
    summary_csv,
    summary_tables,
    summary_xlsx,
)
from .figures import (
    AnnualSummary,
    Figures,
    annual_summary,
    available_years,
    figures,
    figures_by_kind,
    month_name,
    overdue_cases,
    received_in,
    working_days_since,
)

__all__ = [
    "REGISTER_COLUMNS",
    "AnnualSummary",
    "BarChart",
    "Figures",
    "annual_summary",
    "available_years",
    "bar_chart",
    "dashboard_charts",
    "figures",
    "figures_by_kind",
    "month_name",
    "overdue_cases",
    "received_in",
    "register_csv",
    "register_header",
    "register_rows",
    "register_xlsx",
    "summary_csv",
    "summary_tables",
    "summary_xlsx",
    "working_days_since",
]
