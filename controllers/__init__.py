from . import portal
from . import portal_meeting
from . import portal_evaluation
