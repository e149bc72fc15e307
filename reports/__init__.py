from . import hr_job_headcount_report
from . import hr_work_diary_report
