# Portal pages of the meetings: /my/briefing-reports and /my/action-items.
