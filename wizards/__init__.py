from . import hr_work_diary_return_wizard
from . import hr_work_diary_board
from . import hr_civil_action_item_report
from . import hr_civil_meeting_reopen
from . import hr_civil_evaluation_wizard
from . import hr_civil_evaluation_appeal
from . import hr_emulation_summary_export
from . import hr_civil_evaluation_export
