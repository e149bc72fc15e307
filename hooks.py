def post_init_hook(env):
    """Demo only: the title checks ran before the module's translations were loaded; write their texts again
    in every installed language now that the terms are there."""
    if env.ref("hr_civil_service.hr_emulation_registration_ldtt_p1_prosecutor_1_demo", raise_if_not_found=False):
        registrations = env["hr.emulation.registration"].search([("check_ids", "!=", False)])
        registrations.with_context(lang="en_US")._translate_checks()  # writes the other languages
