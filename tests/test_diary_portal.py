# Portal tests: /my/work-diary as its own user and as an intruder.
