from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user, tagged

from .common import HrCivilServiceCase


@tagged("post_install", "-at_install")
class TestSettings(HrCivilServiceCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo lets only administrators save res.config.settings.
        cls.admin = new_test_user(
            cls.env,
            login="hrcs_admin",
            groups="base.group_system,hr_civil_service.group_manager",
            company_id=cls.company.id,
            company_ids=[Command.set(cls.company.ids)],
        )

    def test_default_maximum(self):
        self.assertEqual(self.company.civil_max_complexity_coefficient, 3.0)
        settings = self.env["res.config.settings"].with_user(self.admin).create({})
        self.assertEqual(settings.civil_max_complexity_coefficient, 3.0)

    def test_maximum_must_be_positive(self):
        Settings = self.env["res.config.settings"].with_user(self.admin)
        for value in (0.0, -1.0):
            with self.subTest(value=value), self.assertRaisesMessage(ValidationError, "greater than zero"):
                Settings.create({"civil_max_complexity_coefficient": value}).execute()
            self.assertEqual(self.company.civil_max_complexity_coefficient, 3.0, "nothing is saved")

    def test_maximum_is_saved_and_applied(self):
        settings = (
            self.env["res.config.settings"].with_user(self.admin).create({"civil_max_complexity_coefficient": 2.0})
        )
        settings.execute()
        self.assertEqual(self.company.civil_max_complexity_coefficient, 2.0)
        self.assertEqual(self.company_2.civil_max_complexity_coefficient, 3.0, "one agency at a time")
        with self.assertRaisesMessage(ValidationError, "above the maximum of 2.0"):
            self._create_task("HRCS.S.01", coefficient=2.2)
        self.assertAlmostEqual(self._create_task("HRCS.S.02", coefficient=2.0).coefficient, 2.0)

    def test_settings_menu_only_for_those_who_can_save(self):
        """Whoever sees Civil Service ▸ Configuration ▸ Settings must be able to save the settings."""
        menu = self.env.ref("hr_civil_service.res_config_settings_menu")
        for user in (self.admin, self.manager, self.org_officer):
            with self.subTest(user=user.login):
                sees_menu = menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                can_save = self.env["res.config.settings"].with_user(user).has_access("create") and user._is_admin()
                self.assertEqual(sees_menu, can_save)

    def test_maximum_cannot_drop_below_existing_coefficients(self):
        """Lowering the maximum under a coefficient already in use would leave the catalogue invalid."""
        self._create_task("HRCS.S.03", coefficient=2.8)
        Settings = self.env["res.config.settings"].with_user(self.admin)
        with self.assertRaisesMessage(ValidationError, "lower them before lowering the maximum"):
            Settings.create({"civil_max_complexity_coefficient": 2.5}).execute()
        self.assertEqual(self.company.civil_max_complexity_coefficient, 3.0, "nothing is saved")
