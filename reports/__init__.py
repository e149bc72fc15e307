from . import hr_job_headcount_report
