from . import hr_job_headcount_report
from . import hr_work_diary_report
from . import hr_emulation_pledge_report
from . import hr_union_activity_report
from . import hr_emulation_summary_report
from . import hr_civil_evaluation_report
from . import hr_civil_evaluation_analysis
