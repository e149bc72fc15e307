# Portal pages of the work diary: /my/work-diary.
